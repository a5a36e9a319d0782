package dev.hooklab.ui.run.console;

import javafx.beans.property.BooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import java.util.Locale;

/**
 * Find in the console ({@code #console-find}, {@code #console-find-next}, {@code #console-find-previous},
 * {@code #console-find-count}): case-insensitive, from the caret, wrapping around; the match is selected and
 * scrolled into view, which stops following the tail. Enter finds the next, Shift+Enter the previous, Esc goes
 * back to the text.
 */
final class ConsoleFind {
    private final StyleClassedTextArea area;
    private final BooleanProperty following;
    private final TextField field = new TextField();
    private final Label count = new Label();
    private final HBox node;

    ConsoleFind(StyleClassedTextArea area, BooleanProperty following) {
        this.area = area;
        this.following = following;
        field.setId("console-find");
        field.setPromptText("Find in output");
        field.getStyleClass().add("console-find");
        field.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        field.setOnAction(e -> find(true));
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShiftDown()) {
                find(false);
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                area.requestFocus();
                e.consume();
            }
        });
        field.textProperty().addListener((o, was, now) -> field.getStyleClass().remove("no-match"));
        Button next = button("console-find-next", Material2AL.KEYBOARD_ARROW_DOWN, "Next match (Enter)");
        next.setOnAction(e -> find(true));
        Button previous = button("console-find-previous", Material2AL.KEYBOARD_ARROW_UP, "Previous match (Shift+Enter)");
        previous.setOnAction(e -> find(false));
        count.setId("console-find-count");
        count.getStyleClass().add("console-find-count");
        node = new HBox(2, field, previous, next, count);
        node.setAlignment(Pos.CENTER_LEFT);
    }

    private static Button button(String id, Material2AL icon, String tip) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().addAll("flat", "button-icon");
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        return b;
    }

    Node node() {
        return node;
    }

    /** Puts the keyboard in the field, its text selected (Shortcut+F). */
    void focus() {
        field.requestFocus();
        field.selectAll();
    }

    /** Selects the next (or previous) match; returns whether there was one. */
    boolean find(boolean forward) {
        String query = field.getText();
        if (query == null || query.isEmpty()) {
            count.setText("");
            return false;
        }
        following.set(false); // first: during a flood this fills the area with every line kept
        String text = area.getText().toLowerCase(Locale.ROOT);
        String q = query.toLowerCase(Locale.ROOT);
        int from = forward ? area.getSelection().getEnd() : area.getSelection().getStart() - 1;
        int at = forward ? text.indexOf(q, from) : (from < 0 ? -1 : text.lastIndexOf(q, from));
        if (at < 0) {
            at = forward ? text.indexOf(q) : text.lastIndexOf(q); // wrap around
        }
        if (at < 0) {
            count.setText("no match");
            if (!field.getStyleClass().contains("no-match")) {
                field.getStyleClass().add("no-match");
            }
            return false;
        }
        area.selectRange(at, at + q.length());
        area.requestFollowCaret();
        count.setText(ordinal(text, q, at));
        return true;
    }

    /** "3 of 12". */
    private static String ordinal(String text, String q, int at) {
        int total = 0;
        int index = 0;
        for (int i = text.indexOf(q); i >= 0; i = text.indexOf(q, i + q.length())) {
            total++;
            if (i == at) {
                index = total;
            }
        }
        return index + " of " + total;
    }
}
