package dev.hooklab.ui.run.console;

import javafx.event.EventType;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the console shows while the user follows the end of the output: the newest lines in a fixed set of rows
 * whose texts change in place, from the top while they fit and bottom-aligned once they do not. A styled text area
 * lays out a new paragraph cell for every line that scrolls into view (a few milliseconds each: a screenful takes
 * the FX thread 100-200 ms), so following a busy script in it holds the window back; here a change is a screenful of
 * {@code setText} calls on rows already styled; a line too long for the width ends in … (the area scrolls sideways
 * instead). It looks like the area (same classes: line number, out/err mark,
 * the error colour) but holds no document: pressing on it, scrolling up or a reading key asks the console for the
 * area instead ({@code onLeave}), which then has every line kept, to select, find and scroll through.
 */
final class ConsoleTail {
    private final Rows rows = new Rows();
    private final List<Row> made = new ArrayList<>();
    private List<ConsoleLine> lines = List.of();
    private long first = 1;
    /** The width of one character of the console's monospaced font, measured once its style is known. */
    private double charWidth;

    /**
     * @param onLeave asks the console for the area in the tail's place
     * @param pointer gets the mouse gesture that left the tail (press, drags, release, click), to pass on to the
     *                area now in its place: the press that leaves the tail also places the caret or starts a selection
     */
    ConsoleTail(Runnable onLeave, Consumer<MouseEvent> pointer) {
        rows.getStyleClass().addAll("console-area", "console-tail"); // the area's font and colours
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(rows.widthProperty());
        clip.heightProperty().bind(rows.heightProperty());
        rows.setClip(clip);
        rows.setMinSize(0, 0);
        rows.setFocusTraversable(true);
        rows.setOnScroll(e -> {
            if (e.getDeltaY() > 0) {
                onLeave.run(); // up, away from the end
            }
        });
        rows.addEventHandler(MouseEvent.ANY, e -> {
            EventType<? extends MouseEvent> type = e.getEventType();
            if (type == MouseEvent.MOUSE_PRESSED) {
                onLeave.run(); // to select or read
            }
            if (type == MouseEvent.MOUSE_PRESSED || type == MouseEvent.MOUSE_DRAGGED
                    || type == MouseEvent.MOUSE_RELEASED || type == MouseEvent.MOUSE_CLICKED) {
                pointer.accept(e); // the gesture goes on in the area: it stays aimed at the node it began on
                e.consume();
            }
        });
        rows.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case UP, PAGE_UP, HOME, LEFT, RIGHT -> {
                    onLeave.run();
                    e.consume();
                }
                default -> {
                    if (e.isShortcutDown() && (e.getCode() == KeyCode.A || e.getCode() == KeyCode.C)) {
                        onLeave.run(); // select all, copy: the area does them
                    }
                }
            }
        });
        rows.heightProperty().addListener((o, was, now) -> rows.requestLayout());
    }

    Node node() {
        return rows;
    }

    /** Shows these lines, the first of them numbered {@code firstNumber} (as many of the last as fit). */
    void show(List<ConsoleLine> newest, long firstNumber) {
        lines = newest;
        first = firstNumber;
        rows.requestLayout();
    }

    /** No lines. */
    void clear() {
        show(List.of(), 1);
    }

    /** The rows with a line now, top to bottom, as their texts (tests). */
    List<String> shownTexts() {
        return made.stream().filter(row -> row.box.isVisible()).map(row -> row.text.getText()).toList();
    }

    /** Lays the rows out: the last lines that fit, each row as tall as a line of the area's font. */
    private final class Rows extends Region {
        @Override
        protected void layoutChildren() {
            double height = getHeight();
            double width = getWidth();
            if (made.isEmpty()) {
                addRow();
            }
            double rowHeight = Math.max(1, made.get(0).box.prefHeight(-1));
            int fit = Math.max(1, (int) Math.ceil(height / rowHeight));
            int shown = Math.min(lines.size(), fit);
            while (made.size() < fit) {
                addRow(); // as soon as there is room, before any line: the first lines cost no new nodes
            }
            int digits = Math.max(4, Long.toString(first + lines.size()).length());
            int columns = columns(width, digits);
            // from the top while the lines fit; once they do not, the newest line sits on the bottom edge
            double top = lines.size() * rowHeight <= height ? 0 : height - shown * rowHeight;
            for (int r = 0; r < made.size(); r++) {
                Row row = made.get(r);
                if (r < shown) {
                    int index = lines.size() - shown + r;
                    row.set(lines.get(index), first + index, digits, columns);
                    row.box.resizeRelocate(0, top + r * rowHeight, Math.max(width, row.box.prefWidth(-1)),
                            rowHeight);
                } else {
                    row.box.setVisible(false);
                }
            }
        }

        /** How many characters of the monospaced font fit beside the gutter: a longer line ends in a mark. */
        private int columns(double width, int digits) {
            Row sample = made.get(0);
            sample.number.setText(" ".repeat(digits)); // the gutter as wide as the numbers it will show
            if (charWidth <= 0) {
                Text probe = new Text("0123456789");
                probe.setFont(sample.text.getFont());
                charWidth = probe.getLayoutBounds().getWidth() / 10;
            }
            double room = width - sample.gutter.prefWidth(-1) - sample.box.getInsets().getLeft()
                    - sample.box.getInsets().getRight();
            return charWidth <= 0 ? Integer.MAX_VALUE : Math.max(8, (int) (room / charWidth));
        }

        private void addRow() {
            Row row = new Row();
            made.add(row);
            getChildren().add(row.box);
            row.box.applyCss();
        }
    }

    /** A line cut to {@code columns} characters (tabs to the next multiple of 8), ending in … when it was longer. */
    static String fit(String line, int columns) {
        if (line.length() <= columns && line.indexOf('\t') < 0) {
            return line;
        }
        int column = 0;
        for (int i = 0; i < line.length(); i++) {
            int next = line.charAt(i) == '\t' ? (column / 8 + 1) * 8 : column + 1;
            if (next > columns - 1 && i < line.length() - 1 || next > columns) {
                return line.substring(0, i) + "\u2026";
            }
            column = next;
        }
        return line;
    }

    /** One row: line number and channel mark in the gutter, then the line; its classes change only with its channel. */
    private static final class Row {
        final Text number = new Text();
        final Text mark = new Text("out");
        final Text text = new Text();
        final HBox gutter = new HBox(number, mark);
        final HBox box = new HBox(gutter, text);
        private boolean stderr;
        private boolean late;

        Row() {
            number.getStyleClass().add("lineno");
            mark.getStyleClass().addAll("channel-mark", "stdout"); // styled as stdout from the start, as most are
            text.getStyleClass().addAll("text", "stdout");
            gutter.getStyleClass().addAll("console-gutter", "stdout");
            gutter.setAlignment(Pos.CENTER_LEFT);
            gutter.setMinWidth(Region.USE_PREF_SIZE);
            box.setAlignment(Pos.CENTER_LEFT);
            box.setManaged(false);
        }

        void set(ConsoleLine line, long numberShown, int digits, int columns) {
            box.setVisible(true);
            number.setText(String.format("%" + digits + "d", numberShown));
            text.setText(fit(line.text(), columns));
            if (line.stderr() != stderr) {
                stderr = line.stderr();
                String channel = stderr ? "stderr" : "stdout";
                mark.setText(stderr ? "err" : "out");
                mark.getStyleClass().setAll("channel-mark", channel);
                gutter.getStyleClass().setAll("console-gutter", channel);
                text.getStyleClass().setAll("text", channel);
                late = false;
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
