package dev.hooklab.ui.shell;

import dev.hooklab.explain.Explanation;
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

/**
 * What hooklab makes of a pasted deployment error, across the top of the window until it is closed: the agent's
 * message ({@code #explanation-message}), what happened ({@code #explanation-happened}) and what to change
 * ({@code #explanation-change}). The pane is {@code #explanation}; it is hidden while empty.
 */
final class ExplanationPane {
    private final Label message = new Label();
    private final Label happened = new Label();
    private final Label change = new Label();
    private final Label changeTitle = new Label("What to change");
    private final VBox pane;

    ExplanationPane() {
        message.setId("explanation-message");
        message.getStyleClass().add("monospace");
        happened.setId("explanation-happened");
        change.setId("explanation-change");
        for (Label l : new Label[]{message, happened, change}) {
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
        pane = new VBox(4, head, message, happenedTitle, happened, changeTitle, change);
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
        pane.setVisible(true);
    }

    void clear() {
        pane.setVisible(false);
        message.setText("");
        happened.setText("");
        change.setText("");
    }

    /** What the pane says happened, empty when it is closed. */
    String happened() {
        return pane.isVisible() ? happened.getText() : "";
    }
}
