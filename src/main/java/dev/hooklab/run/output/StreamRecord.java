package dev.hooklab.run.output;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Every byte of one output channel with bounded memory: the first {@code headLimit} bytes stay in
 * memory; once the output grows past them, all of it (head included) goes to a spill file and
 * memory stops growing. Written by a single reader thread; {@link #soFar()} may be asked from any other.
 */
final class StreamRecord implements Closeable {
    private final Path spillFile;
    private final int headLimit;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private OutputStream spill;
    private long size;
    private long dropped;
    private boolean closed;

    StreamRecord(Path spillFile, int headLimit) {
        this.spillFile = spillFile;
        this.headLimit = headLimit;
    }

    synchronized long size() {
        return size;
    }

    synchronized void append(byte[] bytes, int offset, int length) throws IOException {
        if (spill == null && size + length > headLimit) {
            spill = new BufferedOutputStream(Files.newOutputStream(spillFile), 1 << 16);
            head.writeTo(spill);
        }
        if (spill == null) {
            head.write(bytes, offset, length);
        } else {
            spill.write(bytes, offset, length);
        }
        size += length;
    }

    /** Counts bytes read after the output cap and not kept. */
    synchronized void drop(long bytes) {
        dropped += bytes;
    }

    /** Copies {@code length} recorded bytes starting at {@code offset} to {@code out}. */
    synchronized void copy(long offset, long length, OutputStream out) throws IOException {
        if (spill == null) {
            out.write(head.toByteArray(), Math.toIntExact(offset), Math.toIntExact(length));
            return;
        }
        spill.flush();
        try (FileChannel channel = FileChannel.open(spillFile, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            long position = offset;
            long end = offset + length;
            while (position < end) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
                int read = channel.read(buffer, position);
                if (read < 0) {
                    throw new IOException("spill file " + spillFile + " ends before byte " + end);
                }
                out.write(buffer.array(), 0, read);
                position += read;
            }
        }
    }

    /** A byte test for {@link #lengthWithoutTrailing}. */
    interface ByteTest {
        boolean test(byte b);
    }

    /** The length of the recorded range once the bytes at its end that pass {@code trailing} are left out. */
    synchronized long lengthWithoutTrailing(long offset, long length, ByteTest trailing) throws IOException {
        long end = offset + length;
        if (spill == null) {
            byte[] bytes = head.toByteArray();
            while (end > offset && trailing.test(bytes[Math.toIntExact(end - 1)])) {
                end--;
            }
            return end - offset;
        }
        spill.flush();
        try (FileChannel channel = FileChannel.open(spillFile, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            while (end > offset) {
                int chunk = (int) Math.min(buffer.capacity(), end - offset);
                buffer.clear().limit(chunk);
                long from = end - chunk;
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, from + buffer.position()) < 0) {
                        throw new IOException("spill file " + spillFile + " ends before byte " + end);
                    }
                }
                for (int i = chunk - 1; i >= 0; i--) {
                    if (!trailing.test(buffer.get(i))) {
                        return from + i + 1 - offset;
                    }
                }
                end = from;
            }
            return 0;
        }
    }

    /**
     * What was recorded up to now, while the reader may still be writing: the spill file holds at least
     * {@link CapturedOutput#bytes()} bytes when this returns (a reader of it stops there; more may follow).
     */
    synchronized CapturedOutput soFar() throws IOException {
        if (spill != null && !closed) {
            spill.flush();
        }
        return result();
    }

    synchronized CapturedOutput result() {
        String text = head.toString(StandardCharsets.UTF_8);
        return new CapturedOutput(text, size, spill == null ? null : spillFile, dropped);
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        if (spill != null) {
            spill.close();
        }
    }
}
