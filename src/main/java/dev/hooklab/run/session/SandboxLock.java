package dev.hooklab.run.session;

import dev.hooklab.finding.Setting;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One run at a time in a sandbox folder: an exclusive lock on {@code .hooklab/lock}, which holds the
 * pid and start time of the run that has it. The operating system drops the lock when that process
 * ends, however it ends, so a stale file never blocks a later run.
 */
final class SandboxLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private SandboxLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** A sandbox folder that another run holds; the message names it. */
    static final class HeldException extends IOException {
        private static final long serialVersionUID = 1L;

        HeldException(String message) {
            super(message);
        }
    }

    /**
     * Takes the lock at once or refuses.
     *
     * @param file   the lock file (created when missing; a link there is refused)
     * @param folder the sandbox folder, for the message
     */
    static SandboxLock take(Path file, Path folder) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this very process holds it (another session in the same JVM)
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new HeldException(folder + " is in use by another hooklab run (" + holder
                    + "); wait for it to end or name another folder for " + Setting.SANDBOX.ref());
        }
        try {
            String me = "pid " + ProcessHandle.current().pid() + ", started " + Instant.now() + "\n";
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
        } catch (IOException e) {
            lock.release();
            channel.close();
            throw e;
        }
        return new SandboxLock(channel, lock);
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(200);
            int read = channel.read(buffer, 0);
            String text = read <= 0 ? "" : new String(buffer.array(), 0, read, StandardCharsets.UTF_8).strip();
            text = text.replaceAll("[\\p{Cntrl}]", " ");
            return text.isEmpty() ? "it has not written its pid yet" : text;
        } catch (IOException e) {
            return "its lock file cannot be read: " + e.getMessage();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } finally {
            channel.close();
        }
    }
}
