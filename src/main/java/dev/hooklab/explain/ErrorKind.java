package dev.hooklab.explain;

import java.util.Locale;

/** What kind of failure a pasted text reports, in the order of the agent's own error codes where it has them. */
public enum ErrorKind {
    /** {@code Script does not exist at specified location: <path>} (the agent's ScriptMissing). */
    SCRIPT_MISSING,
    /** {@code Unable to set script at specified location: <location> as executable} (ScriptNotExecutable). */
    NOT_EXECUTABLE,
    /** {@code Script at specified location: <location> failed to complete in <n> seconds} (ScriptTimedOut). */
    TIMED_OUT,
    /** {@code Script at specified location: <location> failed with exit code <n>} (ScriptFailed). */
    EXIT_CODE,
    /** {@code ... failed with error Errno::<name> with message <text>}: the script could not be started. */
    START_ERROR,
    /** {@code Script at specified location: <location> failed to close STDOUT} (or STDERR). */
    OUTPUTS_LEFT_OPEN,
    /** {@code Script at specified location: <location> resolves outside the deployment archive} (agent 2.1). */
    OUTSIDE_ARCHIVE,
    /** The agent found no AppSpec in the revision. */
    APPSPEC_NOT_FOUND,
    /** The agent's YAML parser or AppSpec validation refused the file. */
    APPSPEC_INVALID,
    /** Install refused to replace a file it did not install ({@code file_exists_behavior} DISALLOW). */
    FILE_EXISTS,
    /** A bare on-instance path under the agent's deployment root, with no message around it. */
    INSTANCE_PATH;

    /** Kebab-case, as in JSON: {@code script-missing}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
