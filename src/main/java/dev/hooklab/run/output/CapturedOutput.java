package dev.hooklab.run.output;

import java.nio.file.Path;

/**
 * What was kept of one output channel.
 *
 * @param text         the start of the output, decoded as UTF-8 (at most the head limit of bytes)
 * @param bytes        the size of the output kept (all of it unless the script's output cap cut it)
 * @param spillFile    a file with the whole output kept when it was larger than the head, else null
 * @param droppedBytes bytes read after the output cap ({@link RunLimits#maxOutputBytes()}) and dropped
 * @param afterTimeoutLines how many of the last lines were written after the timeout's SIGTERM
 *                          ({@link OutputLine#afterTimeout}): kept here, lost by the agent
 */
public record CapturedOutput(String text, long bytes, Path spillFile, long droppedBytes, int afterTimeoutLines) {
    public static final CapturedOutput EMPTY = new CapturedOutput("", 0, null, 0);

    public CapturedOutput(String text, long bytes, Path spillFile, long droppedBytes) {
        this(text, bytes, spillFile, droppedBytes, 0);
    }

    CapturedOutput withAfterTimeoutLines(int lines) {
        return new CapturedOutput(text, bytes, spillFile, droppedBytes, lines);
    }

    public CapturedOutput(String text, long bytes, Path spillFile) {
        this(text, bytes, spillFile, 0);
    }

    /** Whether {@link #text()} is the whole output. */
    public boolean complete() {
        return spillFile == null && droppedBytes == 0;
    }
}
