package dev.hooklab.run.output;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * The agent's script logging for one lifecycle event ({@code HookExecutor#log_script}): every
 * entry goes to {@code scripts.log}, the event's {@link LogTail} and, when there is one, the
 * {@link DeploymentsLog}, under one lock. Open one per event
 * and call {@link #lifecycleEvent} before its first script, as the agent does when the event has
 * scripts; {@link HookRunner} writes the {@code Script - } entry and the output lines.
 */
public final class HookLog implements Closeable {
    private final ScriptsLog file;
    private final LogTail tail = new LogTail();
    private final DeploymentsLog deployments;
    private final Clock clock;

    public HookLog(ScriptsLog file, Clock clock) {
        this(file, null, clock);
    }

    /** @param deployments the agent's deployments log, or null for none */
    public HookLog(ScriptsLog file, DeploymentsLog deployments, Clock clock) {
        this.file = file;
        this.deployments = deployments;
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
    public void script(String location) throws IOException {
        entry("Script - " + location + "\n");
    }

    synchronized void output(CapturedLine line) {
        tail.append(line);
        try {
            file.output(line);
            if (deployments != null) {
                deployments.output(line);
            }
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

    synchronized void flush() {
        try {
            file.flush();
            if (deployments != null) {
                deployments.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.file(), e);
        }
    }

    /** Work a reader does with one chunk of output, in its turn. */
    interface Turn {
        void run();
    }

    private long nextTicket;
    private long serving;

    /**
     * A place in line for a chunk a reader has just read: chunks of stdout and stderr are then logged and handed to
     * the listener in the order they were read, so scripts.log, the deployments log and the live output agree, and a
     * line read later is never shown before one read earlier (two pipes still race when both are written at once).
     */
    synchronized long ticket() {
        return nextTicket++;
    }

    /** Runs {@code work} once every earlier ticket is done. */
    void inTurn(long ticket, Turn work) {
        boolean interrupted = false;
        synchronized (this) {
            while (serving != ticket) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        try {
            work.run();
        } finally {
            synchronized (this) {
                serving++;
                notifyAll();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
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
        Instant time = clock.instant();
        file.entry(time, message);
        if (deployments != null) {
            deployments.entry(time, message);
            deployments.flush();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        try (file) {
            if (deployments != null) {
                deployments.close();
            }
        }
    }
}
