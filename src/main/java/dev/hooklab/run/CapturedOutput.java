package dev.hooklab.run;

import java.nio.file.Path;

/**
 * What was kept of one output channel.
 *
 * @param text      the start of the output, decoded as UTF-8 (at most the head limit of bytes)
 * @param bytes     the full size of the output
 * @param spillFile a file with the whole output when it was larger than the head, else null
 */
public record CapturedOutput(String text, long bytes, Path spillFile) {
    public static final CapturedOutput EMPTY = new CapturedOutput("", 0, null);

    /** Whether {@link #text()} is the whole output. */
    public boolean complete() {
        return spillFile == null;
    }
}
