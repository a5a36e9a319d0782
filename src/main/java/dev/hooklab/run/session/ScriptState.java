package dev.hooklab.run.session;

import dev.hooklab.run.ScriptRun;
import dev.hooklab.run.ScriptStatus;

/**
 * One script of a step: pending or running (no result yet), or how it ended.
 *
 * @param location the location as written in the AppSpec
 * @param status   null while pending or running, else how it ended
 * @param running  whether it is running now
 * @param run      the result once it ran, else null
 */
public record ScriptState(String location, ScriptStatus status, boolean running, ScriptRun run) {

    static ScriptState pending(String location) {
        return new ScriptState(location, null, false, null);
    }

    static ScriptState running(String location) {
        return new ScriptState(location, null, true, null);
    }

    static ScriptState ended(ScriptRun run) {
        return new ScriptState(run.location(), run.status(), false, run);
    }

    static ScriptState notRun(String location) {
        return new ScriptState(location, ScriptStatus.NOT_RUN, false, null);
    }
}
