package dev.hooklab.run.shell;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Opens a {@link ShellCommand} in the desktop's terminal emulator, started apart from hooklab (in its own session
 * where {@code setsid} exists, its output discarded, nothing waits for it), or, where no terminal emulator is found or it cannot start, gives the line to paste.
 */
public final class ShellOpener {
    private static final java.nio.file.Path SETSID = java.nio.file.Path.of("/usr/bin/setsid");

    private final Terminals terminals;

    public ShellOpener(Terminals terminals) {
        this.terminals = terminals;
    }

    /** What became of a shell to open. */
    public sealed interface Opened permits Started, ToPaste {
    }

    /** A terminal runs the shell: {@code argv} started it. */
    public record Started(String terminal, List<String> argv) implements Opened {
    }

    /** No terminal could open it: {@code line} is the command to paste into one, {@code reason} says why. */
    public record ToPaste(String line, String reason) implements Opened {
    }

    /** The terminal's command line for {@code command}, or empty when no terminal emulator is found. */
    public Optional<List<String>> terminalCommand(ShellCommand command) {
        return terminals.find().map(terminal -> terminal.wrap(command.argv()));
    }

    /** Starts the shell in a terminal emulator, or says what to paste. Returns at once. */
    public Opened open(ShellCommand command) {
        Optional<Terminals.Terminal> terminal = terminals.find();
        if (terminal.isEmpty()) {
            return new ToPaste(command.pasteLine(), terminals.whyNone());
        }
        List<String> argv = new java.util.ArrayList<>(terminal.get().wrap(command.argv()));
        if (java.nio.file.Files.isExecutable(SETSID)) {
            argv.add(0, SETSID.toString()); // its own session: a Ctrl-C where hooklab was started leaves it open
        }
        try {
            new ProcessBuilder(argv)
                    .directory(command.directory().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new Started(terminal.get().name(), argv);
        } catch (IOException e) {
            return new ToPaste(command.pasteLine(), terminal.get().name() + " could not be started: " + e.getMessage());
        }
    }
}
