package dev.hooklab.ui.run.console;

import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import javafx.util.Duration;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.ReadOnlyStyledDocumentBuilder;
import org.fxmisc.richtext.model.SegmentOps;
import org.fxmisc.richtext.util.UndoUtils;

import java.util.Collection;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The console's text: one paragraph a line, stderr lines in the error colour with an "err" mark in the gutter
 * beside the line number, at most {@code maxLines} lines (the oldest leave first and the numbering goes on), no
 * undo history. Follows the tail unless the user scrolled away from it; scrolling back to the end follows again.
 */
final class ConsoleArea {
    private static final Collection<String> OUT = List.of("stdout");
    private static final Collection<String> ERR = List.of("stderr");
    private static final Collection<String> LATE_OUT = List.of("stdout", "after-timeout");
    private static final Collection<String> LATE_ERR = List.of("stderr", "after-timeout");

    private final StyleClassedTextArea area = new StyleClassedTextArea();
    private final VirtualizedScrollPane<StyleClassedTextArea> scroll = new VirtualizedScrollPane<>(area);
    private final int maxLines;
    private final ReadOnlyLongWrapper firstLine = new ReadOnlyLongWrapper(1);
    private final BooleanProperty following = new SimpleBooleanProperty(true);
    private boolean empty = true;
    private boolean folded;
    private final PauseTransition recheck = new PauseTransition(Duration.millis(150));

    ConsoleArea(int maxLines) {
        this.maxLines = maxLines;
        area.setId("console");
        area.getStyleClass().add("console-area");
        area.setEditable(false);
        area.setWrapText(false);
        area.setUndoManager(UndoUtils.noOpUndoManager()); // millions of appended lines must not pile up as history
        area.setUseInitialStyleForInsertion(true);
        gutter();
        // the user scrolled, dragged the scroll bar or moved by keys: follow only while the end is in sight
        recheck.setOnFinished(e -> following.set(empty || lastVisible() >= area.getParagraphs().size() - 1));
        area.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0) {
                following.set(false); // up, away from the tail
            } else {
                recheckFollowing();
            }
        });
        scroll.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> recheckFollowing());
        scroll.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> recheckFollowing());
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case UP, PAGE_UP, HOME -> following.set(false);
                case DOWN, PAGE_DOWN, END -> recheckFollowing();
                default -> { }
            }
        });
        following.addListener((o, was, now) -> {
            if (now) {
                showEnd();
            }
        });
    }

    StyleClassedTextArea area() {
        return area;
    }

    Node node() {
        return scroll;
    }

    /** The number of the first line shown: 1 unless earlier lines left memory. */
    ReadOnlyLongProperty firstLineProperty() {
        return firstLine.getReadOnlyProperty();
    }

    BooleanProperty followingProperty() {
        return following;
    }

    /** Shows these lines only, the first of them numbered {@code first}. */
    void show(List<ConsoleLine> lines, long first) {
        show(lines, first, true);
    }

    /** Shows these lines only, the first of them numbered {@code first}, following the tail or not. */
    void show(List<ConsoleLine> lines, long first, boolean follow) {
        empty = true; // the next append replaces the whole text in one change
        firstLine.set(first);
        gutter();
        following.set(follow);
        if (lines.isEmpty()) {
            area.clear();
        } else {
            append(lines);
        }
    }

    void clear() {
        show(List.of(), 1);
    }

    void append(List<ConsoleLine> lines) {
        append(lines, 0);
    }

    /**
     * Appends lines in one change, drops the oldest beyond the bound and keeps the end in sight when following;
     * {@code skipped} lines came before these and were never shown (they count in the numbering).
     */
    void append(List<ConsoleLine> lines, long skipped) {
        if (lines.isEmpty()) {
            return;
        }
        List<ConsoleLine> fresh = lines.size() > maxLines ? lines.subList(lines.size() - maxLines, lines.size()) : lines;
        skipped += lines.size() - fresh.size();
        if (fresh.size() == maxLines) {
            skipped += lineCount(); // all of it goes: one replacement instead of an append and a deletion
            empty = true;
        }
        if (empty) {
            area.replace(0, area.getLength(), document(fresh, false, false));
        } else {
            area.append(document(fresh, true, false)); // its first, empty paragraph joins the last line
        }
        empty = false;
        int over = area.getParagraphs().size() - maxLines;
        if (over > 0 || skipped > 0) {
            if (over > 0) {
                area.deleteText(0, area.getAbsolutePosition(over, 0));
            }
            firstLine.set(firstLine.get() + Math.max(0, over) + skipped);
            gutter();
        }
        if (following.get()) {
            showEnd();
        }
    }

    /**
     * Puts lines before the first one shown, numbered just before it: a catch-up that begins with the end. Nothing
     * leaves (the caller stays within the bound).
     */
    void prepend(List<ConsoleLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        long first = firstLine.get() - lines.size();
        if (empty) {
            show(lines, first, following.get());
            return;
        }
        area.insert(0, document(lines, false, true)); // its last, empty paragraph joins the first line shown
        firstLine.set(first);
        gutter();
        if (following.get()) {
            showEnd();
        }
    }

    /**
     * The lines as a document, one paragraph each, styled by channel.
     *
     * @param leading  an empty paragraph first (to join a line before it)
     * @param trailing an empty paragraph last (to join a line after it)
     */
    private static ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> document(
            List<ConsoleLine> lines, boolean leading, boolean trailing) {
        ReadOnlyStyledDocumentBuilder<Collection<String>, String, Collection<String>> doc =
                new ReadOnlyStyledDocumentBuilder<>(SegmentOps.styledTextOps(), List.of());
        if (leading) {
            doc.addParagraph("", OUT, List.of());
        }
        for (ConsoleLine line : lines) {
            Collection<String> style = line.afterTimeout() ? (line.stderr() ? LATE_ERR : LATE_OUT)
                    : line.stderr() ? ERR : OUT;
            doc.addParagraph(line.text(), style, line.stderr() ? ERR : OUT);
        }
        if (trailing) {
            doc.addParagraph("", OUT, List.of());
        }
        return doc.build();
    }

    /** Lines shown now. */
    int lineCount() {
        return empty ? 0 : area.getParagraphs().size();
    }

    /**
     * Folds the area away (no size, not shown: a change of its text lays out no paragraph cells) while something
     * else shows the output in its place, or unfolds it.
     */
    void fold(boolean folded) {
        this.folded = folded;
        scroll.setManaged(!folded);
        scroll.setVisible(!folded);
        gutter(); // none while folded: a new gutter makes every paragraph's cell anew, laid out or not
        if (folded) {
            scroll.resize(0, 0);
        } else if (following.get()) {
            showEnd();
        }
    }

    /** Brings the last line into view once, without following. */
    void revealEnd() {
        showEnd();
    }

    private void showEnd() {
        if (!empty) {
            area.showParagraphAtBottom(area.getParagraphs().size() - 1);
        }
    }

    /** After the user moved the view: follows while the last line is in sight (asked once the view is laid out). */
    private void recheckFollowing() {
        recheck.playFromStart();
    }

    private int lastVisible() {
        try {
            return area.lastVisibleParToAllParIndex();
        } catch (RuntimeException e) {
            return area.getParagraphs().size() - 1; // nothing laid out yet
        }
    }

    /** A fresh gutter factory (so visible cells renumber): line number and channel mark. */
    private void gutter() {
        if (folded) {
            area.setParagraphGraphicFactory(null);
            return;
        }
        long first = firstLine.get();
        int digits = Math.max(4, Long.toString(first + maxLines).length());
        IntFunction<Node> factory = index -> {
            if (empty) {
                return new Text();
            }
            // plain Text nodes, not Labels: a flood lays out a screenful of fresh gutters several times a second
            Text number = new Text(String.format("%" + digits + "d", first + index));
            number.getStyleClass().add("lineno");
            boolean err = index < area.getParagraphs().size()
                    && area.getParagraph(index).getParagraphStyle().contains("stderr");
            Text mark = new Text(err ? "err" : "out");
            mark.getStyleClass().addAll("channel-mark", err ? "stderr" : "stdout");
            HBox box = new HBox(number, mark);
            box.getStyleClass().addAll("console-gutter", err ? "stderr" : "stdout");
            box.setAlignment(Pos.CENTER_LEFT);
            return box;
        };
        area.setParagraphGraphicFactory(factory);
    }
}
