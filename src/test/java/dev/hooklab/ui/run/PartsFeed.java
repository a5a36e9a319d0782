package dev.hooklab.ui.run;

import dev.hooklab.run.output.OutputLine;
import dev.hooklab.run.session.ScriptState;
import dev.hooklab.run.session.SessionListener;
import dev.hooklab.run.session.StepState;
import dev.hooklab.run.session.StepStatus;
import javafx.application.Platform;

import java.util.List;

/**
 * Test-only: parts fed by the run view's own {@link SessionRelay} (the same batches on the FX thread) without a
 * {@link RunModel}, so a part's test needs no revision model or window; after a step ends it selects the script the
 * step ran last, as the run view does.
 */
public final class PartsFeed implements SessionListener {
    private final SessionRelay relay;

    public PartsFeed(List<RunPart> parts) {
        List<RunPart> all = List.copyOf(parts);
        relay = new SessionRelay(Platform::runLater, new SessionRelay.Sink() {
            @Override
            public void stepChanged(StepState step) {
                all.forEach(p -> p.stepChanged(step));
                if (step.status() == StepStatus.SUCCEEDED || step.status().failure()) {
                    String last = step.scripts().stream().filter(s -> s.run() != null).map(ScriptState::location)
                            .reduce((a, b) -> b).orElse(null);
                    all.forEach(p -> p.selected(step, last));
                }
            }

            @Override
            public void output(int step, String location, List<OutputLine> lines) {
                List<OutputLine> batch = List.copyOf(lines);
                all.forEach(p -> p.output(step, location, batch));
            }

            @Override
            public void note(String text) {
            }
        });
    }

    @Override
    public void stepChanged(StepState step) {
        relay.stepChanged(step);
    }

    @Override
    public void output(int stepIndex, String location, OutputLine line) {
        relay.output(stepIndex, location, line);
    }
}
