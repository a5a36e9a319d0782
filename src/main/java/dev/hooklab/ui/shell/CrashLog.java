package dev.hooklab.ui.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;

/**
 * Where an unexpected exception goes: its stack, appended to {@code errors.log} in the user's state folder, so
 * the window shows one sentence naming the file instead of a stack trace.
 */
public final class CrashLog {
    public static final String FILE_NAME = "errors.log";

    private final Path file;
    private final Clock clock;

    public CrashLog(Path stateFolder, Clock clock) {
        this.file = stateFolder.resolve(FILE_NAME);
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    /** Writes the stack and returns the one sentence for the user. */
    public String record(String doing, Throwable t) {
        StringWriter stack = new StringWriter();
        t.printStackTrace(new PrintWriter(stack));
        String entry = "[" + Instant.now(clock) + "] while " + doing + ":\n" + stack + "\n";
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return "hooklab failed unexpectedly while " + doing + " (" + t.getClass().getSimpleName()
                    + "); the details are in " + file + ".";
        } catch (IOException e) {
            return "hooklab failed unexpectedly while " + doing + " (" + t + "), and could not write " + file + ".";
        }
    }
}
