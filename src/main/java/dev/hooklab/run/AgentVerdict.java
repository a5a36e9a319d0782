package dev.hooklab.run;

import dev.hooklab.finding.Setting;
import dev.hooklab.run.output.OutputChannel;
import dev.hooklab.run.process.OutputHolder;
import dev.hooklab.run.process.ProcessOutcome;
import dev.hooklab.run.process.ProcessRef;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Judges a hook process by the agent's rules (agent-behaviour.md §5.7 and §5.8): the status, the agent's exact
 * message, and notes wherever the sandbox saw or did something an instance would not.
 * The agent's order: the deadline first, then stdout left open, then stderr, then the exit status.
 */
final class AgentVerdict {

    /**
     * @param status       how the script ended
     * @param exitCode     its exit code, or null
     * @param signal       the killing signal's name, or null
     * @param agentMessage the agent's message, or null on success
     * @param notes        explanations
     */
    record Judgement(ScriptStatus status, Integer exitCode, String signal, String agentMessage, List<String> notes) {
    }

    private static final int NAMED_PROCESSES = 5;

    private final ScriptAgentMessages messages;
    private final int appSpecTimeout;
    private final int timeout;
    private final boolean ownPidNamespace;

    /**
     * @param appSpecTimeout the timeout the AppSpec asks for
     * @param timeout        the deadline this run enforced (lower when the user capped it)
     */
    AgentVerdict(ScriptAgentMessages messages, int appSpecTimeout, int timeout, boolean ownPidNamespace) {
        this.messages = messages;
        this.appSpecTimeout = appSpecTimeout;
        this.timeout = timeout;
        this.ownPidNamespace = ownPidNamespace;
    }

    Judgement judge(ProcessOutcome outcome, String program) {
        List<String> notes = new ArrayList<>();
        String signal = outcome.signalName();
        if (outcome.stopped()) {
            notes.add("Stopped by the user before the script ended.");
            notes.addAll(survivorNotes(outcome, false));
            return new Judgement(ScriptStatus.STOPPED, outcome.exitCode(), signal, null, notes);
        }
        if (outcome.timedOut()) {
            if (timeout < appSpecTimeout) {
                notes.add("The AppSpec asks for a timeout of " + appSpecTimeout + " s; this run stopped the script after "
                        + timeout + " s, the maximum chosen for hooklab. On an instance it could run up to "
                        + appSpecTimeout + " s.");
            }
            notes.addAll(survivorNotes(outcome, true));
            return new Judgement(ScriptStatus.TIMED_OUT, null, signal, messages.timedOut(timeout), notes);
        }
        if (outcome.execError() != null) {
            return new Judgement(ScriptStatus.SPAWN_ERROR, null, null,
                    messages.execError(outcome.execError(), program), notes);
        }
        if ("wrapper-gone".equals(outcome.ending())) {
            notes.add("hooklab's wrapper, the script's parent process, was killed (by the hook? `kill $PPID` does it) "
                    + "before it could report how the script ended; the hook's exit status is unknown. On an instance "
                    + "the script's parent is the agent itself.");
            return new Judgement(ScriptStatus.FAILED, null, null, null, notes);
        }
        if (outcome.exitCode() == null && outcome.signal() == null) {
            notes.add("The sandbox could not start the hook; its error is in stderr.");
            return new Judgement(ScriptStatus.SPAWN_ERROR, null, null, null, notes);
        }
        if (!outcome.leftOpen().isEmpty()) {
            OutputChannel first = outcome.leftOpen().contains(OutputChannel.STDOUT) ? OutputChannel.STDOUT
                    : OutputChannel.STDERR;
            notes.add(leftOpenNote(outcome, first));
            return new Judgement(ScriptStatus.OUTPUTS_LEFT_OPEN, outcome.exitCode(), signal, messages.leftOpen(first),
                    notes);
        }
        if (!outcome.leftovers().isEmpty()) {
            notes.add("Still running when the script ended: " + describe(outcome.leftovers()) + ". It let go of the"
                    + " script's outputs, so on an instance it keeps running; here it ended with the sandbox's PID"
                    + " namespace.");
        }
        if (outcome.exitCode() != null && outcome.exitCode() == 0) {
            return new Judgement(ScriptStatus.SUCCEEDED, 0, null, null, notes);
        }
        if (outcome.signal() != null) {
            notes.add("The script was killed by signal " + signal + " (" + outcome.signal() + "). Ruby then has no exit"
                    + " status, so the agent's message ends in \"exit code \" with nothing after it.");
        }
        return new Judgement(ScriptStatus.FAILED, outcome.exitCode(), signal, messages.exitCode(outcome.exitCode()),
                notes);
    }

    private String leftOpenNote(ProcessOutcome outcome, OutputChannel first) {
        String who = outcome.holders().isEmpty() ? "A background process"
                : describeHolders(outcome);
        String kept = outcome.leftOpen().size() == 2 ? "STDOUT and STDERR" : first.name();
        String ended = ownPidNamespace ? "Here it ended with the sandbox's PID namespace (the pids are that namespace's)."
                : "hooklab stopped it so nothing is left running here.";
        String advice = " Start background processes with all three streams redirected:"
                + " `cmd > /dev/null 2>&1 < /dev/null &`.";
        if (outcome.waitedForOutputs()) {
            return who + " still held " + kept + " at the timeout (" + timeout + " s). The agent waits as long, then"
                    + " fails with this message and kills nothing, so on an instance it keeps running. " + ended + advice;
        }
        return who + " kept " + kept + " open after the script exited. On an instance the agent keeps waiting until"
                + " the deadline (" + appSpecTimeout + " s), then fails with this message and kills nothing, so the"
                + " process keeps running there; hooklab did not wait (" + Setting.NO_WAIT_FOR_OUTPUTS.ref()
                + ") and reports it at once. "
                + ended + advice;
    }

    private static String describeHolders(ProcessOutcome outcome) {
        return describe(outcome.holders().stream().map(OutputHolder::process).distinct().toList());
    }

    private List<String> survivorNotes(ProcessOutcome outcome, boolean deadline) {
        List<String> notes = new ArrayList<>();
        List<ProcessRef> others = new ArrayList<>();
        for (ProcessRef survivor : outcome.survivedTerm()) {
            if (outcome.scriptPid() != null && survivor.pid() == outcome.scriptPid()) {
                notes.add("The script ignored SIGTERM, so hooklab sent SIGKILL after the grace period."
                        + (deadline ? " The real agent sends only SIGTERM and then waits for the script to end:"
                        + " on an instance the deployment would have hung here." : ""));
            } else {
                others.add(survivor);
            }
        }
        if (!others.isEmpty()) {
            notes.add("Still running after SIGTERM and the grace period, so hooklab sent SIGKILL: " + describe(others)
                    + "." + (deadline ? " On an instance they would have kept running." : ""));
        }
        return notes;
    }

    /** The first few processes, then how many more: a fork bomb leaves hundreds. */
    static String describe(List<ProcessRef> processes) {
        String named = processes.stream().limit(NAMED_PROCESSES).map(ProcessRef::describe)
                .collect(Collectors.joining(", "));
        return processes.size() <= NAMED_PROCESSES ? named
                : named + " and " + (processes.size() - NAMED_PROCESSES) + " more";
    }
}
