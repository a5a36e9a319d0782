package dev.hooklab.run;

import dev.hooklab.run.output.CapturedOutput;
import dev.hooklab.run.process.OutputHolder;

import java.util.List;
import java.util.Objects;

/**
 * What happened when one hook script ran in the sandbox.
 *
 * @param event         the lifecycle event
 * @param location      the location as written in the AppSpec
 * @param command       the command string the agent would run on the instance, or null when it never got that far
 * @param status        how it ended
 * @param exitCode      the exit code, or null when killed by a signal or never started
 * @param signal        the signal that killed the script ({@code SIGTERM}, ...), or null
 * @param durationMs    wall time from start to the script's end (including hooklab's short wait for open outputs)
 * @param stdout        standard output, kept apart from stderr
 * @param stderr        standard error
 * @param agentMessage  the agent's own error message for this outcome, or null on success
 * @param agentWarnings what the agent writes to its own log (codedeploy-agent.log) about this script
 * @param notes         where this sandbox run differs from an instance, and hooklab's explanations
 * @param outputHolders processes that held stdout or stderr open after the script exited
 * @param logTail       the agent's log tail for the event after this script (what it sends to the service)
 * @param context       what the script saw: its command's words, working directory, user, environment and deadline;
 *                      null when it never started (missing, or the agent's checks failed)
 */
public record ScriptRun(String event, String location, String command, ScriptStatus status, Integer exitCode,
                        String signal, long durationMs, CapturedOutput stdout, CapturedOutput stderr,
                        String agentMessage, List<String> agentWarnings, List<String> notes,
                        List<OutputHolder> outputHolders, String logTail, ScriptContext context) {

    public ScriptRun {
        Objects.requireNonNull(status, "status");
        stdout = stdout == null ? CapturedOutput.EMPTY : stdout;
        stderr = stderr == null ? CapturedOutput.EMPTY : stderr;
        agentWarnings = List.copyOf(agentWarnings);
        notes = List.copyOf(notes);
        outputHolders = List.copyOf(outputHolders);
    }

    /** A run without its {@link ScriptContext} (a script that never started). */
    public ScriptRun(String event, String location, String command, ScriptStatus status, Integer exitCode,
                     String signal, long durationMs, CapturedOutput stdout, CapturedOutput stderr,
                     String agentMessage, List<String> agentWarnings, List<String> notes,
                     List<OutputHolder> outputHolders, String logTail) {
        this(event, location, command, status, exitCode, signal, durationMs, stdout, stderr, agentMessage,
                agentWarnings, notes, outputHolders, logTail, null);
    }

    public boolean succeeded() {
        return status == ScriptStatus.SUCCEEDED;
    }
}
