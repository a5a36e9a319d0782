package dev.hooklab.run;

/** How one hook script ended. {@link HookRunner} never reports {@link #SKIPPED} or {@link #NOT_RUN}. */
public enum ScriptStatus {
    /** Exit code 0 and both outputs closed. */
    SUCCEEDED("succeeded"),
    /** Non-zero exit, death by a signal, or the agent could not make the script executable. */
    FAILED("failed"),
    /** Still running at the deadline (the agent's error code 3). */
    TIMED_OUT("timed-out"),
    /** Exited while a background process still held stdout or stderr (the agent's error code 6). */
    OUTPUTS_LEFT_OPEN("outputs-left-open"),
    /** No file at the location (the agent's error code 1). */
    MISSING("missing"),
    /** The command could not be started: exec failed (the agent's "failed with error Errno::..."). */
    SPAWN_ERROR("spawn-error"),
    /** Stopped by the user before it ended; no agent equivalent. */
    STOPPED("stopped"),
    /** Set by the session: a script the user skipped. */
    SKIPPED("skipped"),
    /** Set by the session: a script after a failure, which the agent does not run. */
    NOT_RUN("not-run");

    private final String json;

    ScriptStatus(String json) {
        this.json = json;
    }

    /** The name in hooklab's JSON and CLI output. */
    public String json() {
        return json;
    }
}
