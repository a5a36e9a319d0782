package dev.hooklab.ui.shell;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The one-line message of a refused drop or of input that cannot be read, across the top of the window until
 * it is closed or the next revision opens. The label is {@code #banner}; the bar is hidden while it is empty.
 */
final class Banner {
    private final Label text = new Label();
    private final HBox bar;

    Banner() {
        text.setId("banner");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        FontIcon icon = new FontIcon(Material2AL.ERROR_OUTLINE);
        icon.getStyleClass().add("banner-icon");
        Button close = new Button(null, new FontIcon(Material2AL.CLOSE));
        close.setId("banner-close");
        close.getStyleClass().addAll("button-icon", "flat");
        close.setTooltip(new Tooltip("Dismiss"));
        close.setOnAction(e -> clear());
        bar = new HBox(icon, text, close);
        bar.getStyleClass().add("banner-bar");
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.visibleProperty().bind(text.textProperty().isNotEmpty());
        bar.managedProperty().bind(bar.visibleProperty());
    }

    HBox node() {
        return bar;
    }

    void show(String message) {
        text.setText(message.lines().findFirst().orElse(message));
        text.setTooltip(new Tooltip(message));
    }

    void clear() {
        text.setText("");
        text.setTooltip(null);
    }

    String message() {
        return text.getText();
    }
}
