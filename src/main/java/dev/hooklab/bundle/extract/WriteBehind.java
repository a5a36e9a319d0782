package dev.hooklab.bundle.extract;

import dev.hooklab.work.Workers;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes file bodies on threads of its own while the thread that inflates a tar stream goes on
 * reading: the reader fills buffers taken from a small pool ({@link #buffer()}) and hands them over
 * ({@link #put}); each file goes whole to one of the writing threads (its lane), which creates, writes
 * and completes it. A failure on the writing side stops the reader through {@link ExpandedBytes};
 * {@link #finish()} reports it.
 */
final class WriteBehind {
    static final int BUFFER = 1 << 20;
    private static final int BUFFERS = 16;

    /** Part of a file's body; the first piece creates the file, the last one completes it. */
    private record Piece(ExtractionPlan.File file, byte[] data, int length, boolean first, boolean last, FileTime modified) {
    }

    private static final Piece END = new Piece(null, null, 0, false, false, null);

    private final ArchiveFolder folder;
    private final ExpandedBytes bytes;
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
    private final Lane[] lanes;
    private final Workers workers;
    private final AtomicReference<IOException> failure = new AtomicReference<>();
    private int allocated;

    /** @param threads how many files are written at once, on threads from {@code workers} */
    WriteBehind(ArchiveFolder folder, ExpandedBytes bytes, int threads, Workers workers) {
        this.folder = folder;
        this.bytes = bytes;
        this.workers = workers;
        this.lanes = new Lane[threads];
        for (int i = 0; i < threads; i++) {
            lanes[i] = new Lane(i);
        }
    }

    /** A buffer to fill: a new one while the pool is not full yet, else one a writer has finished with. */
    byte[] buffer() throws InterruptedIOException {
        byte[] b = free.poll();
        if (b != null) {
            return b;
        }
        if (allocated < BUFFERS) {
            allocated++;
            return new byte[BUFFER];
        }
        try {
            return free.take();
        } catch (InterruptedException e) {
            throw interrupted();
        }
    }

    /** Hands over {@code length} bytes of a file's body (counted already); {@code modified} matters on the last piece. */
    void put(ExtractionPlan.File file, byte[] data, int length, boolean first, boolean last, FileTime modified)
            throws InterruptedIOException {
        lanes[file.index() % lanes.length].send(new Piece(file, data, length, first, last, modified));
    }

    /** Waits until everything handed over is written; throws what failed on the writing side. */
    void finish() throws IOException {
        for (Lane lane : lanes) {
            lane.send(END);
        }
        for (Lane lane : lanes) {
            try {
                lane.thread.join();
            } catch (InterruptedException e) {
                throw interrupted();
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /**
     * Ends the writing threads after the reading side failed. When that failure only says the reader was
     * stopped ({@link CancellationException}), a writer failed first and its failure is thrown here;
     * otherwise the writer's failure, if any, is added to the reader's, which the caller rethrows.
     */
    void stopAfter(Exception readerFailure) throws IOException {
        bytes.abort();
        try {
            finish();
        } catch (IOException writing) {
            if (readerFailure instanceof CancellationException) {
                throw writing;
            }
            readerFailure.addSuppressed(writing);
        }
    }

    private static InterruptedIOException interrupted() {
        Thread.currentThread().interrupt();
        return new InterruptedIOException("extraction was interrupted");
    }

    /** One writing thread and the pieces waiting for it. */
    private final class Lane {
        private final BlockingQueue<Piece> pieces = new ArrayBlockingQueue<>(BUFFERS + 1);
        private final Thread thread;

        Lane(int number) {
            thread = workers.thread("hooklab-write-behind-" + number, this::writeAll);
            thread.start();
        }

        void send(Piece piece) throws InterruptedIOException {
            try {
                pieces.put(piece);
            } catch (InterruptedException e) {
                throw interrupted();
            }
        }

        /** After any writer failed, this one keeps taking pieces (and drops them) so that the reader never blocks. */
        private void writeAll() {
            FileChannel out = null;
            try {
                for (Piece p = pieces.take(); p != END; p = pieces.take()) {
                    if (failure.get() == null) {
                        try {
                            out = write(p, out);
                        } catch (IOException e) {
                            failure.compareAndSet(null, new EntryWriteException(p.file().name(), e));
                            bytes.abort();
                            out = closeQuietly(out);
                        }
                    }
                    free.offer(p.data());
                }
            } catch (InterruptedException e) {
                failure.compareAndSet(null, new InterruptedIOException("extraction was interrupted"));
            } finally {
                closeQuietly(out);
            }
        }

        private FileChannel write(Piece p, FileChannel open) throws IOException {
            FileChannel out = p.first() ? folder.createFile(p.file().path(), p.file().mode()) : open;
            ByteBuffer data = ByteBuffer.wrap(p.data(), 0, p.length());
            while (data.hasRemaining()) {
                out.write(data);
            }
            if (!p.last()) {
                return out;
            }
            out.close();
            folder.finishFile(p.file().path(), p.file().mode(), p.modified());
            return null;
        }
    }

    private static FileChannel closeQuietly(FileChannel out) {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                // the first failure is the one reported
            }
        }
        return null;
    }
}
