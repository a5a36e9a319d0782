package dev.hooklab.ui.run.sandbox;

import atlantafx.base.theme.Styles;
import dev.hooklab.run.HostAccounts;
import dev.hooklab.run.isolation.Isolation;
import dev.hooklab.run.session.SessionBuilder;
import dev.hooklab.run.session.StepSession;
import dev.hooklab.run.session.StepState;
import dev.hooklab.run.session.StepStatus;
import dev.hooklab.run.shell.SandboxShell;
import dev.hooklab.run.shell.ShellCommand;
import dev.hooklab.run.shell.ShellOpener;
import dev.hooklab.ui.ViewsStyle;
import dev.hooklab.ui.run.RunPart;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The sandbox of the run: its folder (selectable, "Open sandbox folder"), the isolation in words ({@code #isolation}),
 * "Open a shell here" ({@code #open-shell-button}) for the selected step, with the command to paste when no terminal
 * emulator opens it, and, refreshed after each step and every {@link #WHILE_RUNNING} while a step runs and the panel
 * is on screen, the files of the instance side ({@code #sandbox-files}: the agent's folder and what Install placed)
 * and the agent's {@code scripts.log} ({@code #scripts-log}).
 */
public final class SandboxPanel implements RunPart {
    private static final javafx.css.PseudoClass UNSAFE = javafx.css.PseudoClass.getPseudoClass("unsafe");
    /** How often the files and scripts.log are read again while a step runs. */
    static final Duration WHILE_RUNNING = Duration.seconds(2);
    private final Executor reader;
    private final HostAccounts accounts;
    private final Function<ShellCommand, ShellOpener.Opened> shellOpener;
    private final Consumer<Path> folderOpener;
    private final VBox node = new VBox();
    private final TextField folder = new TextField();
    private final Label isolationText = new Label();
    private final Button openShell = new Button("Open a shell here", new FontIcon(Material2AL.CODE));
    private final Button openFolder = new Button("Open sandbox folder", new FontIcon(Material2AL.FOLDER_OPEN));
    private final VBox pasteBox = new VBox(4);
    private final Label pasteReason = new Label();
    private final TextField pasteLine = new TextField();
    private final Label shellStatus = new Label();
    private final SandboxFilesTree files = new SandboxFilesTree();
    private final TextArea scriptsLog = new TextArea();
    private final Label logCaption = new Label("scripts.log");
    private SessionBuilder.Prepared prepared;
    private StepState selected;
    private boolean refreshQueued;
    /** Whether a read of the sandbox is under way (a slow one is not queued again behind itself). */
    private boolean reading;
    /** What is shown now, so an unchanged read changes nothing on screen. */
    private SandboxSnapshot lastShown;
    /** Reads the sandbox again while a step runs. */
    private final Timeline running = new Timeline(new KeyFrame(WHILE_RUNNING, e -> {
        if (!reading && onScreen()) {
            refresh();
        }
    }));
    private int generation;

    /**
     * @param reader       where the sandbox is read after each step (off the FX thread)
     * @param accounts     this machine's accounts, for the user a shell runs as (a hook's runas)
     * @param shellOpener  opens a shell command in a terminal, or says what to paste ({@link ShellOpener#open})
     * @param folderOpener shows a folder in the desktop's file manager
     */
    public SandboxPanel(Executor reader, HostAccounts accounts, Function<ShellCommand, ShellOpener.Opened> shellOpener,
                        Consumer<Path> folderOpener) {
        this.reader = reader;
        this.accounts = accounts;
        this.shellOpener = shellOpener;
        this.folderOpener = folderOpener;
        running.setCycleCount(Animation.INDEFINITE);
        node.setId("sandbox-panel");
        node.getStyleClass().add("sandbox-panel");
        ViewsStyle.apply(node);
        node.getStylesheets().add(SandboxPanel.class.getResource("/dev/hooklab/ui/run/run-parts.css").toExternalForm());

        Label title = new Label("Sandbox");
        title.getStyleClass().add("view-title");
        HBox header = new HBox(title);
        header.getStyleClass().add("view-header");

        folder.setId("sandbox-folder");
        folder.setEditable(false);
        folder.getStyleClass().add("monospace");
        HBox.setHgrow(folder, Priority.ALWAYS);
        openFolder.setId("open-sandbox-button");
        openFolder.setOnAction(e -> {
            if (prepared != null) {
                folderOpener.accept(prepared.session().sandbox().root());
            }
        });
        HBox folderRow = new HBox(6, folder, openFolder);
        folderRow.setAlignment(Pos.CENTER_LEFT);

        isolationText.setId("isolation");
        isolationText.setWrapText(true);
        isolationText.getStyleClass().add("sandbox-isolation");

        openShell.setId("open-shell-button");
        openShell.getStyleClass().add(Styles.ACCENT);
        openShell.setOnAction(e -> openShell());
        shellStatus.getStyleClass().add("sandbox-shell-status");
        shellStatus.setWrapText(true);
        HBox shellRow = new HBox(8, openShell, shellStatus);
        shellRow.setAlignment(Pos.CENTER_LEFT);

        pasteLine.setId("shell-command");
        pasteLine.setEditable(false);
        pasteLine.getStyleClass().add("monospace");
        HBox.setHgrow(pasteLine, Priority.ALWAYS);
        Button copy = new Button(null, new FontIcon(Material2AL.CONTENT_COPY));
        copy.setId("copy-shell-command");
        copy.setTooltip(new Tooltip("Copy the command"));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(pasteLine.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        pasteReason.setWrapText(true);
        pasteReason.getStyleClass().add("sandbox-paste-reason");
        pasteBox.getChildren().addAll(pasteReason, new HBox(6, pasteLine, copy));
        pasteBox.getStyleClass().add("sandbox-paste");
        showPaste(false);

        VBox top = new VBox(8, folderRow, isolationText, shellRow, pasteBox);
        top.getStyleClass().add("sandbox-top");

        scriptsLog.setId("scripts-log");
        scriptsLog.setEditable(false);
        scriptsLog.getStyleClass().add("monospace");
        logCaption.getStyleClass().add("sandbox-caption");
        VBox logBox = new VBox(2, logCaption, scriptsLog);
        VBox.setVgrow(scriptsLog, Priority.ALWAYS);
        Label filesCaption = new Label("Instance files");
        filesCaption.getStyleClass().add("sandbox-caption");
        VBox filesBox = new VBox(2, filesCaption, files.node());
        VBox.setVgrow(files.node(), Priority.ALWAYS);
        SplitPane split = new SplitPane(filesBox, logBox);
        split.setDividerPositions(0.45);
        VBox.setVgrow(split, Priority.ALWAYS);
        node.getChildren().addAll(header, top, split);
        sessionChanged(null);
    }

    @Override
    public Node node() {
        return node;
    }

    /** The tree of the instance side's files. */
    public TreeView<SandboxSnapshot.FileNode> filesTree() {
        return files.tree();
    }

    @Override
    public void sessionChanged(SessionBuilder.Prepared next) {
        prepared = next;
        selected = null;
        generation++;
        running.stop();
        lastShown = null;
        showPaste(false);
        shellStatus.setText("");
        if (next == null) {
            folder.setText("");
            isolationText.setText("No run: open a revision to get a sandbox.");
            isolationText.pseudoClassStateChanged(UNSAFE, false);
            files.show(null);
            scriptsLog.setText("");
            logCaption.setText("scripts.log");
        } else {
            StepSession session = next.session();
            folder.setText(session.sandbox().root().toString()
                    + (session.sandbox().temporary() ? "  (temporary: removed when the run closes)" : ""));
            isolationText.setText(IsolationWords.describe(next.isolation(), session.sandbox().mounts()));
            isolationText.pseudoClassStateChanged(UNSAFE, next.isolation().name().equals("none"));
            refresh();
        }
        updateButtons();
    }

    @Override
    public void stepChanged(StepState step) {
        if (step.status() != StepStatus.RUNNING) {
            running.stop();
            scheduleRefresh();
        } else {
            running.play(); // what the hook writes shows while it runs (a no-op while it plays)
        }
        if (selected != null && selected.index() == step.index()) {
            selected = step;
        }
    }

    @Override
    public void selected(StepState step, String location) {
        selected = step;
        updateButtons();
    }

    private void updateButtons() {
        openShell.setDisable(prepared == null || selected == null);
        openShell.setText(selected == null ? "Open a shell here" : "Open a shell here (" + selected.event() + ")");
        openFolder.setDisable(prepared == null);
    }

    private void openShell() {
        if (prepared == null || selected == null) {
            return;
        }
        Isolation isolation = prepared.isolation();
        ShellCommand command;
        try {
            command = SandboxShell.of(prepared.session(), isolation, accounts).forEvent(selected.event());
        } catch (IOException e) {
            shellStatus.setText("The shell cannot be prepared: " + e.getMessage());
            return;
        }
        ShellOpener.Opened opened = shellOpener.apply(command);
        if (opened instanceof ShellOpener.ToPaste paste) {
            pasteReason.setText(paste.reason() + " Paste this into a terminal for a shell as " + command.event()
                    + "'s hooks run:");
            pasteLine.setText(paste.line());
            shellStatus.setText("");
            showPaste(true);
        } else if (opened instanceof ShellOpener.Started started) {
            shellStatus.setText("Opened in " + started.terminal() + (command.isolated() ? "."
                    : ": without isolation, it runs straight on this machine."));
            showPaste(false);
        }
    }

    private void showPaste(boolean shown) {
        pasteBox.setVisible(shown);
        pasteBox.setManaged(shown);
    }

    /** One refresh for a burst of step changes (a reset changes every step at once). */
    private void scheduleRefresh() {
        if (!refreshQueued) {
            refreshQueued = true;
            Platform.runLater(() -> {
                refreshQueued = false;
                refresh();
            });
        }
    }

    private void refresh() {
        if (prepared == null) {
            return;
        }
        int asked = generation;
        StepSession session = prepared.session();
        String logPath = session.target().layout().scriptsLog();
        reading = true;
        try {
            CompletableFuture.supplyAsync(() -> SandboxSnapshot.read(session.sandbox(), logPath), reader)
                    .whenComplete((snapshot, failed) -> Platform.runLater(() -> {
                        reading = false;
                        if (snapshot != null && asked == generation) {
                            show(snapshot);
                        }
                    }));
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            reading = false; // the window is closing: nothing more to show
        }
    }

    /** Whether the panel is in a window and shown (not in a tab behind another, not hidden). */
    private boolean onScreen() {
        if (node.getScene() == null || node.getScene().getWindow() == null
                || !node.getScene().getWindow().isShowing()) {
            return false;
        }
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void show(SandboxSnapshot snapshot) {
        if (snapshot.equals(lastShown)) {
            return; // nothing changed: the tree keeps its selection and scroll, the log its caret
        }
        lastShown = snapshot;
        files.show(snapshot);
        boolean cut = snapshot.scriptsLogSize() > SandboxSnapshot.LOG_TAIL_BYTES;
        logCaption.setText("scripts.log  " + snapshot.scriptsLogPath()
                + (snapshot.scriptsLogSize() < 0 ? "  (no script has run yet)"
                : cut ? "  (its last " + SandboxSnapshot.LOG_TAIL_BYTES / 1024 + " KB of "
                + snapshot.scriptsLogSize() / 1024 + " KB)" : ""));
        scriptsLog.setText(snapshot.scriptsLog());
        scriptsLog.positionCaret(snapshot.scriptsLog().length());
        scriptsLog.setScrollTop(Double.MAX_VALUE);
    }
}
