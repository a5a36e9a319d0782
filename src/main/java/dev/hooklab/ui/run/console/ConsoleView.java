package dev.hooklab.ui.run.console;

import dev.hooklab.run.RunningHook;
import dev.hooklab.run.ScriptRun;
import dev.hooklab.run.output.OutputLine;
import dev.hooklab.run.session.ScriptState;
import dev.hooklab.run.session.SessionBuilder;
import dev.hooklab.run.session.StepSession;
import dev.hooklab.run.session.StepState;
import dev.hooklab.run.session.StepStatus;
import dev.hooklab.ui.run.RunPart;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The selected script's output ({@code #console}): stdout and stderr apart (colour, and an "err" mark in the
 * gutter), line numbers, live as batches arrive, find (Shortcut+F), copy, following the tail unless the user
 * scrolled up. The output of every script of the session stays in a bounded {@link ConsoleLines}, so selecting an
 * earlier script shows its lines; what left memory is counted ({@code #console-dropped}) and "Open full output"
 * ({@code #console-open-full}) shows the whole output the engine kept on disk.
 */
public final class ConsoleView implements RunPart {
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
    private final ConsoleFind find;
    private final Consumer<FullOutput> opener;
    private final Map<Integer, StepState> steps = new HashMap<>();
    /** The session whose scripts are shown (for the output so far of one still running), or null. */
    private StepSession session;
    private final Label title = new Label("No script selected");
    private final Label state = new Label();
    private final Label dropped = new Label();
    private final Button openFull = new Button("Full output", new FontIcon(Material2MZ.OPEN_IN_NEW));
    private final VBox node;
    /** The step shown, or -1. */
    private int shownStep = -1;
    /** The script shown, or null (a step without scripts, or none selected). */
    private ScriptKey shown;
    /** Lines of the shown script not yet in the area (at most its bound), and how many before them never will be. */
    private final List<ConsoleLine> pending = new ArrayList<>();
    private long pendingSkipped;
    private long lastFlush;
    /** Shows the newest lines in place of the area while the user follows the end; see {@link #flush()}. */
    private final ConsoleTail tail;
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

    /**
     * @param store  the lines kept (its bounds are the console's)
     * @param opener shows a script's whole output (a {@link FullOutputWindow}, or the desktop's handler)
     */
    public ConsoleView(ConsoleLines store, Consumer<FullOutput> opener) {
        this.store = store;
        this.opener = opener;
        this.area = new ConsoleArea(store.perScript());
        this.find = new ConsoleFind(area.area(), area.followingProperty());
        this.tail = new ConsoleTail(() -> area.followingProperty().set(false), this::pointOnArea);

        title.setId("console-title");
        title.getStyleClass().add("console-title");
        title.setGraphic(new FontIcon(Material2AL.CODE));
        state.setId("console-state");
        state.getStyleClass().add("console-state");
        ToggleButton follow = new ToggleButton(null, new FontIcon(Material2AL.ARROW_DOWNWARD));
        follow.setId("console-follow");
        follow.getStyleClass().addAll("flat", "button-icon");
        follow.setTooltip(new Tooltip("Follow the end of the output (stops when you scroll up)"));
        follow.selectedProperty().bindBidirectional(area.followingProperty());
        follow.setFocusTraversable(false);
        Button copy = new Button(null, new FontIcon(Material2AL.CONTENT_COPY));
        copy.setId("console-copy");
        copy.getStyleClass().addAll("flat", "button-icon");
        copy.setTooltip(new Tooltip("Copy the selected text, or all lines shown when nothing is selected"));
        copy.setOnAction(e -> copy());
        copy.setFocusTraversable(false);
        openFull.setId("console-open-full");
        openFull.getStyleClass().add("flat");
        openFull.setTooltip(new Tooltip("The script's whole stdout and stderr, as kept on disk"));
        openFull.setOnAction(e -> openFull());
        openFull.setDisable(true);
        openFull.setMinWidth(Region.USE_PREF_SIZE);
        // two rows, so a long script name and its status never push the tools out of a narrow pane
        title.setMinWidth(80);
        state.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(title.textProperty());
        title.setTooltip(whole); // the whole name where the pane cuts it
        HBox names = new HBox(6, title, state);
        names.setAlignment(Pos.CENTER_LEFT);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox tools = new HBox(6, find.node(), grow, follow, copy, openFull);
        tools.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(4, names, tools);
        header.getStyleClass().addAll("view-header", "console-header");
        dropped.setId("console-dropped");
        dropped.getStyleClass().add("console-dropped");
        dropped.setMaxWidth(Double.MAX_VALUE);
        dropped.setWrapText(true);
        dropped.setMinHeight(Region.USE_PREF_SIZE); // wrapped whole, never cut to "..."

        dropped.managedProperty().bind(dropped.visibleProperty());
        dropped.setVisible(false);
        area.firstLineProperty().addListener((o, was, now) -> showDropped());
        area.followingProperty().addListener((o, was, now) -> {
            if (now) {
                enterTail();
            } else {
                leaveTail(); // the user scrolled up, clicked or searched: every line kept, to scroll through
            }
        });
        StackPane text = new StackPane(tail.node(), area.node()); // the area, when shown, lies over the tail
        text.setMinSize(0, 0);
        node = ConsoleStyle.apply(new VBox(header, dropped, text));
        node.setId("console-view");
        node.getStyleClass().add("console-view");
        VBox.setVgrow(text, Priority.ALWAYS);
        KeyCombination findKey = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
        node.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (findKey.match(e)) {
                find.focus();
                e.consume();
            } else if (e.getCode() == KeyCode.F3) {
                find.find(!e.isShiftDown());
                e.consume();
            }
        });
        enterTail(); // following the end from the start
    }

    @Override
    public Node node() {
        return node;
    }

    /** The text shown: the selected script's lines kept in memory, one a line. */
    public String text() {
        settle();
        return area.area().getText();
    }

    /** The script shown, or null. */
    public ScriptKey shown() {
        return shown;
    }

    /** Lines shown now. */
    public int lineCount() {
        settle();
        return area.lineCount();
    }

    /** Every pending line in, and the area's text up to date with every line kept (the tail may stay shown). */
    private void settle() {
        flush();
        syncArea();
    }

    /** The tail's rows with a line, top to bottom (tests); empty while the area is shown. */
    List<String> tailTexts() {
        flush();
        tail.node().applyCss();
        ((javafx.scene.Parent) tail.node()).layout();
        return tail.shownTexts();
    }

    ConsoleFind find() {
        return find;
    }

    @Override
    public void sessionChanged(SessionBuilder.Prepared prepared) {
        session = prepared == null ? null : prepared.session();
        store.clear();
        steps.clear();
        shownStep = -1;
        shown = null;
        dropPending();
        areaStale = false;
        area.clear();
        showTail();
        title.setText("No script selected");
        refreshState();
    }

    @Override
    public void stepChanged(StepState step) {
        StepState before = steps.put(step.index(), step);
        flush(); // a step's change comes after its lines: they are all in when it ends
        if (areaStale) {
            if (store.printed(shown) - store.dropped(shown) <= SYNC_PART_LINES) {
                syncArea();
            } else {
                syncAreaInParts();
            }
        }
        if (step.status() == StepStatus.RUNNING && step.scripts().isEmpty()
                && (before == null || before.status() != StepStatus.RUNNING || !before.scripts().isEmpty())) {
            store.forgetStep(step.index()); // it runs (again): its scripts print afresh
            if (shownStep == step.index()) {
                dropPending();
                areaStale = false;
                area.clear();
                showTail();
            }
        }
        if (step.index() == shownStep) {
            refreshState();
        }
    }

    @Override
    public void output(int step, String location, List<OutputLine> lines) {
        ScriptKey key = new ScriptKey(step, location);
        if (shown == null) {
            show(step, location); // no script shown: the one printing now, live (its lines come in as pending)
        }
        int skip = Math.max(0, lines.size() - store.perScript()); // a batch larger than a script's bound: its end
        List<ConsoleLine> converted = new ArrayList<>(lines.size() - skip);
        for (OutputLine line : lines.subList(skip, lines.size())) {
            converted.add(ConsoleLine.of(line));
        }
        store.add(key, converted, skip);
        if (key.equals(shown)) {
            pending.addAll(converted);
            pendingSkipped += skip;
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
    }

    /**
     * Puts the pending lines in view now. While the user follows the end, the {@link ConsoleTail} shows the newest
     * lines in the area's place and the area is folded away (no size, so no paragraph cells), its text left behind:
     * a styled text area lays out a new paragraph cell for every line that scrolls into view, 100-200 ms of the FX
     * thread for a screenful, and a busy script would scroll a screenful four times a second. When the user leaves
     * the end (scrolls up, presses on the output, finds, turns follow off) the area unfolds with every line kept and
     * new lines go into it, below what the user reads. Its text is brought up to date whenever it is read
     * ({@link #text()}) or a step changes, folded, which costs no layout.
     */
    private void flush() {
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
        showDropped();
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
     * first part also pays for the area's cold code. The first part already ends with the last line. The area is folded meanwhile
     * (the tail shows the end), so a part lays out nothing. A newer change (more lines, another script, a read of
     * the text, which catches up at once) leaves the remaining parts undone.
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
            node.applyCss();
            node.layout();
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

    @Override
    public void selected(StepState step, String location) {
        if (step != null) {
            steps.put(step.index(), step);
        }
        show(step == null ? -1 : step.index(), location);
    }

    private void show(int step, String location) {
        ScriptKey key = step < 0 || location == null ? null : new ScriptKey(step, location);
        if (key != null && key.equals(shown)) {
            flush(); // already shown: nothing to rebuild
            refreshState();
            return;
        }
        dropPending(); // the store has them
        shownStep = step;
        shown = step < 0 || location == null ? null : new ScriptKey(step, location);
        StepState s = steps.get(step);
        areaStale = false;
        if (shown == null) {
            area.clear();
            title.setText(s == null ? "No script selected" : s.event() + ": no script");
        } else {
            area.show(store.lines(shown), store.dropped(shown) + 1); // follows: folded, so no layout
            title.setText((s == null ? "" : s.event() + ": ") + location);
        }
        showTail();
        refreshState();
        showDropped();
    }

    private ScriptRun shownRun() {
        StepState s = steps.get(shownStep);
        if (s == null || shown == null) {
            return null;
        }
        return s.scripts().stream().filter(x -> x.location().equals(shown.location()) && x.run() != null)
                .map(ScriptState::run).findFirst().orElse(null);
    }

    private void refreshState() {
        StepState s = steps.get(shownStep);
        ScriptRun run = shownRun();
        openFull.setDisable(run == null && !shownScriptRunning()); // while it runs: what it printed so far
        if (shown == null || s == null) {
            state.setText(s == null ? "" : s.status().label());
            return;
        }
        ScriptState script = s.scripts().stream().filter(x -> x.location().equals(shown.location())).findFirst()
                .orElse(null);
        if (script == null) {
            state.setText(s.status().label());
        } else if (script.running()) {
            state.setText("running");
        } else if (run != null) {
            state.setText(run.status().json() + (run.exitCode() != null ? ", exit code " + run.exitCode() : "")
                    + (run.signal() != null ? ", " + run.signal() : ""));
        } else {
            state.setText(script.status() == null ? "pending" : script.status().json());
        }
    }

    private void showDropped() {
        long gone = shown != null ? store.dropped(shown) : area.firstLineProperty().get() - 1;
        dropped.setVisible(gone > 0);
        dropped.setText(String.format("%,d earlier lines are no longer in memory (the console keeps the last %,d"
                + " lines of a script). The whole output is on disk: Full output shows it.", gone, store.perScript()));
    }

    private void copy() {
        settle();
        String selected = area.area().getSelectedText();
        ClipboardContent content = new ClipboardContent();
        content.putString(selected == null || selected.isEmpty() ? area.area().getText() : selected);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private boolean shownScriptRunning() {
        StepState s = steps.get(shownStep);
        return s != null && shown != null && s.scripts().stream()
                .anyMatch(x -> x.location().equals(shown.location()) && x.running());
    }

    /** The shown script's running hook, while it runs and the session has it. */
    private Optional<RunningHook> shownRunning() {
        return shownScriptRunning() && session != null ? session.running(shownStep, shown.location())
                : Optional.empty();
    }

    private void openFull() {
        ScriptRun run = shownRun();
        if (run != null) {
            opener.accept(FullOutput.of(run));
            return;
        }
        Optional<RunningHook> hook = shownRunning();
        if (hook.isPresent()) {
            try {
                opener.accept(FullOutput.soFar(steps.get(shownStep).event(), hook.get()));
            } catch (IOException e) {
                state.setText("running; its output so far could not be read: " + e.getMessage());
            }
        }
    }
}
