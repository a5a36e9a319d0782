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
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
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
    /** The shown script's lines on screen: the tail while following the end, else the area. */
    private final ConsoleScreen screen;

    /**
     * @param store  the lines kept (its bounds are the console's)
     * @param opener shows a script's whole output (a {@link FullOutputWindow}, or the desktop's handler)
     */
    public ConsoleView(ConsoleLines store, Consumer<FullOutput> opener) {
        this.store = store;
        this.opener = opener;
        this.area = new ConsoleArea(store.perScript());
        this.find = new ConsoleFind(area.area(), area.followingProperty());
        this.screen = new ConsoleScreen(store, area, this::showDropped);

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
        Node text = screen.node();
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
    }

    @Override
    public Node node() {
        return node;
    }

    /** The text shown: the selected script's lines kept in memory, one a line. */
    public String text() {
        screen.settle();
        return area.area().getText();
    }

    /** The script shown, or null. */
    public ScriptKey shown() {
        return shown;
    }

    /** Lines shown now. */
    public int lineCount() {
        screen.settle();
        return area.lineCount();
    }

    /** The tail's rows with a line, top to bottom (tests); empty while the area is shown. */
    List<String> tailTexts() {
        return screen.tailTexts();
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
        screen.show(null);
        title.setText("No script selected");
        refreshState();
    }

    @Override
    public void stepChanged(StepState step) {
        StepState before = steps.put(step.index(), step);
        screen.catchUp();
        if (step.status() == StepStatus.RUNNING && step.scripts().isEmpty()
                && (before == null || before.status() != StepStatus.RUNNING || !before.scripts().isEmpty())) {
            store.forgetStep(step.index()); // it runs (again): its scripts print afresh
            if (shownStep == step.index()) {
                screen.clear();
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
            screen.add(converted, skip);
        }
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
            screen.flush(); // already shown: nothing to rebuild
            refreshState();
            return;
        }
        shownStep = step;
        shown = key;
        StepState s = steps.get(step);
        screen.show(key);
        if (shown == null) {
            title.setText(s == null ? "No script selected" : s.event() + ": no script");
        } else {
            title.setText((s == null ? "" : s.event() + ": ") + location);
        }
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
        screen.settle();
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
