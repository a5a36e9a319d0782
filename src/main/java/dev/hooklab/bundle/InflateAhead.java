package dev.hooklab.bundle;

import dev.hooklab.work.Workers;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a stream (a gzip stream being inflated) on a thread of its own, a few buffers ahead of its
 * reader, as the gzip process in front of {@code tar xzf} does: inflating and what the reader does
 * with the data run on two cores. Failures of the source come out of {@link #read} unchanged.
 */
final class InflateAhead extends InputStream {
    private static final int BUFFER = 1 << 20;
    /** Inflated per call: the output of a call that meets damaged data is lost, so this bounds what a failure hides. */
    private static final int STEP = 1 << 16;
    private static final int AHEAD = 4;

    /** A buffer of data; {@code length} -1 marks the end, or a failure when {@code failure} is set. */
    private record Chunk(byte[] data, int length, IOException failure) {
    }

    private final InputStream source;
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(AHEAD);
    private final BlockingQueue<byte[]> empty = new ArrayBlockingQueue<>(AHEAD + 2);
    private final Thread thread;
    private volatile boolean closed;
    private Chunk current;
    private int position;

    InflateAhead(InputStream source, Workers workers) {
        this.source = source;
        this.thread = workers.thread("hooklab-inflate", this::fill);
        thread.start();
    }

    private void fill() {
        int allocated = 0;
        try {
            while (!closed) {
                byte[] buffer = empty.poll();
                if (buffer == null) {
                    buffer = allocated++ < AHEAD + 2 ? new byte[BUFFER] : empty.take();
                }
                if (!fill(buffer)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            // closed by the reader
        }
    }

    /**
     * Fills one buffer and hands it over; at the end or on a failure, hands over what was read before
     * it, then the end or the failure. Returns whether there is more to read.
     */
    private boolean fill(byte[] buffer) throws InterruptedException {
        int filled = 0;
        IOException failure = null;
        int n = 0;
        try {
            while (filled < buffer.length && (n = source.read(buffer, filled, Math.min(STEP, buffer.length - filled))) >= 0) {
                filled += n;
            }
        } catch (IOException e) {
            failure = e;
        } catch (RuntimeException e) {
            failure = new IOException(e.getMessage(), e);
        }
        if (filled > 0) {
            full.put(new Chunk(buffer, filled, null));
        }
        if (failure != null || n < 0) {
            full.put(new Chunk(null, -1, failure));
            return false;
        }
        return true;
    }

    /** The chunk to read from, or null at the end. */
    private Chunk chunk() throws IOException {
        if (current != null && position < current.length()) {
            return current;
        }
        if (current != null) {
            if (current.length() < 0) {
                return null;
            }
            empty.offer(current.data());
        }
        try {
            current = full.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("reading was interrupted");
        }
        position = 0;
        if (current.failure() != null) {
            throw current.failure();
        }
        return current.length() < 0 ? null : current;
    }

    @Override
    public int read() throws IOException {
        Chunk c = chunk();
        return c == null ? -1 : c.data()[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        Chunk c = chunk();
        if (c == null) {
            return -1;
        }
        int n = Math.min(len, c.length() - position);
        System.arraycopy(c.data(), position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return current == null || current.length() < 0 ? 0 : current.length() - position;
    }

    /** Stops the reading thread, then closes the source (never while the thread still uses it). */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            source.close();
        }
    }
}
