package dev.hooklab.run.session;

import dev.hooklab.run.ScriptContext;
import dev.hooklab.run.ScriptRun;
import dev.hooklab.run.ScriptStatus;

/**
 * One script of a step: pending, running (no result yet), or how it ended.
 *
 * @param location the location as written in the AppSpec
 * @param status   null while pending or running, else how it ended
 * @param running  whether it is running now
 * @param run      the result once it ran, else null
 * @param context  what the script sees, from the moment it started (its result's once it ended); else null
 * @param command  the command the agent would run for it, from the moment it started; else null
 */
public record ScriptState(String location, ScriptStatus status, boolean running, ScriptRun run,
                          ScriptContext context, String command) {

    public ScriptState(String location, ScriptStatus status, boolean running, ScriptRun run) {
        this(location, status, running, run, run == null ? null : run.context(), run == null ? null : run.command());
    }

    static ScriptState pending(String location) {
        return new ScriptState(location, null, false, null);
    }

    /** About to start: running, though what it sees is not known yet. */
    static ScriptState running(String location) {
        return new ScriptState(location, null, true, null);
    }

    /** Started: running with its command, environment, user and deadline known. */
    static ScriptState started(String location, ScriptContext context, String command) {
        return new ScriptState(location, null, true, null, context, command);
    }

    static ScriptState ended(ScriptRun run) {
        return new ScriptState(run.location(), run.status(), false, run);
    }

    static ScriptState notRun(String location) {
        return new ScriptState(location, ScriptStatus.NOT_RUN, false, null);
    }
}
