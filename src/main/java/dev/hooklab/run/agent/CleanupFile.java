package dev.hooklab.run.agent;

import java.io.IOException;
import java.io.Writer;

/**
 * The new {@code <dg-id>-cleanup} file while Install runs: one path per line, newline-terminated, written
 * as each path is created (a copy's destination before the copy, a directory after mkdir), so an
 * interrupted Install leaves a usable file.
 */
final class CleanupFile implements AutoCloseable {
    private final String path;
    private final Writer out;

    private CleanupFile(String path, Writer out) {
        this.path = path;
        this.out = out;
    }

    /** {@code File.open(cleanup_file, "w")}. */
    static CleanupFile create(SandboxWrites writes, String path) throws AgentError {
        try {
            return new CleanupFile(path, writes.openTextForWriting(path));
        } catch (IOException e) {
            throw AgentError.errno(e, RubyErrno.OPEN, path);
        }
    }

    /** {@code cleanup_file.puts(path)}. */
    void record(String created) throws AgentError {
        try {
            out.write(created);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new AgentError(RubyErrno.strerror(e) + " @ io_write - " + path);
        }
    }

    @Override
    public void close() throws AgentError {
        try {
            out.close();
        } catch (IOException e) {
            throw new AgentError(RubyErrno.strerror(e) + " @ io_write - " + path);
        }
    }
}
