package dev.hooklab.ui.run;

import dev.hooklab.ui.actions.Action;
import dev.hooklab.ui.actions.Actions;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import java.util.List;

/**
 * Where the run view sits: beside the plan, as the centre's tabs "Plan" ({@code #tab-plan}: the plan over the
 * AppSpec and the findings) and "Run" ({@code #tab-run}: the run view, the centre's whole height), both always in
 * the scene graph. Binds the Run menu's commands to the run's model; a run command shows the Run tab, as a
 * debugger comes to the front when it steps.
 */
public final class RunPlacement {
    private final TabPane tabs = new TabPane();
    private final Tab run;

    public RunPlacement(RunView view, Actions actions) {
        run = new Tab("Run", view.node());
        run.setId("tab-run");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("centre-tabs");
        tabs.getStyleClass().add("centre-tabs");
        bind(actions, view.model());
    }

    /** The centre's tabs around the plan area (for {@code Workspace}'s centreAround). */
    public Node around(Node planArea) {
        Tab planTab = new Tab("Plan", planArea);
        planTab.setId("tab-plan");
        tabs.getTabs().setAll(planTab, run);
        return tabs;
    }

    public Node node() {
        return tabs;
    }

    /** Brings the run view to the front. */
    public void showRun() {
        tabs.getSelectionModel().select(run);
    }

    private void bind(Actions actions, RunModel model) {
        actions.bind(Action.RUN_VIEW, this::showRun);
        shown(actions, Action.STEP, model::step);
        shown(actions, Action.RUN_TO_END, model::runToEnd);
        shown(actions, Action.RUN_TO_HERE, model::runToHere);
        shown(actions, Action.SKIP, model::skip);
        shown(actions, Action.RERUN, model::rerun);
        shown(actions, Action.RESET, model::reset);
        actions.bind(Action.STOP, model::stop);
        actions.bind(Action.TOGGLE_BREAKPOINT, () -> model.toggleBreakpoint(model.selectedIndexProperty().get()));
        for (Action a : RunCommands.RUN_ACTIONS) {
            actions.disabledProperty(a).bind(model.enabledProperty(a).not());
        }
    }

    private void shown(Actions actions, Action a, java.util.function.Supplier<?> command) {
        actions.bind(a, () -> {
            showRun();
            command.get();
        });
    }

    /** The run actions this placement binds. */
    public static List<Action> actions() {
        return RunCommands.RUN_ACTIONS;
    }
}
