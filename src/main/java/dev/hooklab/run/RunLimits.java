package dev.hooklab.run;

import java.time.Duration;

/**
 * How hooklab bounds a hook run where the agent would not.
 *
 * @param maxTimeoutSeconds a deadline chosen by the user that caps every script's AppSpec
 *                          {@code timeout}, or null to keep the AppSpec's
 * @param killGrace         how long a script's processes get after SIGTERM before SIGKILL (the agent
 *                          sends no SIGKILL and would wait forever)
 * @param settle            how long after the script's exit its outputs may stay open before hooklab
 *                          reports them left open (the agent waits until the deadline)
 * @param headBytes         bytes of each output channel kept in memory; the rest goes to a spill file
 * @param maxLineBytes      bytes of one line handed to listeners; longer lines are cut with a marker
 * @param waitForOutputs    whether, after a script's exit, hooklab waits as the agent does for outputs a
 *                          background process still holds (until the deadline), or ends the holders after
 *                          {@code settle} and reports them left open at once
 * @param maxOutputBytes    bytes of one script's output (stdout and stderr together) kept in {@code scripts.log},
 *                          the spill files and for listeners; past it hooklab writes a marker and drops the rest,
 *                          still reading it (the agent's log tail still sees every line)
 */
public record RunLimits(Integer maxTimeoutSeconds, Duration killGrace, Duration settle, int headBytes,
                        int maxLineBytes, boolean waitForOutputs, long maxOutputBytes) {
    /** 100 MiB: a hook printing at full speed fills it in about a second. */
    public static final long DEFAULT_MAX_OUTPUT_BYTES = 100L << 20;
    /**
     * How long a Stop pressed by the user gives the script's processes after SIGTERM before SIGKILL (the deadline's
     * {@code killGrace} may be longer): Stop ends a hook within two seconds.
     */
    public static final Duration STOP_GRACE = Duration.ofSeconds(1);

    public RunLimits {
        if (maxTimeoutSeconds != null && maxTimeoutSeconds < 1) {
            throw new IllegalArgumentException("maxTimeoutSeconds must be at least 1");
        }
        if (killGrace.isNegative() || settle.isNegative() || headBytes < 0 || maxLineBytes < 1
                || maxOutputBytes < 1) {
            throw new IllegalArgumentException("negative limit");
        }
    }

    /** No cap, 2 s grace, 0.5 s settle, 1 MiB head, 64 KiB lines, waiting for held outputs as the agent, 100 MiB of output per script. */
    public static RunLimits defaults() {
        return new RunLimits(null, Duration.ofSeconds(2), Duration.ofMillis(500), 1 << 20, 1 << 16, true,
                DEFAULT_MAX_OUTPUT_BYTES);
    }

    public RunLimits withWaitForOutputs(boolean wait) {
        return new RunLimits(maxTimeoutSeconds, killGrace, settle, headBytes, maxLineBytes, wait, maxOutputBytes);
    }

    /** With null, the default. */
    public RunLimits withMaxOutputBytes(Long bytes) {
        return new RunLimits(maxTimeoutSeconds, killGrace, settle, headBytes, maxLineBytes, waitForOutputs,
                bytes == null ? DEFAULT_MAX_OUTPUT_BYTES : bytes);
    }

    public RunLimits withMaxTimeout(Integer seconds) {
        return new RunLimits(seconds, killGrace, settle, headBytes, maxLineBytes, waitForOutputs, maxOutputBytes);
    }

    public RunLimits withKillGrace(Duration grace) {
        return new RunLimits(maxTimeoutSeconds, grace, settle, headBytes, maxLineBytes, waitForOutputs, maxOutputBytes);
    }

    public RunLimits withSettle(Duration wait) {
        return new RunLimits(maxTimeoutSeconds, killGrace, wait, headBytes, maxLineBytes, waitForOutputs, maxOutputBytes);
    }

    public RunLimits withHeadBytes(int bytes) {
        return new RunLimits(maxTimeoutSeconds, killGrace, settle, bytes, maxLineBytes, waitForOutputs, maxOutputBytes);
    }

    /** The deadline this run uses for a script whose AppSpec asks for {@code appSpecSeconds} (at least 1, as the agent). */
    int timeoutFor(int appSpecSeconds) {
        int asked = Math.max(1, appSpecSeconds);
        return maxTimeoutSeconds == null ? asked : Math.min(asked, maxTimeoutSeconds);
    }
}
