package dev.hooklab.run.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One complete line inside the reader: its start in memory and, for a giant line, where the whole
 * of it lies in the channel's {@link StreamRecord}.
 *
 * @param time    when it arrived: when the read that completed it returned (lines of one channel never go back in
 *                time, and the two channels are handed on in the order of their reads)
 * @param head    the line's first bytes (all of them unless the line is giant), without newline
 * @param bytes   the full length without newline
 * @param newline whether the line ended with a newline (the last line may not)
 * @param afterTimeout whether the read that completed it came after the wrapper reported the deadline
 *                     ({@link OutputLine#afterTimeout})
 */
record CapturedLine(OutputChannel channel, Instant time, byte[] head, long bytes, boolean newline,
                    StreamRecord record, long offset, boolean afterTimeout) {

    CapturedLine(OutputChannel channel, Instant time, byte[] head, long bytes, boolean newline, StreamRecord record,
                 long offset) {
        this(channel, time, head, bytes, newline, record, offset, false);
    }

    boolean giant() {
        return bytes > head.length;
    }

    /** The whole line, newline included when it had one, as the agent logs it. */
    void writeTo(OutputStream out) throws IOException {
        if (giant()) {
            record.copy(offset, bytes, out);
        } else {
            out.write(head);
        }
        if (newline) {
            out.write('\n');
        }
    }

    String text() {
        return new String(head, StandardCharsets.UTF_8);
    }

    OutputLine toOutputLine() {
        String text = text();
        if (giant()) {
            text = text + " [... line truncated here: " + bytes + " bytes in all]";
        }
        return new OutputLine(channel, time, text, bytes, giant(), afterTimeout);
    }
}
