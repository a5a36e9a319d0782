package dev.hooklab.run.output;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * {@code <root_dir>/deployment-logs/codedeploy-agent-deployments.log}, written as the agent's
 * {@code InstanceAgent::DeploymentLog} writes it (a Ruby {@code Logger} fed by {@code HookExecutor#log_script}):
 * every scripts.log entry becomes one line {@code [YYYY-MM-DD HH:MM:SS.mmm] [<deployment-id>]<entry stripped>}
 * in local time, milliseconds truncated; {@code strip} removes ASCII whitespace and NUL at both ends, so an
 * output line without its newline still gets a line of its own. A file the log creates starts with Ruby
 * Logger's header line, and a file grown past 64 MiB is shifted to {@code .0} (older ones to {@code .1} ..
 * {@code .6}) before the next line, as {@code Logger.new(file, 8, 64 * 1024 * 1024)} does. Not thread-safe:
 * {@link HookLog} calls it under its lock.
 */
public final class DeploymentsLog implements Closeable {
    /** The agent's {@code <program_name>-deployments.log}, in {@code <root_dir>/deployment-logs}. */
    public static final String FILE_NAME = "codedeploy-agent-deployments.log";
    static final long SHIFT_SIZE = 64L * 1024 * 1024;
    static final int SHIFT_AGE = 8;
    /** {@code Logger::ProgName} of Ruby 3.1's logger gem, which writes the header. */
    static final String PROG_NAME = "logger.rb/v1.5.0";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final DateTimeFormatter RUBY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx");

    /** Where the log's files are: its folder in the sandbox, reached without leaving it. */
    public interface Store {
        /** The size of {@code name} in the log's folder, or -1 when there is no such file. */
        long size(String name) throws IOException;

        /** Opens {@code name} for appending, creating it (and its folder). */
        OutputStream append(String name) throws IOException;

        /** Renames {@code from} to {@code to}, replacing it. */
        void rename(String from, String to) throws IOException;
    }

    private final Store store;
    private final String name;
    private final String deploymentId;
    private final ZoneId zone;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private OutputStream out;
    private long size;

    private DeploymentsLog(Store store, String name, String deploymentId, ZoneId zone) {
        this.store = store;
        this.name = name;
        this.deploymentId = deploymentId;
        this.zone = zone;
    }

    /**
     * Opens the log for appending the entries of {@code deploymentId}.
     *
     * @param name the file's name in the store ({@code codedeploy-agent-deployments.log})
     */
    public static DeploymentsLog open(Store store, String name, String deploymentId, ZoneId zone) throws IOException {
        DeploymentsLog log = new DeploymentsLog(store, name, deploymentId, zone);
        log.openFile(Instant.now());
        return log;
    }

    private void openFile(Instant now) throws IOException {
        long existing = store.size(name);
        out = new BufferedOutputStream(store.append(name), 1 << 16);
        size = Math.max(0, existing);
        if (existing < 0) {
            byte[] header = ("# Logfile created on " + RUBY_TIME.format(now.atZone(zone)) + " by " + PROG_NAME + "\n")
                    .getBytes(StandardCharsets.US_ASCII);
            out.write(header);
            size += header.length;
        }
    }

    /** A scripts.log entry ({@code LifecycleEvent - X\n}, {@code Script - x.sh\n}). */
    void entry(Instant time, String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        int end = bytes.length;
        while (start < end && blank(bytes[start])) {
            start++;
        }
        while (end > start && blank(bytes[end - 1])) {
            end--;
        }
        begin(time);
        line.write(bytes, start, end - start);
        finish();
    }

    /** {@code [stdout]<line>} or {@code [stderr]<line>}, trailing whitespace stripped. */
    void output(CapturedLine captured) throws IOException {
        begin(captured.time());
        line.write(captured.channel() == OutputChannel.STDOUT ? STDOUT : STDERR);
        if (!captured.giant()) {
            byte[] head = captured.head();
            int end = head.length;
            while (end > 0 && blank(head[end - 1])) {
                end--;
            }
            line.write(head, 0, end);
            finish();
            return;
        }
        // a giant line goes from the record to the file without being held in memory
        long length = captured.record().lengthWithoutTrailing(captured.offset(), captured.bytes(),
                DeploymentsLog::blank);
        shiftIfDue();
        line.writeTo(out);
        captured.record().copy(captured.offset(), length, out);
        out.write('\n');
        size += line.size() + length + 1;
        line.reset();
    }

    void flush() throws IOException {
        out.flush();
    }

    private static final byte[] STDOUT = "[stdout]".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STDERR = "[stderr]".getBytes(StandardCharsets.US_ASCII);

    private void begin(Instant time) {
        line.reset();
        line.writeBytes(("[" + STAMP.format(time.atZone(zone)) + "] [" + deploymentId + "]")
                .getBytes(StandardCharsets.UTF_8));
    }

    private void finish() throws IOException {
        line.write('\n');
        shiftIfDue();
        line.writeTo(out);
        size += line.size();
        line.reset();
    }

    /** Ruby's {@code LogDevice#check_shift_log}: the file as it is before this write, over 64 MiB, is shifted. */
    private void shiftIfDue() throws IOException {
        if (size <= SHIFT_SIZE) {
            return;
        }
        out.close();
        for (int i = SHIFT_AGE - 3; i >= 0; i--) {
            if (store.size(name + "." + i) >= 0) {
                store.rename(name + "." + i, name + "." + (i + 1));
            }
        }
        store.rename(name, name + ".0");
        openFile(Instant.now());
    }

    /** Ruby's {@code String#strip} set: NUL, tab, newline, vertical tab, form feed, carriage return, space. */
    static boolean blank(byte b) {
        return b == 0 || b == ' ' || (b >= '\t' && b <= '\r');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
