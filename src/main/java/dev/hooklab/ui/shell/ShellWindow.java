package dev.hooklab.ui.shell;

import dev.hooklab.explain.Explainer;
import dev.hooklab.finding.Severity;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.inspect.Inspector;
import dev.hooklab.plan.DeploymentIds;
import dev.hooklab.plan.PlannedEvent;
import dev.hooklab.report.ReportWriter;
import dev.hooklab.ui.actions.Action;
import dev.hooklab.ui.actions.Actions;
import dev.hooklab.ui.model.RevisionModel;
import dev.hooklab.ui.model.Selection;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.image.Image;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The main window around the views: menu bar and toolbar from the {@link Actions} table, the {@code #banner},
 * the welcome view or the {@link Workspace} of the open revision, and the {@code #status-bar}. It opens what is
 * dropped anywhere on it or chosen in a dialog, reloads on demand and when the file changed while the window was
 * in the background, and remembers its place, splits, theme, settings and recent revisions in a {@link ShellState}.
 */
public final class ShellWindow {
    /** What the shell needs from the rest of the application. */
    public record Context(Inspector inspector, DeploymentIds ids, Executor executor, RevisionModel model,
                          ShellState state, Themes themes, CrashLog crashLog, Actions actions, List<Sample> samples,
                          String version, Explainer explainer, ReportWriter reports, ExportChooser exportChooser) {
    }

    private final Context cx;
    private final RevisionModel model;
    private final Actions actions;
    private final RevisionOpener opener;
    private final Banner banner = new Banner();
    private final ExplanationPane explanation = new ExplanationPane();
    private final ErrorPaste errorPaste;
    private final ReportExport export;
    private final StatusBar statusBar = new StatusBar();
    private final Label counts = new Label();
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final BooleanProperty welcomeRequested = new SimpleBooleanProperty(this, "welcomeRequested");
    private final Workspace workspace;
    private WelcomeView welcome;
    private ShellDialogs dialogs;
    private Stage stage;

    public ShellWindow(Context context, Workspace workspace) {
        this.cx = context;
        this.model = context.model();
        this.actions = context.actions();
        this.workspace = workspace;
        this.opener = new RevisionOpener(cx.inspector(), cx.ids(), cx.executor(), model, cx.crashLog(), banner::show);
        this.errorPaste = new ErrorPaste(cx.explainer(), model, explanation, banner::show);
        this.export = new ReportExport(cx.reports());
        recent.setAll(cx.state().recent());
        model.optionsProperty().set(cx.state().options());
        model.layoutProperty().set(cx.state().layout());
        opener.setOnOpened(p -> {
            cx.state().addRecent(p);
            recent.setAll(cx.state().recent());
            welcomeRequested.set(false);
            saveQuietly();
        });
        model.inspectionProperty().addListener((o, a, now) -> {
            banner.clear();
            showCounts(now);
        });
    }

    /** Builds the scene on this stage and shows it. */
    public void show(Stage stage) {
        this.stage = stage;
        this.dialogs = new ShellDialogs(stage);
        stage.setTitle("hooklab");
        for (int size : new int[]{16, 32, 48, 64, 128, 256}) {
            var icon = ShellWindow.class.getResource("/dev/hooklab/icons/hooklab-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new Image(icon.toExternalForm()));
            }
        }
        BooleanBinding open = model.inspectionProperty().isNotNull();
        welcome = new WelcomeView(new WelcomeView.Commands(this::chooseFile, this::chooseFolder, this::open,
                this::openSample, () -> welcomeRequested.set(false)), recent, cx.samples(), open);
        VBox revisionPane = new VBox();
        RevisionBar bar = new RevisionBar(opener.inputProperty(), model, opener::useOwnAppSpec, this::choosePrevious);
        revisionPane.getChildren().addAll(bar.node(), workspace.node());
        javafx.scene.layout.VBox.setVgrow(workspace.node(), javafx.scene.layout.Priority.ALWAYS);
        BooleanBinding showWelcome = open.not().or(welcomeRequested);
        welcome.node().visibleProperty().bind(showWelcome);
        revisionPane.visibleProperty().bind(showWelcome.not());
        // the focus must not stay on a view that was just hidden: the plan when a revision shows, else Open
        showWelcome.addListener((o, was, now) -> javafx.application.Platform.runLater(() -> java.util.Optional
                .ofNullable((now ? welcome.node() : workspace.node()).lookup(now ? "#welcome-open" : "#plan-table"))
                .ifPresent(javafx.scene.Node::requestFocus)));

        bindActions(open);
        BorderPane root = new BorderPane(new StackPane(revisionPane, welcome.node()));
        root.setTop(new VBox(actions.menuBar(), actions.toolBar(), banner.node(), explanation.node()));
        root.setBottom(statusBar());
        root.setId("shell");

        ShellState s = cx.state();
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(ShellWindow.class.getResource("/dev/hooklab/ui/hooklab.css").toExternalForm());
        Drops.install(scene, bar.previousSlot(), welcome, open, this::decided);
        stage.setScene(scene);
        s.bounds().filter(b -> !Screen.getScreensForRectangle(b.x(), b.y(), b.width(), b.height()).isEmpty())
                .ifPresent(b -> { // only where a screen still is
            stage.setX(b.x());
            stage.setY(b.y());
            stage.setWidth(b.width());
            stage.setHeight(b.height());
        });
        stage.setMaximized(s.maximized());
        workspace.splits().forEach((name, split) -> {
            double[] d = s.dividers(name);
            if (d.length == split.getDividers().size()) {
                split.setDividerPositions(d);
            }
        });
        stage.focusedProperty().addListener((o, was, focused) -> {
            if (focused) {
                opener.reloadIfChanged();
            }
        });
        stage.setOnHiding(e -> saveQuietly());
        stage.show();
    }

    private void bindActions(BooleanBinding open) {
        actions.bind(Action.OPEN, this::chooseFile);
        actions.bind(Action.OPEN_FOLDER, this::chooseFolder);
        actions.bind(Action.OPEN_PREVIOUS, this::choosePrevious);
        actions.bind(Action.RELOAD, opener::reload);
        actions.disabledProperty(Action.RELOAD).bind(open.not());
        actions.bind(Action.EXPORT, this::exportReport);
        actions.disabledProperty(Action.EXPORT).bind(open.not());
        actions.bind(Action.PASTE_ERROR, this::pasteError);
        actions.bind(Action.QUIT, () -> stage.close());
        actions.bind(Action.COPY_PATH, this::copySelectedPath);
        actions.disabledProperty(Action.COPY_PATH).bind(Bindings.createBooleanBinding(
                () -> selectedScriptPath().isEmpty(), model.selectionProperty(), model.inspectionProperty()));
        actions.bind(Action.PREFERENCES, () -> dialogs.preferences(cx.themes().themeProperty().get(),
                this::applyTheme, () -> {
                    cx.state().setRecent(List.of());
                    recent.clear();
                    saveQuietly();
                }));
        actions.bind(Action.DARK_THEME, () -> applyTheme(actions.selectedProperty(Action.DARK_THEME).get()
                ? Theme.DARK : Theme.LIGHT));
        actions.selectedProperty(Action.DARK_THEME).set(cx.themes().isDark());
        actions.bind(Action.WELCOME, () -> welcomeRequested.set(true));
        actions.bind(Action.ABOUT, () -> dialogs.about(cx.version()));
        fillRecentMenu();
        recent.addListener((javafx.collections.ListChangeListener<Path>) c -> fillRecentMenu());
        for (Sample sample : cx.samples()) {
            MenuItem item = new MenuItem(sample.title());
            item.setId("menu-sample-" + sample.id());
            item.setOnAction(e -> openSample(sample));
            actions.submenu(Action.SAMPLES).getItems().add(item);
        }
    }

    private void fillRecentMenu() {
        var items = actions.submenu(Action.RECENT).getItems();
        items.clear();
        for (Path p : recent) {
            MenuItem item = new MenuItem(p.toString());
            item.setMnemonicParsing(false);
            item.setDisable(!Files.exists(p));
            item.setOnAction(e -> open(p));
            items.add(item);
        }
        MenuItem clear = new MenuItem("Clear recent revisions");
        clear.setDisable(recent.isEmpty());
        clear.setOnAction(e -> {
            cx.state().setRecent(List.of());
            recent.clear();
            saveQuietly();
        });
        if (!recent.isEmpty()) {
            items.add(new SeparatorMenuItem());
        }
        items.add(clear);
    }

    private StatusBar statusBar() {
        statusBar.setId("status-bar");
        statusBar.setFocusTraversable(false); // not a stop for Tab (its Cancel button is)
        counts.setId("status-counts");
        counts.getStyleClass().add("status-counts");
        Button cancel = new Button("Cancel");
        cancel.setId("status-cancel");
        cancel.setOnAction(e -> opener.cancel());
        cancel.visibleProperty().bind(opener.runningProperty().isNotNull());
        cancel.managedProperty().bind(cancel.visibleProperty());
        statusBar.getRightItems().addAll(cancel, counts);
        statusBar.setText("Drop a revision on the window, or open one from the File menu.");
        opener.runningProperty().addListener((o, before, task) -> {
            statusBar.textProperty().unbind();
            statusBar.progressProperty().unbind();
            if (task != null) {
                statusBar.textProperty().bind(task.messageProperty());
                statusBar.progressProperty().bind(task.progressProperty());
            } else {
                statusBar.setProgress(0);
                showCounts(model.getInspection());
            }
        });
        return statusBar;
    }

    private void showCounts(Inspection in) {
        if (opener.runningProperty().get() != null) {
            return;
        }
        if (in == null) {
            counts.setText("");
            statusBar.setText("Drop a revision on the window, or open one from the File menu.");
            return;
        }
        long errors = in.count(Severity.ERROR);
        long warnings = in.count(Severity.WARNING);
        counts.setText(errors + " error" + (errors == 1 ? "" : "s") + " · " + warnings + " warning"
                + (warnings == 1 ? "" : "s") + " · " + in.count(Severity.INFO) + " info");
        statusBar.setText(errors > 0 ? "The agent would fail this deployment."
                : "The agent would accept this revision.");
    }

    private void decided(DropDecision d) {
        if (d instanceof DropDecision.Open o) {
            open(o.path());
        } else if (d instanceof DropDecision.ReplaceAppSpec r) {
            opener.replaceAppSpec(r.file());
        } else if (d instanceof DropDecision.Previous p) {
            model.previousRevisionProperty().set(p.path());
            banner.clear();
        } else if (d instanceof DropDecision.Refused r) {
            banner.show(r.reason());
        }
    }

    /** Opens a bundle, folder or lone AppSpec as the revision. */
    public void open(Path input) {
        opener.open(input);
    }

    /** Opens a built-in sample; a sample that cannot be written gives one line in the banner. */
    public void openSample(Sample sample) {
        try {
            open(sample.materialize().get());
        } catch (UncheckedIOException e) {
            banner.show("Cannot write the sample " + sample.title() + ": " + e.getCause().getMessage());
        }
    }

    private void chooseFile() {
        dialogs.chooseRevisionFile("Open a revision bundle or an appspec.yml")
                .ifPresent(p -> decided(DropDecision.of(List.of(p), DropDecision.Slot.WINDOW,
                        model.getInspection() != null)));
    }

    private void chooseFolder() {
        dialogs.chooseFolder("Open a revision folder").ifPresent(this::open);
    }

    private void choosePrevious() {
        dialogs.chooseRevisionFile("The previous revision (the last successful deployment)")
                .ifPresent(p -> decided(DropDecision.of(List.of(p), DropDecision.Slot.PREVIOUS_REVISION, true)));
    }

    private void applyTheme(Theme t) {
        cx.themes().apply(t);
        actions.selectedProperty(Action.DARK_THEME).set(cx.themes().isDark());
        saveQuietly();
    }

    private Optional<String> selectedScriptPath() {
        Selection s = model.getSelection();
        Inspection in = model.getInspection();
        if (in == null || s == null || s.event() == null || s.scriptIndex() < 0) {
            return Optional.empty();
        }
        return in.plan().event(s.event()).map(PlannedEvent::scripts)
                .filter(list -> s.scriptIndex() < list.size())
                .map(list -> list.get(s.scriptIndex()).path());
    }

    private void copySelectedPath() {
        selectedScriptPath().ifPresent(path -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(path);
            Clipboard.getSystemClipboard().setContent(content);
            if (!statusBar.textProperty().isBound()) {
                statusBar.setText("Copied " + path);
            }
        });
    }

    /** File > Export report: the open revision's report, where and in the format the chooser says. */
    private void exportReport() {
        Inspection in = model.getInspection();
        if (in == null) {
            return;
        }
        cx.exportChooser().choose(stage, ReportExport.suggestedName(in)).ifPresent(t -> {
            try {
                export.write(in, t.file(), t.format());
                if (!statusBar.textProperty().isBound()) {
                    statusBar.setText("Wrote the " + t.format().label() + " report to " + t.file());
                }
            } catch (IOException e) {
                banner.show("Cannot write the report to " + t.file() + ": " + ReportExport.reason(e));
            }
        });
    }

    /** Edit > Paste deployment error: the clipboard's text, or what the user pastes into a dialog. */
    private void pasteError() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        String text = clipboard.hasString() ? clipboard.getString() : null;
        if (text == null || text.isBlank()) {
            text = dialogs.askDeploymentError().orElse(null);
        }
        if (text != null) {
            banner.clear();
            errorPaste.paste(text);
        }
    }

    private void saveQuietly() {
        ShellState s = cx.state();
        if (stage != null && stage.getScene() != null) {
            if (!stage.isMaximized() && !stage.isIconified()) {
                s.setBounds(new ShellState.Bounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()));
            }
            s.setMaximized(stage.isMaximized());
            workspace.splits().forEach((name, split) -> s.setDividers(name, split.getDividerPositions()));
        }
        s.setTheme(cx.themes().themeProperty().get());
        if (model.getOptions() != null) {
            s.setOptions(model.getOptions());
        }
        if (model.getLayout() != null) {
            s.setLayout(model.getLayout());
        }
        try {
            s.save();
        } catch (IOException e) {
            banner.show("Cannot save the window's state in " + s.folder() + ": " + e.getMessage());
        }
    }

    /** For tests and the application: the opener at work. */
    public RevisionOpener opener() {
        return opener;
    }

    /** What the explanation pane says happened, empty when it is closed. */
    public String explanationText() {
        return explanation.happened();
    }

    /** The banner's message, empty when none. */
    public String bannerMessage() {
        return banner.message();
    }
}
