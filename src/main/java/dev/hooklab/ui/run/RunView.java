package dev.hooklab.ui.run;

import dev.hooklab.ui.actions.Action;
import dev.hooklab.ui.actions.Actions;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The run view ({@code #run-view}): the run's buttons (bound to the same actions as the Run menu), where the run
 * stands, the previous revision slot, the step list {@code #run-steps} and, beside it, the details
 * ({@code #run-details-tabs}): the parts' nodes under their titles, the run's notes and its settings.
 */
public final class RunView {
    /** A part of the view with the title of its tab. */
    public record TitledPart(String title, RunPart part) {
    }

    private static final Map<Action, String> BUTTON_IDS = Map.of(Action.STEP, "step-button",
            Action.RUN_TO_END, "run-to-end-button", Action.RUN_TO_HERE, "run-to-here-button",
            Action.SKIP, "skip-button", Action.RERUN, "rerun-button", Action.STOP, "stop-button",
            Action.RESET, "reset-button");
    private static final List<Action> BUTTONS = List.of(Action.STEP, Action.RUN_TO_END, Action.RUN_TO_HERE,
            Action.SKIP, Action.RERUN, Action.STOP, Action.RESET);

    private final RunModel model;
    private final VBox root;
    private final ListView<StepRow> steps = new ListView<>();
    private final TabPane details = new TabPane();
    private boolean syncing;

    /**
     * @param parts         the parts in the order of their tabs (console, script details, timeline, sandbox, ...)
     * @param chooseSandbox asks for a folder to keep the sandbox in (null when cancelled)
     */
    public RunView(RunModel model, Actions actions, List<TitledPart> parts, Supplier<Path> chooseSandbox) {
        this.model = model;
        HBox buttons = new HBox(4);
        buttons.getStyleClass().add("run-buttons");
        buttons.setAlignment(Pos.CENTER_LEFT);
        for (Action a : BUTTONS) {
            Button b = new Button(a.text(), new FontIcon(a.icon()));
            b.setId(BUTTON_IDS.get(a));
            b.setOnAction(e -> actions.fire(a));
            b.disableProperty().bind(model.enabledProperty(a).not());
            String key = a.shortcut() == null ? "" : " (" + javafx.scene.input.KeyCombination.valueOf(a.shortcut())
                    .getDisplayText() + ")";
            b.setTooltip(new Tooltip(a.text() + key + "\n" + a.help()));
            b.setFocusTraversable(false);
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            if (a == Action.STOP || a == Action.RESET) {
                buttons.getChildren().add(new Separator(javafx.geometry.Orientation.VERTICAL));
            }
            buttons.getChildren().add(b);
        }
        Label status = new Label();
        status.setId("run-status");
        status.getStyleClass().add("run-status-line");
        status.textProperty().bind(model.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);

        Label warning = new Label();
        warning.setId("run-warning");
        warning.getStyleClass().add("run-warning");
        warning.setGraphic(new FontIcon(Material2MZ.WARNING));
        warning.setWrapText(true);
        warning.textProperty().bind(Bindings.createStringBinding(() -> warningText(), model.problemProperty(),
                model.preparedProperty()));
        warning.visibleProperty().bind(warning.textProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());

        steps.setId("run-steps");
        steps.getStyleClass().add("run-steps");
        steps.setItems(model.rows());
        steps.setCellFactory(v -> new StepCell(model, actions));
        steps.setPlaceholder(new Label("No steps yet: open a bundle or a folder."));
        steps.getSelectionModel().selectedIndexProperty().addListener((o, a, now) -> {
            if (!syncing && now.intValue() >= 0) {
                model.select(now.intValue());
            }
        });
        model.selectedIndexProperty().addListener((o, a, now) -> syncSelection());
        model.rows().addListener((javafx.collections.ListChangeListener<StepRow>) c -> syncSelection());
        steps.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.SPACE && steps.getSelectionModel().getSelectedIndex() >= 0) {
                model.toggleBreakpoint(steps.getSelectionModel().getSelectedIndex());
                e.consume();
            }
        });
        steps.setMinWidth(260);

        for (TitledPart p : parts) {
            Tab t = new Tab(p.title(), p.part().node());
            t.setId("run-tab-" + p.title().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
            details.getTabs().add(t);
            model.attach(p.part());
        }
        ListView<String> notes = new ListView<>(model.notes());
        notes.setId("run-notes");
        notes.getStyleClass().add("run-notes");
        notes.setPlaceholder(new Label("Nothing to note yet."));
        notes.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            private final javafx.scene.text.Text text = new javafx.scene.text.Text();

            {
                text.wrappingWidthProperty().bind(notes.widthProperty().subtract(36));
                text.getStyleClass().add("run-note-text");
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                text.setText(empty ? null : item);
                setGraphic(empty ? null : text);
            }
        });
        Tab notesTab = new Tab("Notes", notes);
        notesTab.setId("run-tab-notes");
        Tab settingsTab = new Tab("Run settings", new RunSettingsView(model, chooseSandbox).node());
        settingsTab.setId("run-tab-settings");
        details.getTabs().addAll(notesTab, settingsTab);
        details.setId("run-details-tabs");
        details.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        SplitPane split = new SplitPane(steps, details);
        split.setDividerPositions(0.34);
        split.setId("run-split");
        SplitPane.setResizableWithParent(steps, false);
        VBox.setVgrow(split, Priority.ALWAYS);
        root = new VBox(6, buttons, status, previousLine(actions), warning, split);
        root.setPadding(new Insets(6));
        root.setId("run-view");
        root.getStyleClass().add("run-view");
        var css = RunView.class.getResource("/dev/hooklab/ui/run/run.css");
        if (css != null) {
            root.getStylesheets().add(css.toExternalForm());
        }
    }

    public Node node() {
        return root;
    }

    /** The details tabs, for a caller that wants to show one part. */
    public TabPane details() {
        return details;
    }

    public RunModel model() {
        return model;
    }

    private Node previousLine(Actions actions) {
        Label text = new Label();
        text.setId("run-previous-text");
        text.setWrapText(true);
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // two lines in a narrow window, never "..."
        text.textProperty().bind(Bindings.createStringBinding(
                () -> previousRevisionText(model.revision().getPreviousRevision()),
                model.revision().previousRevisionProperty()));
        Button open = new Button("Open previous…");
        open.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        open.setId("run-previous-open");
        open.setOnAction(e -> actions.fire(Action.OPEN_PREVIOUS));
        Button clear = new Button(null, new FontIcon(Material2AL.CLOSE));
        clear.setId("run-previous-clear");
        clear.getStyleClass().addAll("button-icon", "flat");
        clear.setTooltip(new Tooltip("No previous revision: a first deployment"));
        clear.setOnAction(e -> model.revision().previousRevisionProperty().set(null));
        clear.visibleProperty().bind(model.revision().previousRevisionProperty().isNotNull());
        clear.managedProperty().bind(clear.visibleProperty());
        HBox line = new HBox(8, new FontIcon(Material2AL.HISTORY), text, open, clear);
        HBox.setHgrow(text, Priority.ALWAYS);
        line.setAlignment(Pos.CENTER_LEFT);
        line.setId("run-previous");
        line.getStyleClass().add("run-previous");
        return line;
    }

    /** The previous revision slot's words: which older bundle is deployed first, or what happens without one. */
    static String previousRevisionText(Path p) {
        return p == null ? "No previous revision: ApplicationStop, BeforeBlockTraffic and AfterBlockTraffic do "
                + "nothing, as on the first deployment to an instance (the agent runs those events from the last "
                + "successful revision, and there is none). Drop or open an older bundle to run its scripts."
                : "Previous revision " + p + ": deployed first, so ApplicationStop, BeforeBlockTraffic and "
                + "AfterBlockTraffic run its scripts, as on an instance that had it.";
    }

    private String warningText() {
        if (model.problemProperty().get() != null) {
            return "Cannot run: " + model.problemProperty().get();
        }
        var p = model.preparedProperty().get();
        if (p != null && p.isolation().name().equals("none")) {
            return "No isolation: " + RunSettingsView.NO_ISOLATION_WARNING;
        }
        return "";
    }

    private void syncSelection() {
        int i = model.selectedIndexProperty().get();
        if (steps.getSelectionModel().getSelectedIndex() == i) {
            return;
        }
        syncing = true;
        try {
            if (i < 0) {
                steps.getSelectionModel().clearSelection();
            } else {
                steps.getSelectionModel().select(i);
                steps.scrollTo(Math.max(0, i - 3));
            }
        } finally {
            syncing = false;
        }
    }
}
