package dev.hooklab.ui.shell;

import dev.hooklab.explain.Explanation;
import dev.hooklab.explain.Recognized;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import java.util.ArrayList;
import java.util.List;

/**
 * What hooklab makes of a pasted deployment error, across the top of the window until it is closed: the agent's
 * message ({@code #explanation-message}), what happened ({@code #explanation-happened}) and what to change
 * ({@code #explanation-change}), what the text itself states ({@code #explanation-facts}: event, location, the
 * deployment read from an on-instance path, exit code...) and, with no revision open, what opening one adds
 * ({@code #explanation-next}). The pane is {@code #explanation}; it is hidden while empty.
 */
final class ExplanationPane {
    private final Label message = new Label();
    private final Label happened = new Label();
    private final Label change = new Label();
    private final Label changeTitle = new Label("What to change");
    private final Label facts = new Label();
    private final Label next = new Label();
    private final VBox pane;

    ExplanationPane() {
        message.setId("explanation-message");
        message.getStyleClass().add("monospace");
        happened.setId("explanation-happened");
        change.setId("explanation-change");
        facts.setId("explanation-facts");
        facts.getStyleClass().add("explanation-facts");
        next.setId("explanation-next");
        next.getStyleClass().add("explanation-next");
        for (Label l : new Label[]{facts, next}) {
            l.managedProperty().bind(l.textProperty().isNotEmpty());
            l.visibleProperty().bind(l.managedProperty());
        }
        for (Label l : new Label[]{message, facts, happened, change, next}) {
            l.setWrapText(true);
            l.setMaxWidth(Double.MAX_VALUE);
        }
        Label title = new Label("Deployment error", new FontIcon(Material2AL.HELP_OUTLINE));
        title.getStyleClass().add("explanation-title");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button close = new Button(null, new FontIcon(Material2AL.CLOSE));
        close.setId("explanation-close");
        close.getStyleClass().addAll("button-icon", "flat");
        close.setTooltip(new Tooltip("Dismiss"));
        close.setOnAction(e -> clear());
        HBox head = new HBox(8, title, grow, close);
        head.setAlignment(Pos.CENTER_LEFT);
        Label happenedTitle = new Label("What happened");
        happenedTitle.getStyleClass().add("explanation-heading");
        changeTitle.getStyleClass().add("explanation-heading");
        changeTitle.managedProperty().bind(changeTitle.visibleProperty());
        change.visibleProperty().bind(changeTitle.visibleProperty());
        change.managedProperty().bind(changeTitle.visibleProperty());
        pane = new VBox(4, head, message, facts, happenedTitle, happened, changeTitle, change, next);
        pane.setId("explanation");
        pane.getStyleClass().add("explanation-pane");
        pane.setVisible(false);
        pane.managedProperty().bind(pane.visibleProperty());
    }

    VBox node() {
        return pane;
    }

    void show(Explanation e) {
        message.setText(e.recognized().map(r -> r.kind().label() + ": " + r.message()).orElse(""));
        happened.setText(e.happened());
        change.setText(e.change());
        changeTitle.setVisible(!e.change().isEmpty());
        facts.setText(e.recognized().map(ExplanationPane::facts).orElse(""));
        next.setText(e.withRevision() || e.recognized().isEmpty() ? "" : nextStep(e.recognized().get()));
        pane.setVisible(true);
    }

    void clear() {
        pane.setVisible(false);
        message.setText("");
        happened.setText("");
        change.setText("");
        facts.setText("");
        next.setText("");
    }

    /** What the text itself states, one "name: value" after another. */
    static String facts(Recognized r) {
        List<String> f = new ArrayList<>();
        add(f, "event", r.event());
        add(f, "location", r.location());
        add(f, "run as", r.runas());
        add(f, "deployment group id", r.deploymentGroupId());
        add(f, "deployment id", r.deploymentId());
        add(f, "root dir", r.rootDir());
        add(f, "path in the revision", r.archivePath());
        add(f, "exit code", r.exitCode() == null ? null : r.exitCode().toString());
        add(f, "timeout", r.seconds() == null ? null : r.seconds() + " s");
        add(f, "output left open", r.channel());
        add(f, "error", r.errno());
        add(f, "AppSpec line", r.line() == null ? null : r.line() + (r.column() == null ? "" : ":" + r.column()));
        return f.isEmpty() ? "" : "Read from the text: " + String.join(" \u00b7 ", f);
    }

    /** With no revision open: what opening the deployment's revision adds. */
    static String nextStep(Recognized r) {
        String set = r.hasLayout() ? " The deployment group id, deployment id and root dir read from the path are "
                + "already set in Deployment: the revision opened next is judged in that deployment." : "";
        return "No revision is open, so this is what the text alone tells. Open the deployment's revision (File > "
                + "Open, or drop it on the window) to see which hook runs the script, its line in the AppSpec and "
                + "the findings about it." + set;
    }

    private static void add(List<String> into, String name, String value) {
        if (value != null && !value.isBlank()) {
            into.add(name + ": " + value);
        }
    }

    /** What the pane says happened, empty when it is closed. */
    String happened() {
        return pane.isVisible() ? happened.getText() : "";
    }
}
