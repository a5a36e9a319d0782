package dev.hooklab.run;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The agent's script logging for one lifecycle event ({@code HookExecutor#log_script}): every
 * entry goes both to {@code scripts.log} and to the event's {@link LogTail}, under one lock. Open one per event
 * and call {@link #lifecycleEvent} before its first script, as the agent does when the event has
 * scripts; {@link HookRunner} writes the {@code Script - } entry and the output lines.
 */
public final class HookLog implements Closeable {
    private final ScriptsLog file;
    private final LogTail tail = new LogTail();
    private final Clock clock;

    public HookLog(ScriptsLog file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** A log for one event appending to {@code scriptsLog}, stamped with the machine's clock and zone. */
    public static HookLog open(Path scriptsLog) throws IOException {
        return new HookLog(ScriptsLog.open(scriptsLog), Clock.systemDefaultZone());
    }

    public Path file() {
        return file.file();
    }

    /** {@code LifecycleEvent - <event>}. */
    public void lifecycleEvent(String event) throws IOException {
        entry("LifecycleEvent - " + event + "\n");
    }

    /** {@code Script - <location as written in the AppSpec>}. */
    void script(String location) throws IOException {
        entry("Script - " + location + "\n");
    }

    synchronized void output(CapturedLine line) {
        tail.append(line);
        try {
            file.output(line);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.file(), e);
        }
    }

    /** An output line after the output cap: only the agent's log tail sees it (the agent's tail is unbounded in time). */
    synchronized void tailOnly(CapturedLine line) {
        tail.append(line);
    }

    /** A line of hooklab's own in {@code scripts.log} (where the output was cut); not part of the agent's tail. */
    synchronized void marker(String message) {
        try {
            file.entry(clock.instant(), message);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.file(), e);
        }
    }

    void flush() {
        try {
            file.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.file(), e);
        }
    }

    /** The agent's log tail so far: what it would send to the service with a failure. */
    public String tail() {
        return tail.text();
    }

    Clock clock() {
        return clock;
    }

    private synchronized void entry(String message) throws IOException {
        tail.append(message);
        file.entry(clock.instant(), message);
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
