package dev.hooklab.ui.run.console;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;

import java.util.ArrayList;
import java.util.List;

/**
 * How the lines kept of the shown script reach the screen: the {@link ConsoleTail} while the user follows the end,
 * the {@link ConsoleArea} (every line kept, to select, find and scroll through) once they leave it.
 * <p>
 * While the user follows the end the tail shows the newest lines in the area's place and the area is folded away
 * (no size, so no paragraph cells), its text left behind: a styled text area lays out a new paragraph cell for every
 * line that scrolls into view, 100-200 ms of the FX thread for a screenful, and a busy script would scroll a screenful
 * four times a second. When the user leaves the end (scrolls up, presses on the output, finds, turns follow off) the
 * area unfolds with every line kept and new lines go into it, below what the user reads. Its text is brought up to
 * date whenever it is read ({@link #settle()}) or a step changes ({@link #catchUp()}), folded, which costs no layout.
 */
final class ConsoleScreen {
    /** Under a flood the text changes at most this often: each change lays out a screenful of new lines. */
    private static final long FLUSH_NANOS = 250_000_000;
    /** Lines the tail gets: more than the tallest screen shows. */
    static final int TAIL_LINES = 200;
    /** Up to this many lines at a flush go into the folded area's text at once, so #console reads live. */
    private static final int LIVE_LINES = 500;
    /**
     * When a step changes, the area's text catches up at once with up to this many lines kept; with more, in parts
     * of up to this many lines, each in an FX event of its own.
     */
    static final int SYNC_PART_LINES = 2000;
    /** The first of those parts: the area's code may still be cold then, so it starts small and doubles. */
    private static final int FIRST_SYNC_PART_LINES = 250;

    private final ConsoleLines store;
    private final ConsoleArea area;
    private final ConsoleTail tail;
    private final StackPane node;
    /** Told after new lines went in: what left memory may have changed. */
    private final Runnable linesChanged;
    /** The script shown, or null. */
    private ScriptKey shown;
    /** Lines of the shown script not yet in the area (at most its bound), and how many before them never will be. */
    private final List<ConsoleLine> pending = new ArrayList<>();
    private long pendingSkipped;
    private long lastFlush;
    /** Whether the tail is shown, the area folded away behind it. */
    private boolean tailing;
    /** Whether the area's text lags behind the lines kept (it is brought up to date when read or unfolded). */
    private boolean areaStale;
    /**
     * Counts the catch-ups and the flushes: a catch-up in parts stops when another began or new lines came (a
     * change of script or session leaves the area up to date, which stops it too).
     */
    private int areaChanges;
    /** Flushes what is pending at a pulse once the interval passed: a flood changes the text four times a second. */
    private final AnimationTimer flusher = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (System.nanoTime() - lastFlush > FLUSH_NANOS) {
                flush();
            }
        }
    };

    ConsoleScreen(ConsoleLines store, ConsoleArea area, Runnable linesChanged) {
        this.store = store;
        this.area = area;
        this.linesChanged = linesChanged;
        this.tail = new ConsoleTail(() -> area.followingProperty().set(false), this::pointOnArea);
        node = new StackPane(tail.node(), area.node()); // the area, when shown, lies over the tail
        node.setMinSize(0, 0);
        area.followingProperty().addListener((o, was, now) -> {
            if (now) {
                enterTail();
            } else {
                leaveTail(); // the user scrolled up, clicked or searched: every line kept, to scroll through
            }
        });
        enterTail(); // following the end from the start
    }

    Node node() {
        return node;
    }

    /** Shows this script's lines kept (null: none), following the end as before. */
    void show(ScriptKey key) {
        dropPending(); // the store has them
        shown = key;
        areaStale = false;
        if (key == null) {
            area.clear();
        } else {
            area.show(store.lines(key), store.dropped(key) + 1); // follows: folded, so no layout
        }
        showTail();
    }

    /** Nothing shown, nothing pending: a new session, or the shown script's step runs again. */
    void clear() {
        dropPending();
        areaStale = false;
        area.clear();
        showTail();
    }

    /** New lines of the shown script, already in the store; {@code skipped} before them never came in. */
    void add(List<ConsoleLine> lines, long skipped) {
        pending.addAll(lines);
        pendingSkipped += skipped;
        int over = pending.size() - store.perScript();
        if (over > 0) {
            pending.subList(0, over).clear();
            pendingSkipped += over;
        }
        if (System.nanoTime() - lastFlush > FLUSH_NANOS) {
            flush(); // a quiet script shows each line at once
        } else {
            flusher.start();
        }
    }

    /** Puts the pending lines in view now: in the tail, and in the area's text unless a flood leaves it behind. */
    void flush() {
        flusher.stop();
        lastFlush = System.nanoTime();
        if (pending.isEmpty()) {
            return;
        }
        areaChanges++; // newer lines than a catch-up under way has
        if (tailing) {
            showTail();
            if (!areaStale && pending.size() <= LIVE_LINES) {
                area.append(new ArrayList<>(pending), pendingSkipped); // folded: the text only, no layout
            } else {
                areaStale = true; // a flood: the text catches up when read or when the step changes
            }
        } else {
            area.append(new ArrayList<>(pending), pendingSkipped);
        }
        pending.clear();
        pendingSkipped = 0;
        linesChanged.run();
    }

    /** Every pending line in, and the area's text up to date with every line kept (the tail may stay shown). */
    void settle() {
        flush();
        syncArea();
    }

    /** A step changed: every pending line in, and the area's text catching up, in parts after a flood. */
    void catchUp() {
        flush(); // a step's change comes after its lines: they are all in when it ends
        if (areaStale) {
            if (store.printed(shown) - store.dropped(shown) <= SYNC_PART_LINES) {
                syncArea();
            } else {
                syncAreaInParts();
            }
        }
    }

    /** The tail's rows with a line, top to bottom (tests); empty while the area is shown. */
    List<String> tailTexts() {
        flush();
        tail.node().applyCss();
        ((Parent) tail.node()).layout();
        return tail.shownTexts();
    }

    private void showTail() {
        if (shown == null) {
            tail.clear();
            return;
        }
        List<ConsoleLine> newest = store.last(shown, TAIL_LINES);
        tail.show(newest, store.printed(shown) - newest.size() + 1);
    }

    /** The area's text as every line kept of the shown script, now, if it lags behind. */
    private void syncArea() {
        areaChanges++; // a catch-up in parts still under way has nothing left to do
        if (areaStale) {
            areaStale = false;
            if (shown != null) {
                area.show(store.lines(shown), store.dropped(shown) + 1, area.followingProperty().get());
            }
        }
    }

    /**
     * The area's text as every line kept of the shown script, in parts from the end backwards, each in an FX event
     * that queues the next: the whole 10,000 lines in one event hold the FX thread 70-100 ms on first use (the text
     * of them all is built to compare with the old), while between parts a pulse and whatever else is queued runs.
     * The parts grow from {@link #FIRST_SYNC_PART_LINES} to {@link #SYNC_PART_LINES} lines, doubling, since the
     * first part also pays for the area's cold code. The first part already ends with the last line. The area is
     * folded meanwhile (the tail shows the end), so a part lays out nothing. A newer change (more lines, another
     * script, a read of the text, which catches up at once) leaves the remaining parts undone.
     */
    private void syncAreaInParts() {
        int change = ++areaChanges;
        List<ConsoleLine> lines = store.lines(shown);
        syncPart(change, lines, store.dropped(shown) + 1, area.followingProperty().get(), lines.size(),
                FIRST_SYNC_PART_LINES);
    }

    /** Puts the {@code part} lines of {@code lines} that end before {@code to} in the area, then queues those before. */
    private void syncPart(int change, List<ConsoleLine> lines, long first, boolean follow, int to, int part) {
        Platform.runLater(() -> {
            if (change != areaChanges || !areaStale) {
                return;
            }
            int from = Math.max(0, to - part);
            if (to == lines.size()) {
                area.show(lines.subList(from, to), first + from, follow);
            } else {
                area.prepend(lines.subList(from, to));
            }
            if (from == 0) {
                areaStale = false;
            } else {
                syncPart(change, lines, first, follow, from, Math.min(SYNC_PART_LINES, part * 2));
            }
        });
    }

    /** A mouse gesture begun on the tail, passed on to the area that took its place (laid out first, to hit lines). */
    private void pointOnArea(MouseEvent e) {
        if (tailing) {
            return;
        }
        if (e.getEventType() == MouseEvent.MOUSE_PRESSED) {
            Parent laidOut = node.getParent() != null ? node.getParent() : node;
            laidOut.applyCss();
            laidOut.layout();
        }
        Event.fireEvent(area.area(), e.copyFor(area.area(), area.area()));
    }

    /** The tail in the area's place, the area folded (following the end). */
    private void enterTail() {
        if (!tailing) {
            tailing = true;
            area.fold(true);
            showTail();
        }
    }

    /** The area in the tail's place again, with every line kept, at its end. */
    private void leaveTail() {
        if (tailing) {
            flush();
            syncArea();
            tailing = false;
            boolean focused = tail.node().isFocused();
            area.fold(false);
            tail.clear();
            area.revealEnd();
            if (focused) {
                area.area().requestFocus(); // the keys go on to the text
            }
        }
    }

    private void dropPending() {
        flusher.stop();
        pending.clear();
        pendingSkipped = 0;
    }
}
