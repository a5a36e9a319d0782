package dev.hooklab.ui.run;

import dev.hooklab.run.session.StepStatus;
import dev.hooklab.ui.actions.Action;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which of the run's commands apply now, worked out again after every change of the model, and the one line that
 * says where the run stands. Like a debugger: nothing to step while a step runs, Stop only while one does.
 */
final class RunCommands {
    static final List<Action> RUN_ACTIONS = List.of(Action.RUN_VIEW, Action.STEP, Action.RUN_TO_END,
            Action.RUN_TO_HERE, Action.SKIP, Action.RERUN, Action.STOP, Action.RESET, Action.TOGGLE_BREAKPOINT);

    private final RunModel model;
    private final Map<Action, ReadOnlyBooleanWrapper> enabled = new EnumMap<>(Action.class);

    RunCommands(RunModel model) {
        this.model = model;
        for (Action a : RUN_ACTIONS) {
            enabled.put(a, new ReadOnlyBooleanWrapper(this, a.id() + "-enabled"));
        }
    }

    ReadOnlyBooleanProperty enabled(Action a) {
        ReadOnlyBooleanWrapper w = enabled.get(a);
        if (w == null) {
            throw new IllegalArgumentException(a + " is not a run command");
        }
        return w.getReadOnlyProperty();
    }

    /** The first step that has not run, or -1. */
    int nextRunnable() {
        for (StepRow r : model.rows()) {
            if (r.state().status().runnable()) {
                return r.index();
            }
        }
        return -1;
    }

    /** The step Skip leaves out: the selected one when it has not run, else the next that has not; or -1. */
    int skipTarget() {
        int sel = model.selectedIndexProperty().get();
        if (sel >= 0 && sel < model.rows().size() && model.rows().get(sel).state().status().runnable()) {
            return sel;
        }
        return nextRunnable();
    }

    void refresh() {
        boolean open = model.runnable();
        boolean working = model.inFlight() > 0 || model.building();
        boolean ready = model.preparedProperty().get() != null;
        boolean fresh = !ready || model.staleProperty().get(); // the next command builds a new session
        boolean idle = open && !working;
        int next = nextRunnable();
        int sel = model.selectedIndexProperty().get();
        StepRow selected = sel >= 0 && sel < model.rows().size() ? model.rows().get(sel) : null;
        set(Action.RUN_VIEW, model.revision().getInspection() != null);
        set(Action.STEP, idle && (fresh || next >= 0));
        set(Action.RUN_TO_END, idle && (fresh || next >= 0));
        set(Action.RUN_TO_HERE, idle && selected != null && (fresh
                || (selected.state().status().runnable() && next >= 0 && next <= sel)));
        set(Action.SKIP, idle && !fresh && skipTarget() >= 0);
        StepStatus st = selected == null ? null : selected.state().status();
        set(Action.RERUN, idle && !fresh && st != null && !st.runnable() && st != StepStatus.RUNNING);
        set(Action.STOP, working && ready);
        set(Action.RESET, open && !model.building() && (ready || model.problemProperty().get() == null));
        set(Action.TOGGLE_BREAKPOINT, selected != null);
        String line = statusLine(open, working, next);
        model.setStatus(model.lastRerun() == null || working ? line : model.lastRerun() + " " + line);
        model.setBusy(working);
    }

    private String statusLine(boolean open, boolean working, int next) {
        if (!open) {
            return model.revision().getInspection() == null ? "Open a revision to run its hooks."
                    : "Only a bundle or a folder runs; an AppSpec alone has no scripts.";
        }
        if (model.problemProperty().get() != null && model.preparedProperty().get() == null && !working) {
            return "Cannot run: " + model.problemProperty().get();
        }
        if (model.building()) {
            return "Preparing the sandbox…";
        }
        for (StepRow r : model.rows()) {
            if (r.state().status() == StepStatus.RUNNING) {
                String script = r.currentScript();
                return "Running " + r.event() + (script == null ? "" : ": " + script) + "…";
            }
        }
        if (model.staleProperty().get()) {
            return "The revision or the run settings changed: the next command starts a fresh run.";
        }
        if (working) {
            return "Working…";
        }
        StepRow failed = model.rows().stream().filter(r -> r.state().status().failure()).findFirst().orElse(null);
        if (failed != null) {
            return "The deployment would fail at " + failed.event() + " (" + failed.status().label() + ")"
                    + (next >= 0 ? "; Step goes on with " + model.rows().get(next).event() + "." : ".");
        }
        if (next < 0) {
            return model.rows().isEmpty() ? "" : "Every step ran: the deployment would succeed.";
        }
        boolean started = model.rows().stream().anyMatch(r -> !r.state().status().runnable());
        StepRow n = model.rows().get(next);
        return (started ? "Paused before " : "Ready: the first step is ") + n.event()
                + (n.breakpoint() ? " (breakpoint)." : ".");
    }

    private void set(Action a, boolean on) {
        enabled.get(a).set(on);
    }
}
