package dev.hooklab.run.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Reads one output channel of a hook to its end, line by line like Ruby's {@code each_line}
 * (lines end at {@code \n} and have no length limit): every byte goes to the channel's
 * {@link StreamRecord}; each complete line goes to the {@link HookLog} and the listener. Only the
 * first {@code maxLineBytes} of a line are held in memory; the log copies a longer line whole from
 * the record, the listener gets it cut with a marker.
 * <p>
 * Once the script's {@link OutputBudget} is spent, the reader cuts: at the end of the last whole line that
 * fits it writes a marker line to the record, {@code scripts.log} and the listener, then goes on reading
 * (so the script never blocks) and drops the bytes, which only the agent's log tail still sees.
 * <p>
 * Lines completed by a read that returned after the hook's deadline was reported ({@code deadlineReported}, asked
 * after each read) are written after the timeout's SIGTERM as far as anyone can tell: they stay in the record and
 * reach the listener marked {@link OutputLine#afterTimeout}, and stay out of the {@link HookLog}, as the agent, which
 * closes the outputs when it sends that signal, never logs them.
 */
final class OutputCapture implements Runnable {
    private final OutputChannel channel;
    private final InputStream in;
    private final StreamRecord record;
    private final HookLog log;
    private final OutputListener listener;
    private final int maxLineBytes;
    private final Clock clock;
    private final OutputBudget budget;
    private final BooleanSupplier deadlineReported;

    private final ByteArrayOutputStream lineHead = new ByteArrayOutputStream();
    private long lineBytes;
    private long lineOffset;
    /** When the chunk that completes the current line was read: the line's arrival time. */
    private Instant arrived;
    /** Whether the chunks read now come after the deadline was reported; never goes back to false. */
    private boolean late;
    private volatile int lateLines;
    private volatile IOException failure;
    private volatile RuntimeException listenerFailure;
    private volatile boolean cut;

    OutputCapture(OutputChannel channel, InputStream in, StreamRecord record, HookLog log, OutputListener listener,
                  int maxLineBytes, Clock clock, OutputBudget budget, BooleanSupplier deadlineReported) {
        this.budget = budget;
        this.deadlineReported = deadlineReported;
        this.channel = channel;
        this.in = in;
        this.record = record;
        this.log = log;
        this.listener = listener;
        this.maxLineBytes = maxLineBytes;
        this.clock = clock;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[1 << 16];
        try (in) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                arrived = clock.instant();
                // asked after the read returned: the wrapper reports the deadline before it sends SIGTERM, so
                // whatever the signal made the script write is read after the report is there to see
                late = late || deadlineReported.getAsBoolean();
                long chunkOffset = record.size();
                int keep = cut ? 0 : kept(buffer, read);
                record.append(buffer, 0, keep);
                record.drop(read - keep);
                int cutAt = !cut && keep < read ? keep : -1;
                int length = read;
                long ticket = log.ticket(); // taken only where nothing can fail before its turn is served
                log.inTurn(ticket, () -> lines(buffer, length, chunkOffset, cutAt));
            }
            if (lineBytes > 0) {
                long ticket = log.ticket();
                log.inTurn(ticket, () -> {
                    endLine(false);
                    flushLog();
                });
            }
        } catch (IOException e) {
            failure = e;
        }
    }

    /** How much of a chunk the budget lets this reader keep: all of it, or up to its last whole line that fits. */
    private int kept(byte[] buffer, int read) {
        int granted = budget.take(read);
        if (granted == read) {
            return read;
        }
        for (int i = granted - 1; i >= 0; i--) {
            if (buffer[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }

    /** Marks where the output was cut, in the record, scripts.log and for the listener. */
    private void cutHere() {
        cut = true;
        String text = "[hooklab] " + channel.label() + " cut here: this script's output reached "
                + mib(budget.limit()) + " (this run's cap per script); the rest was read and dropped";
        byte[] line = ((lineBytes > 0 ? "\n" : "") + text + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            record.append(line, 0, line.length);
        } catch (IOException e) {
            failure = e;
        }
        try {
            log.marker(text + "\n");
        } catch (UncheckedIOException e) {
            failure = e.getCause();
        }
        if (listener != OutputListener.NONE) {
            try {
                listener.line(new OutputLine(channel, clock.instant(), text, text.length(), false));
            } catch (RuntimeException e) {
                listenerFailure = e;
            }
        }
    }

    static String mib(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }

    /** How many lines came after the deadline was reported (and are kept, but not logged). */
    int lateLines() {
        return lateLines;
    }

    /** Whether the output was cut at the script's output cap. */
    boolean cut() {
        return cut;
    }

    /**
     * The lines a chunk just read completes, logged and handed on (in the chunk's turn, so stdout and stderr
     * reach the log and the listener in the order they were read); the cut marker goes where the cap fell.
     */
    private void lines(byte[] buffer, int read, long chunkOffset, int cutAt) {
        int start = 0;
        for (int i = 0; i < read; i++) {
            if (i == cutAt) {
                cutHere();
            }
            if (buffer[i] == '\n') {
                take(buffer, start, i - start, chunkOffset);
                endLine(true);
                start = i + 1;
            }
        }
        take(buffer, start, read - start, chunkOffset);
        flushLog();
    }

    /** A read or log write error, or null. */
    IOException failure() {
        return failure;
    }

    /** What the listener threw, or null. */
    RuntimeException listenerFailure() {
        return listenerFailure;
    }

    private void flushLog() {
        try {
            log.flush();
        } catch (UncheckedIOException e) {
            failure = e.getCause();
        }
    }

    private void take(byte[] buffer, int start, int length, long chunkOffset) {
        if (length == 0) {
            return;
        }
        if (lineBytes == 0) {
            lineOffset = chunkOffset + start;
        }
        int keep = (int) Math.min(length, Math.max(0, maxLineBytes - lineBytes));
        lineHead.write(buffer, start, keep);
        lineBytes += length;
    }

    private void endLine(boolean newline) {
        CapturedLine line = new CapturedLine(channel, arrived, lineHead.toByteArray(), lineBytes, newline,
                record, lineOffset, late);
        lineHead.reset();
        lineBytes = 0;
        if (cut) {
            if (!late) {
                log.tailOnly(line); // past the cap: the agent's tail still sees it, nothing else does
            }
            return;
        }
        if (late) {
            lateLines++; // only this reader writes it
        } else {
            // neither a full disk nor a failing listener may stop the draining: the script would block
            try {
                log.output(line);
            } catch (UncheckedIOException e) {
                failure = e.getCause();
            }
        }
        if (listener == OutputListener.NONE) {
            return; // nobody listens: no text to decode
        }
        try {
            listener.line(line.toOutputLine());
        } catch (RuntimeException e) {
            listenerFailure = e;
        }
    }
}
