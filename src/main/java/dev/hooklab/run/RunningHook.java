package dev.hooklab.run;

import dev.hooklab.run.output.CapturedOutput;
import dev.hooklab.run.output.OutputChannel;
import dev.hooklab.run.process.HookProcess;
import dev.hooklab.run.process.ProcessOutcome;

import java.io.IOException;
import java.util.function.Function;

/** A hook script started by {@link HookRunner}: wait for its {@link ScriptRun}, or stop it. */
public final class RunningHook {
    private final String location;
    private final ScriptContext context;
    private final String command;
    private final HookProcess process;
    private final Function<ProcessOutcome, ScriptRun> judge;
    private volatile ScriptRun finished;

    RunningHook(String location, ScriptContext context, String command, HookProcess process,
                Function<ProcessOutcome, ScriptRun> judge) {
        this.location = location;
        this.context = context;
        this.command = command;
        this.process = process;
        this.judge = judge;
    }

    /** A script that never started (missing, not executable and chmod failed). */
    RunningHook(ScriptRun finished) {
        this.location = finished.location();
        this.context = finished.context();
        this.command = finished.command();
        this.process = null;
        this.judge = null;
        this.finished = finished;
    }

    /** The script's location as the AppSpec wrote it. */
    public String location() {
        return location;
    }

    /** What the script sees (its command's words, environment, user, deadline), or null if it never started. */
    public ScriptContext context() {
        return context;
    }

    /** The command the agent would run for it, or null when it never got that far. */
    public String command() {
        return command;
    }

    /** A channel's whole output up to now, from any thread, while the script may still print. */
    public CapturedOutput outputSoFar(OutputChannel channel) throws IOException {
        if (finished != null) {
            return channel == OutputChannel.STDOUT ? finished.stdout() : finished.stderr();
        }
        return process.outputSoFar(channel);
    }

    /**
     * Stops the script from any thread: SIGTERM to its processes, SIGKILL after the grace period
     * (under bubblewrap the whole sandbox goes at once). {@link #await()} then reports {@code stopped}.
     */
    public void stop() {
        if (process != null) {
            process.stop();
        }
    }

    /** Waits for the script (bounded by its deadline plus the grace periods) and reports what happened. */
    public synchronized ScriptRun await() throws InterruptedException, IOException {
        if (finished == null) {
            finished = judge.apply(process.await());
        }
        return finished;
    }
}
