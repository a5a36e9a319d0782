package dev.hooklab.run.output;

import java.time.Instant;

/**
 * One line of hook output as it arrives.
 *
 * @param channel   stdout or stderr
 * @param time      when the line arrived (the read that completed it); lines reach listeners in arrival order
 * @param text      the line without its newline; a giant line is cut and ends with a marker
 * @param bytes     the line's full length in bytes, newline excluded
 * @param truncated    whether {@code text} holds only the start of the line (scripts.log and the
 *                     spill file keep it whole)
 * @param afterTimeout whether the line was written after the timeout's SIGTERM (by a trap handler, say): the agent
 *                     closes the outputs as it sends that signal and loses it; not in scripts.log or the log tail
 */
public record OutputLine(OutputChannel channel, Instant time, String text, long bytes, boolean truncated,
                         boolean afterTimeout) {

    public OutputLine(OutputChannel channel, Instant time, String text, long bytes, boolean truncated) {
        this(channel, time, text, bytes, truncated, false);
    }
}
