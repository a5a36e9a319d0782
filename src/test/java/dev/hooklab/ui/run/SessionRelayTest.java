package dev.hooklab.ui.run;

import dev.hooklab.plan.RevisionSource;
import dev.hooklab.run.output.OutputChannel;
import dev.hooklab.run.output.OutputLine;
import dev.hooklab.run.session.StepState;
import dev.hooklab.run.session.StepStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** What the session says reaches the FX thread in order, a bounded batch per task, one task waiting at a time. */
class SessionRelayTest {
    /** The FX thread's queue, run by hand. */
    private final Queue<Runnable> fx = new ArrayDeque<>();
    private final List<String> heard = new ArrayList<>();
    private final SessionRelay relay = new SessionRelay(fx::add, new SessionRelay.Sink() {
        @Override
        public void stepChanged(StepState step) {
            heard.add("step " + step.event() + " " + step.status().label());
        }

        @Override
        public void output(int step, String location, List<OutputLine> lines) {
            heard.add("output " + step + " " + location + " " + lines.size() + " from " + lines.get(0).text());
        }

        @Override
        public void note(String text) {
            heard.add("note " + text);
        }
    });

    private static OutputLine line(String text) {
        return new OutputLine(OutputChannel.STDOUT, Instant.EPOCH, text, text.length() + 1, false);
    }

    private static StepState step(String event, StepStatus status) {
        return new StepState(4, event, RevisionSource.CURRENT, status, List.of(), null, List.of(), 0);
    }

    @Test
    void eventsKeepTheirOrderAndConsecutiveLinesOfOneScriptGoAsOneList() {
        relay.stepChanged(step("AfterInstall", StepStatus.RUNNING));
        relay.output(4, "a.sh", line("1"));
        relay.output(4, "a.sh", line("2"));
        relay.output(4, "b.sh", line("3"));
        relay.note("b.sh: holds STDOUT");
        relay.output(4, "b.sh", line("4"));
        relay.stepChanged(step("AfterInstall", StepStatus.SUCCEEDED));
        assertThat(fx).as("one task waits, however much was said").hasSize(1);
        fx.poll().run();
        assertThat(heard).containsExactly("step AfterInstall running", "output 4 a.sh 2 from 1",
                "output 4 b.sh 1 from 3", "note b.sh: holds STDOUT", "output 4 b.sh 1 from 4",
                "step AfterInstall succeeded");
        assertThat(fx).isEmpty();
    }

    @Test
    void aFloodOfLinesIsHandedOverABoundedBatchAtATime() {
        int total = SessionRelay.BATCH_LINES * 2 + 7;
        for (int i = 0; i < total; i++) {
            relay.output(4, "flood.sh", line(Integer.toString(i)));
        }
        CompletableFuture<Void> flushed = relay.flushed();
        int tasks = 0;
        while (!fx.isEmpty()) {
            fx.poll().run();
            tasks++;
            assertThat(fx.size()).isLessThanOrEqualTo(1);
        }
        assertThat(tasks).isEqualTo(3);
        assertThat(heard).containsExactly("output 4 flood.sh " + SessionRelay.BATCH_LINES + " from 0",
                "output 4 flood.sh " + SessionRelay.BATCH_LINES + " from " + SessionRelay.BATCH_LINES,
                "output 4 flood.sh 7 from " + SessionRelay.BATCH_LINES * 2);
        assertThat(flushed).isCompleted();
    }

    @Test
    void aDetachedRelayDropsWhatWaitsAndCompletesItsFlushes() {
        relay.output(4, "a.sh", line("1"));
        CompletableFuture<Void> flushed = relay.flushed();
        relay.detach();
        relay.output(4, "a.sh", line("2"));
        while (!fx.isEmpty()) {
            fx.poll().run();
        }
        assertThat(heard).isEmpty();
        assertThat(flushed).isCompleted();
        assertThat(relay.flushed()).isCompleted();
    }
}
