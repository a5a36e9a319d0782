package dev.hooklab.ui.run;

import dev.hooklab.run.output.OutputLine;
import dev.hooklab.run.session.SessionListener;
import dev.hooklab.run.session.StepState;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Carries what a session says from its event thread to the FX thread, in order and in batches: however fast a hook
 * prints, at most one task waits on the FX thread at a time, and each hands over at most {@link #BATCH_LINES} lines
 * (consecutive lines of one script as one list), so a hook printing millions of lines never holds a pulse back.
 */
final class SessionRelay implements SessionListener {
    /** The most lines one FX task hands over; the rest go in the next task. */
    static final int BATCH_LINES = 20_000;

    /** What the FX thread is told, in the session's order. */
    interface Sink {
        void stepChanged(StepState step);

        void output(int step, String location, List<OutputLine> lines);

        void note(String text);
    }

    private sealed interface Event permits Changed, Line, Note, Flush {
    }

    private record Changed(StepState step) implements Event {
    }

    private record Line(int step, String location, OutputLine line) implements Event {
    }

    private record Note(String text) implements Event {
    }

    private record Flush(CompletableFuture<Void> done) implements Event {
    }

    private final Queue<Event> events = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Executor fx;
    private final Sink sink;
    private volatile boolean detached;

    SessionRelay(Executor fx, Sink sink) {
        this.fx = fx;
        this.sink = sink;
    }

    /** Drops everything from now on: the session was replaced or closed. */
    void detach() {
        detached = true;
        Event e;
        while ((e = events.poll()) != null) {
            if (e instanceof Flush f) {
                f.done().complete(null);
            }
        }
    }

    /** Completes on the FX thread once everything said so far has been handed over (at once when detached). */
    CompletableFuture<Void> flushed() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (detached) {
            done.complete(null);
        } else {
            offer(new Flush(done));
            if (detached) {
                done.complete(null);
            }
        }
        return done;
    }

    @Override
    public void stepChanged(StepState step) {
        offer(new Changed(step));
    }

    @Override
    public void output(int stepIndex, String location, OutputLine line) {
        offer(new Line(stepIndex, location, line));
    }

    @Override
    public void note(String text) {
        offer(new Note(text));
    }

    @Override
    public void scriptNote(int stepIndex, String location, String text) {
        offer(new Note(location + ": " + text));
    }

    private void offer(Event e) {
        if (detached) {
            return;
        }
        events.add(e);
        if (scheduled.compareAndSet(false, true)) {
            fx.execute(this::drain);
        }
    }

    /** On the FX thread: hands over what waits, up to a batch, and asks for another turn if more is left. */
    private void drain() {
        scheduled.set(false);
        int budget = BATCH_LINES;
        List<OutputLine> run = new ArrayList<>();
        int runStep = -1;
        String runLocation = null;
        Event e;
        while (budget > 0 && !detached && (e = events.poll()) != null) {
            if (e instanceof Line l) {
                if (!run.isEmpty() && (l.step() != runStep || !l.location().equals(runLocation))) {
                    sink.output(runStep, runLocation, run);
                    run = new ArrayList<>();
                }
                runStep = l.step();
                runLocation = l.location();
                run.add(l.line());
                budget--;
                continue;
            }
            if (!run.isEmpty()) {
                sink.output(runStep, runLocation, run);
                run = new ArrayList<>();
            }
            if (e instanceof Changed c) {
                sink.stepChanged(c.step());
            } else if (e instanceof Note n) {
                sink.note(n.text());
            } else if (e instanceof Flush f) {
                f.done().complete(null);
            }
        }
        if (!run.isEmpty() && !detached) {
            sink.output(runStep, runLocation, run);
        }
        if (!events.isEmpty() && !detached && scheduled.compareAndSet(false, true)) {
            fx.execute(this::drain);
        }
    }
}
