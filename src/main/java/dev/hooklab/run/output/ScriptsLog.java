package dev.hooklab.run.output;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * {@code logs/scripts.log} written the way the agent's {@code HookExecutor#log_script} writes it:
 * each entry is {@code <local time "YYYY-MM-DD HH:MM:SS"> <entry>}, appended, never truncated.
 * Entries carry their own newline; an output line that had none (the last one of a script) is
 * written without one, so the next entry continues on the same line, exactly like the agent.
 * Output lines are written as raw bytes. Thread-safe.
 */
public final class ScriptsLog implements Closeable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Path file;
    private final ZoneId zone;
    private final OutputStream out;
    /** The stamp of the second last written: a hook printing millions of lines reformats it once a second. */
    private long stampedSecond = Long.MIN_VALUE;
    private byte[] stamp = new byte[0];

    private ScriptsLog(Path file, ZoneId zone, OutputStream out) {
        this.file = file;
        this.zone = zone;
        this.out = out;
    }

    /** Opens (creating folders and file as needed) for appending, in the machine's local time. */
    public static ScriptsLog open(Path file) throws IOException {
        return open(file, ZoneId.systemDefault());
    }

    public static ScriptsLog open(Path file, ZoneId zone) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
        return new ScriptsLog(file, zone, new BufferedOutputStream(out, 1 << 16));
    }

    /**
     * A log appending to a stream opened elsewhere (in a sandbox, without following links).
     *
     * @param file where it is, for messages
     */
    public static ScriptsLog appendingTo(Path file, OutputStream out) {
        return new ScriptsLog(file, ZoneId.systemDefault(), new BufferedOutputStream(out, 1 << 16));
    }

    public Path file() {
        return file;
    }

    /** Writes {@code message} (which ends with its own newline) and flushes. */
    synchronized void entry(Instant time, String message) throws IOException {
        stamp(time);
        out.write(message.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Writes {@code [stdout]<line>}; the reader flushes once per chunk it has read. */
    synchronized void output(CapturedLine line) throws IOException {
        stamp(line.time());
        out.write(line.channel() == OutputChannel.STDOUT ? STDOUT : STDERR);
        line.writeTo(out);
    }

    private static final byte[] STDOUT = "[stdout]".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STDERR = "[stderr]".getBytes(StandardCharsets.US_ASCII);

    synchronized void flush() throws IOException {
        out.flush();
    }

    private void stamp(Instant time) throws IOException {
        if (time.getEpochSecond() != stampedSecond) {
            stampedSecond = time.getEpochSecond();
            stamp = (TIME.format(time.atZone(zone)) + ' ').getBytes(StandardCharsets.US_ASCII);
        }
        out.write(stamp);
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
