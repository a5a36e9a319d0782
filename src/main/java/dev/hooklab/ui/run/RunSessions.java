package dev.hooklab.ui.run;

import dev.hooklab.inspect.InputException;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.run.session.RunRequest;
import dev.hooklab.run.session.SessionBuilder;
import dev.hooklab.run.session.StepSession;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The run model's one session at a time: built off the FX thread, replaced by the next (the old one closed off the
 * FX thread: its hook stopped, its processes ended, a temporary sandbox removed), and closed for good with the
 * window. Each session has a generation; what an older one still says is dropped.
 */
final class RunSessions {
    /** How long closing waits for a stopped hook to end before it removes the sandbox anyway. */
    static final long CLOSE_WAIT_SECONDS = 10;

    final ReadOnlyObjectWrapper<SessionBuilder.Prepared> prepared = new ReadOnlyObjectWrapper<>(this, "prepared");
    final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final SessionBuilder sessions;
    private final Executor background;
    private final Executor fx;
    private SessionRelay relay;
    private Object builtFrom;
    private int generation;
    private boolean building;
    private volatile CompletableFuture<Void> lastOperation = CompletableFuture.completedFuture(null);

    RunSessions(SessionBuilder sessions, Executor background, Executor fx) {
        this.sessions = sessions;
        this.background = background;
        this.fx = fx;
    }

    int generation() {
        return generation;
    }

    boolean building() {
        return building;
    }

    /** What the current session was built from, or null. */
    Object builtFrom() {
        return builtFrom;
    }

    /** The command now running on the session: closing waits (bounded) for it once stopped. */
    void running(CompletableFuture<Void> operation) {
        lastOperation = operation;
    }

    /** Completes on the FX thread once everything the session said so far was handed over. */
    CompletableFuture<Void> flushed() {
        return relay == null ? CompletableFuture.completedFuture(null) : relay.flushed();
    }

    /** Drops the current session, closing it off the FX thread; a new generation begins. */
    void discard() {
        generation++;
        SessionBuilder.Prepared old = prepared.get();
        if (relay != null) {
            relay.detach();
        }
        prepared.set(null);
        builtFrom = null;
        if (old != null) {
            CompletableFuture<Void> op = lastOperation;
            background.execute(() -> close(old, op));
        }
    }

    /**
     * Builds a session after {@link #discard()}; completes on the FX thread with it, or exceptionally with why not
     * (also set as the problem), or cancelled when a newer one replaced it meanwhile.
     *
     * @param sink hears the session on the FX thread, in batches
     */
    CompletableFuture<SessionBuilder.Prepared> build(Inspection in, RunRequest request, Object key,
                                                     SessionRelay.Sink sink) {
        int gen = generation;
        SessionRelay r = new SessionRelay(fx, sink);
        relay = r;
        building = true;
        problem.set(null);
        return CompletableFuture.supplyAsync(() -> {
            try {
                return sessions.build(in, request, r);
            } catch (InputException e) {
                throw new CompletionException(e);
            }
        }, background).handleAsync((p, err) -> {
            if (gen != generation) {
                if (p != null) {
                    background.execute(() -> close(p, CompletableFuture.completedFuture(null)));
                }
                throw new CancellationException("replaced by a newer session");
            }
            building = false;
            if (err != null) {
                Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
                problem.set(cause.getMessage());
                throw new CompletionException(cause);
            }
            builtFrom = key;
            prepared.set(p);
            return p;
        }, fx);
    }

    /** Closes the current session here and now (bounded): the window is closing. */
    void closeNow() {
        SessionBuilder.Prepared p = prepared.get();
        if (relay != null) {
            relay.detach();
        }
        if (p != null) {
            close(p, lastOperation);
        }
    }

    /** Stops the hook, waits a bounded time for the command to end, closes the session and its sandbox. */
    private static void close(SessionBuilder.Prepared p, CompletableFuture<Void> running) {
        StepSession s = p.session();
        s.stop();
        try {
            running.get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // stopped, failed or still dying: close anyway
        }
        s.close();
        try {
            s.sandbox().close();
        } catch (IOException e) {
            // a temporary folder left behind; the system cleans it
        }
    }
}
