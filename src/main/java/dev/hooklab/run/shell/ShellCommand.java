package dev.hooklab.run.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A shell in the sandbox of one step's hooks, ready to start: self-contained, so that the same words work started
 * by hooklab in a terminal emulator and pasted into any shell of this machine.
 *
 * @param event            the step whose hooks' sandbox it is ({@code LIFECYCLE_EVENT})
 * @param argv             the words to execute: {@code env} with the hook's variables, a short launcher that moves
 *                         to the hook's folder and prints {@code banner}, then the shell, confined as the hook is
 * @param directory        where to start it (any folder works; the launcher moves on itself)
 * @param workingDirectory the hook's working directory, as the shell sees it
 * @param isolation        {@code bwrap} or {@code none}
 * @param variables        what the agent sets for hooks ({@code LIFECYCLE_EVENT}, {@code DEPLOYMENT_ID}, ...)
 * @param cleared          what the agent removes from its environment before it runs hooks
 * @param banner           the line printed before the prompt: where the shell is, or a warning without isolation
 */
public record ShellCommand(String event, List<String> argv, Path directory, String workingDirectory,
                           String isolation, Map<String, String> variables, List<String> cleared, String banner) {

    public ShellCommand {
        argv = List.copyOf(argv);
        variables = Map.copyOf(variables);
        cleared = List.copyOf(cleared);
    }

    /** Whether the shell is confined (bubblewrap); otherwise it runs straight on this machine. */
    public boolean isolated() {
        return !isolation.equals("none");
    }

    /** The command line to paste into a terminal, every word shell-quoted. */
    public String pasteLine() {
        return ShellWords.line(argv);
    }
}
