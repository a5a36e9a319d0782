package dev.hooklab.ui.run.console;

import dev.hooklab.run.output.CapturedOutput;
import dev.hooklab.ui.ViewsStyle;
import javafx.application.Platform;
import javafx.collections.ObservableListBase;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * "Open full output": a window with a script's whole stdout and stderr, one tab each, in virtualised lists that
 * read only the lines on screen from the spill file (a gigabyte of output costs its line index, not its text).
 * The index is built on {@code background}; the lists fill in when it is done.
 */
public final class FullOutputWindow implements Consumer<FullOutput> {
    private final Executor background;
    private final Window owner;
    private final List<Stage> open = new ArrayList<>();

    /**
     * @param background where files are indexed (one of the app's workers)
     * @param owner      the main window, or null
     */
    public FullOutputWindow(Executor background, Window owner) {
        this.background = background;
        this.owner = owner;
    }

    @Override
    public void accept(FullOutput output) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Full output of " + output.title());
        TabPane tabs = new TabPane(tab("stdout", output.stdout(), stage), tab("stderr", output.stderr(), stage));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("full-output-tabs");
        BorderPane root = ViewsStyle.apply(new BorderPane(tabs));
        root.getStylesheets().add(ConsoleStyle.SHEET);
        stage.setScene(new Scene(root, 900, 600));
        stage.setOnHidden(e -> open.remove(stage));
        open.add(stage);
        stage.show();
    }

    /** The windows open now (for tests). */
    public List<Stage> windows() {
        return List.copyOf(open);
    }

    private Tab tab(String channel, CapturedOutput captured, Stage stage) {
        ListView<String> list = new ListView<>();
        list.setId("full-output-" + channel);
        list.getStyleClass().add("full-output-list");
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setPlaceholder(new Label("Reading the output..."));
        list.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(e)) {
                ClipboardContent content = new ClipboardContent();
                content.putString(String.join("\n", list.getSelectionModel().getSelectedItems()));
                Clipboard.getSystemClipboard().setContent(content);
                e.consume();
            }
        });
        TextField where = new TextField(FullOutput.file(captured) == null ? "(kept in memory: under "
                + "the engine's head limit, no spill file)" : FullOutput.file(captured).toString());
        where.setEditable(false);
        where.getStyleClass().add("monospace");
        Label about = new Label(describe(captured));
        about.setWrapText(true);
        VBox header = new VBox(4, about, where);
        header.setPadding(new Insets(6, 8, 6, 8));
        header.getStyleClass().add("view-header");
        Tab tab = new Tab(channel, new BorderPane(list, header, null, null, null));
        background.execute(() -> {
            OutputLines lines;
            try {
                lines = FullOutput.lines(captured);
            } catch (IOException e) {
                Platform.runLater(() -> list.setPlaceholder(new Label("Cannot read the output: " + e.getMessage())));
                return;
            }
            Platform.runLater(() -> {
                if (!stage.isShowing()) {
                    close(lines);
                    return;
                }
                list.setPlaceholder(new Label("No output."));
                list.setItems(new LazyLines(lines));
                tab.setText(channel + " (" + lines.count() + " lines)");
                stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> close(lines));
            });
        });
        return tab;
    }

    private static String describe(CapturedOutput captured) {
        String text = String.format("%,d bytes", captured.bytes());
        if (captured.droppedBytes() > 0) {
            text += String.format("; %,d more bytes came after this run's output cap and were dropped (only the"
                    + " agent's log tail saw them)", captured.droppedBytes());
        }
        return text;
    }

    private static void close(OutputLines lines) {
        try {
            lines.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A read-only list whose items are read from the output when a cell asks for them. */
    private static final class LazyLines extends ObservableListBase<String> {
        private final OutputLines lines;

        LazyLines(OutputLines lines) {
            this.lines = lines;
        }

        @Override
        public String get(int index) {
            return lines.line(index);
        }

        @Override
        public int size() {
            return lines.count();
        }
    }
}
