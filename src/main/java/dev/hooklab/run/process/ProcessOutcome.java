package dev.hooklab.run.process;

import dev.hooklab.run.output.CapturedOutput;
import dev.hooklab.run.output.OutputChannel;

import java.util.List;
import java.util.Set;

/**
 * How a hook process ended, before it is judged by the agent's rules.
 *
 * @param scriptPid     the script's pid (in the sandbox's PID namespace under bubblewrap), or null
 * @param exitCode      the script's exit code, or null
 * @param signal        the signal number that killed it, or null
 * @param signalName    {@code SIGKILL}, ..., or null
 * @param execError     why exec failed, or null
 * @param ending        {@code deadline} (timed out), {@code stopped} (by the user),
 *                      {@code wrapper-gone} (no word on the script's end: the wrapper was killed), or null
 *                      (ended by itself)
 * @param survivedTerm  processes still alive after SIGTERM and the grace, which then got SIGKILL
 * @param leftOpen      outputs still open after the script exited
 * @param holders       the processes that held them, when they could be found
 * @param leftovers     processes still running after the script exited that the sandbox's teardown ended
 * @param notes         hooklab's remarks about the process handling
 * @param waitedForOutputs whether hooklab waited for held outputs until the agent's deadline, as the agent
 *                      does (else it reported them left open after the settle time)
 */
public record ProcessOutcome(Long scriptPid, Integer exitCode, Integer signal, String signalName, ExecError execError, String ending,
                      List<ProcessRef> survivedTerm, Set<OutputChannel> leftOpen, List<OutputHolder> holders,
                      List<ProcessRef> leftovers, CapturedOutput stdout, CapturedOutput stderr, long durationMs,
                      List<String> notes, boolean waitedForOutputs) {

    public boolean timedOut() {
        return "deadline".equals(ending);
    }

    public boolean stopped() {
        return "stopped".equals(ending);
    }
}
