package dev.hooklab.ui.run;

import dev.hooklab.run.output.OutputLine;
import dev.hooklab.run.session.StepState;
import dev.hooklab.run.session.StepStatus;

import java.util.List;

/**
 * Applies what one session says to the run model, on the FX thread, unless that session was replaced since: the
 * step's row, every part in order, and the selection, which follows the run (the step that starts, then the script
 * just run) while a command is under way.
 */
final class RunFeed implements SessionRelay.Sink {
    private final RunModel model;
    private final int generation;

    RunFeed(RunModel model, int generation) {
        this.model = model;
        this.generation = generation;
    }

    private boolean current() {
        return generation == model.generation();
    }

    @Override
    public void stepChanged(StepState step) {
        var rows = model.rows();
        if (!current() || step.index() >= rows.size()) {
            return;
        }
        StepRow before = rows.get(step.index());
        rows.set(step.index(), before.withState(step));
        model.parts().forEach(p -> p.stepChanged(step));
        boolean started = step.status() == StepStatus.RUNNING;
        boolean ended = before.state().status() == StepStatus.RUNNING && !started;
        if (model.inFlight() > 0 && (started || ended)) {
            model.select(step.index(), rows.get(step.index()).currentScript());
        }
    }

    @Override
    public void output(int step, String location, List<OutputLine> lines) {
        if (current()) {
            model.parts().forEach(p -> p.output(step, location, lines));
        }
    }

    @Override
    public void note(String text) {
        if (current()) {
            model.notes().add(text);
        }
    }
}
