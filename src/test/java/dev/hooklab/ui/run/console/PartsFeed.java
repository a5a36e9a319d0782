package dev.hooklab.ui.run.console;

import dev.hooklab.run.output.OutputLine;
import dev.hooklab.run.session.ScriptState;
import dev.hooklab.run.session.SessionListener;
import dev.hooklab.run.session.StepState;
import dev.hooklab.run.session.StepStatus;
import dev.hooklab.ui.run.RunPart;
import javafx.application.Platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Test-only, until the run view's model drives the parts: a session listener that queues what the session says and
 * hands it to the parts on the FX thread in one {@code runLater} at a time (however many lines wait, one task drains
 * them, each script's run of lines as one batch), and after a step ends selects the script it ran last, as the run
 * view does.
 */
public final class PartsFeed implements SessionListener {
    private final List<RunPart> parts;
    private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    private record Line(int step, String location, OutputLine line) {
    }

    public PartsFeed(List<RunPart> parts) {
        this.parts = List.copyOf(parts);
    }

    @Override
    public void stepChanged(StepState step) {
        queue.add(step);
        schedule();
    }

    @Override
    public void output(int stepIndex, String location, OutputLine line) {
        queue.add(new Line(stepIndex, location, line));
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            Platform.runLater(this::drain);
        }
    }

    private volatile long slowestDrainNanos;
    private volatile int slowestDrainLines;
    private volatile long drains;

    /** The longest one drain took, in ms, and how many lines it handed on. */
    public String slowestDrain() {
        return (slowestDrainNanos / 1_000_000) + " ms for " + slowestDrainLines + " lines (" + drains + " drains)";
    }

    private void drain() {
        long t0 = System.nanoTime();
        int[] count = new int[1];
        drainAll(count);
        long took = System.nanoTime() - t0;
        drains++;
        if (took > slowestDrainNanos) {
            slowestDrainNanos = took;
            slowestDrainLines = count[0];
        }
    }

    private void drainAll(int[] count) {
        scheduled.set(false);
        List<OutputLine> batch = new ArrayList<>();
        int batchStep = -1;
        String batchLocation = null;
        Object next;
        while ((next = queue.poll()) != null) {
            if (next instanceof Line l) {
                if (!batch.isEmpty() && (l.step() != batchStep || !l.location().equals(batchLocation))) {
                    flush(batchStep, batchLocation, batch);
                    batch = new ArrayList<>();
                }
                batchStep = l.step();
                batchLocation = l.location();
                batch.add(l.line());
                count[0]++;
            } else {
                if (!batch.isEmpty()) {
                    flush(batchStep, batchLocation, batch);
                    batch = new ArrayList<>();
                }
                StepState s = (StepState) next;
                parts.forEach(p -> p.stepChanged(s));
                if (s.status() == StepStatus.SUCCEEDED || s.status().failure()) {
                    String last = s.scripts().stream().filter(x -> x.run() != null).map(ScriptState::location)
                            .reduce((a, b) -> b).orElse(null);
                    parts.forEach(p -> p.selected(s, last));
                }
            }
        }
        if (!batch.isEmpty()) {
            flush(batchStep, batchLocation, batch);
        }
    }

    private void flush(int step, String location, List<OutputLine> lines) {
        List<OutputLine> copy = List.copyOf(lines);
        parts.forEach(p -> p.output(step, location, copy));
    }
}
