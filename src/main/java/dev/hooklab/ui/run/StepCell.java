package dev.hooklab.ui.run;

import dev.hooklab.ui.actions.Action;
import dev.hooklab.ui.actions.Actions;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import java.util.List;

/**
 * One row of {@code #run-steps}: the breakpoint toggle, the status icon, the event and how long it took; under the
 * event, its status and which revision's scripts it runs. The cell's text is {@link StepRow#text()} (event and status as the CLI's
 * JSON spells it); what shows is the graphic. Right-click offers the run commands for this step.
 */
final class StepCell extends ListCell<StepRow> {
    private static final List<String> STATUS_CLASSES = java.util.Arrays.stream(RowStatus.values())
            .map(RowStatus::styleClass).toList();

    private final RunModel model;
    private final ToggleButton breakpoint = new ToggleButton();
    private final FontIcon icon = new FontIcon();
    private final Label event = new Label();
    private final Label statusWord = new Label();
    private final Label revision = new Label();
    private final Label duration = new Label();
    private final HBox box;

    StepCell(RunModel model, Actions actions) {
        this.model = model;
        breakpoint.getStyleClass().addAll("breakpoint-toggle", "flat", "button-icon");
        breakpoint.setGraphic(new FontIcon(Material2AL.FIBER_MANUAL_RECORD));
        breakpoint.setFocusTraversable(false);
        breakpoint.setTooltip(new Tooltip("Breakpoint: Run to end pauses before this step"));
        breakpoint.setOnAction(e -> {
            if (getItem() != null) {
                model.toggleBreakpoint(getItem().index());
            }
        });
        icon.getStyleClass().add("run-status-icon");
        event.getStyleClass().add("run-step-event");
        event.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        statusWord.getStyleClass().add("run-step-status");
        statusWord.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        duration.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        revision.setMinWidth(0); // the one that gives way in a narrow list
        revision.getStyleClass().add("run-step-revision");
        duration.getStyleClass().add("run-step-duration");
        duration.setPrefWidth(56);
        duration.setAlignment(Pos.CENTER_RIGHT);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(6, icon, event, grow, duration);
        top.setAlignment(Pos.CENTER_LEFT);
        Label dot = new Label("\u00b7");
        dot.getStyleClass().add("run-step-revision");
        HBox sub = new HBox(4, statusWord, dot, revision);
        sub.getStyleClass().add("run-step-sub");
        sub.setAlignment(Pos.CENTER_LEFT);
        VBox lines = new VBox(0, top, sub);
        HBox.setHgrow(lines, Priority.ALWAYS);
        box = new HBox(4, breakpoint, lines);
        box.setAlignment(Pos.CENTER_LEFT);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        getStyleClass().add("run-step-cell");
        setPrefWidth(0); // the list never scrolls sideways: the row fits its width
        setContextMenu(menu(actions));
    }

    private ContextMenu menu(Actions actions) {
        ContextMenu menu = new ContextMenu();
        for (Action a : List.of(Action.RUN_TO_HERE, Action.SKIP, Action.RERUN, Action.TOGGLE_BREAKPOINT)) {
            MenuItem item = new MenuItem(a.text());
            item.setOnAction(e -> actions.fire(a));
            item.disableProperty().bind(model.enabledProperty(a).not());
            menu.getItems().add(item);
        }
        return menu;
    }

    @Override
    protected void updateItem(StepRow row, boolean empty) {
        super.updateItem(row, empty);
        getStyleClass().removeAll(STATUS_CLASSES);
        icon.getStyleClass().removeAll(STATUS_CLASSES);
        if (empty || row == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        RowStatus s = row.status();
        setText(row.text());
        icon.setIconCode(s.icon());
        icon.getStyleClass().add(s.styleClass());
        getStyleClass().add(s.styleClass());
        event.setText(row.event());
        statusWord.setText(s.label());
        var session = model.preparedProperty().get();
        boolean none = row.state().revision() == dev.hooklab.plan.RevisionSource.PREVIOUS && session != null
                && session.session().target().previousDeployment().isEmpty();
        revision.setText(none ? "no previous revision" : row.revisionText());
        duration.setText(row.durationText());
        breakpoint.setSelected(row.breakpoint());
        breakpoint.getStyleClass().remove("on");
        if (row.breakpoint()) {
            breakpoint.getStyleClass().add("on");
        }
        setTooltip(new Tooltip(row.event() + ": " + s.label() + ", runs " + row.revisionText()
                + (row.durationText().isEmpty() ? "" : ", " + row.durationText())
                + (row.state().agentMessage() == null ? "" : "\n" + row.state().agentMessage())));
        setGraphic(box);
    }
}
