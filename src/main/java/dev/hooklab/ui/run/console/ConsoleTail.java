package dev.hooklab.ui.run.console;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * What the console shows in place of its folded text area while a script floods it and the user follows the end:
 * the newest lines, bottom-aligned, in a fixed set of rows whose texts change in place. A flood would otherwise rebuild the styled text area's
 * paragraphs (a cell, its CSS and its layout per line) several times a second; here a change is a screenful of
 * {@code setText} calls and one layout of rows already styled. It looks like the area (same classes: line number,
 * out/err mark, the error colour) but holds no document: no selection, no find. Scrolling up or pressing on it asks
 * the console to show every line kept instead ({@code onLeave}).
 */
final class ConsoleTail {
    /** The rows' least height, for how many rows a height needs (a 12 px monospace line is about 15 px). */
    private static final double MIN_ROW_HEIGHT = 12;
    private final VBox rows = new VBox();
    private final Region node;
    private final List<Row> made = new ArrayList<>();
    private List<ConsoleLine> lines = List.of();
    private long first = 1;

    ConsoleTail(Runnable onLeave) {
        rows.setAlignment(Pos.BOTTOM_LEFT);
        rows.setFillWidth(true);
        rows.getStyleClass().add("console-tail");
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(rows.widthProperty());
        clip.heightProperty().bind(rows.heightProperty());
        rows.setClip(clip);
        rows.setMinSize(0, 0);
        rows.heightProperty().addListener((o, was, now) -> {
            ensureRows(now.doubleValue());
            fill();
        });
        rows.setOnScroll(e -> {
            if (e.getDeltaY() > 0) {
                onLeave.run(); // up, away from the tail
            }
        });
        rows.setOnMousePressed(e -> onLeave.run()); // to select or read: the whole area
        node = rows;
        node.getStyleClass().add("console-area"); // the area's font and colours
    }

    Node node() {
        return node;
    }

    /** Shows the last of these lines, the first of them numbered {@code firstNumber}. */
    void show(List<ConsoleLine> newest, long firstNumber) {
        lines = newest;
        first = firstNumber;
        fill();
    }

    /** Blank rows (the area lies over them). */
    void hide() {
        lines = List.of();
        fill();
    }

    private void ensureRows(double height) {
        int wanted = (int) Math.ceil(height / MIN_ROW_HEIGHT) + 1;
        List<Node> added = new ArrayList<>();
        while (made.size() < wanted) {
            Row row = new Row();
            made.add(0, row); // new rows go on top: the bottom row stays the newest line
            added.add(0, row.box); // in the children's order, top first, as in made
        }
        if (!added.isEmpty()) {
            rows.getChildren().addAll(0, added);
        }
    }

    /** The newest line in the bottom row, older ones above; rows above the first line shown are blank. */
    private void fill() {
        int shown = Math.min(lines.size(), made.size());
        int digits = Math.max(4, Long.toString(first + lines.size()).length());
        for (int r = 0; r < made.size(); r++) {
            int fromBottom = made.size() - 1 - r;
            int index = lines.size() - 1 - fromBottom;
            made.get(r).set(fromBottom < shown ? lines.get(index) : null, first + index, digits);
        }
    }

    /** One row: line number and channel mark in the gutter, then the line; its classes change only with its channel. */
    private static final class Row {
        final Text number = new Text();
        final Text mark = new Text();
        final Text text = new Text();
        final HBox gutter = new HBox(number, mark);
        final HBox box = new HBox(gutter, text);
        private boolean stderr;
        private boolean late;

        Row() {
            number.getStyleClass().add("lineno");
            mark.getStyleClass().addAll("channel-mark", "stdout"); // styled as stdout from the start, as most are
            mark.setText("out");
            text.getStyleClass().addAll("text", "stdout");
            gutter.getStyleClass().addAll("console-gutter", "stdout");
            gutter.setAlignment(Pos.CENTER_LEFT);
            gutter.setMinWidth(Region.USE_PREF_SIZE);
            box.setAlignment(Pos.CENTER_LEFT);
            box.setMinHeight(Region.USE_PREF_SIZE);
        }

        void set(ConsoleLine line, long numberShown, int digits) {
            if (line == null) {
                box.setVisible(false);
                return;
            }
            box.setVisible(true);
            number.setText(String.format("%" + digits + "d", numberShown));
            text.setText(line.text());
            if (line.stderr() != stderr) {
                stderr = line.stderr();
                String channel = stderr ? "stderr" : "stdout";
                mark.setText(stderr ? "err" : "out");
                mark.getStyleClass().setAll("channel-mark", channel);
                gutter.getStyleClass().setAll("console-gutter", channel);
                text.getStyleClass().setAll("text", channel);
                late = false; // setAll took the mark off
            }
            if (line.afterTimeout() != late) {
                late = line.afterTimeout();
                if (late) {
                    text.getStyleClass().add("after-timeout");
                } else {
                    text.getStyleClass().remove("after-timeout");
                }
            }
        }
    }
}
