package dev.hooklab.ui;

import dev.hooklab.appspec.TargetOs;
import dev.hooklab.finding.Diagnostic;
import dev.hooklab.finding.Severity;
import dev.hooklab.finding.Setting;
import dev.hooklab.inspect.InspectOptions;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.inspect.Inspector;
import dev.hooklab.inspect.OpenedRevision;
import dev.hooklab.plan.DeploymentIds;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.plan.DeploymentType;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * The main window: the revision's tree on the left, the lifecycle with every script's on-instance path
 * in the middle, the diagnostics below. Dropping a file anywhere opens it.
 */
public final class HooklabWindow {
    private final Inspector inspector;
    private final DeploymentIds ids;
    private final String version;
    private final ExecutorService work;

    private final BundleTree tree = new BundleTree();
    private final TableView<PlanRow> plan = new TableView<>();
    private final ListView<Diagnostic> diagnostics = new ListView<>();
    private final Label inputLabel = new Label("Drop a bundle, a folder or an appspec.yml here");
    private final Label status = new Label();
    private final Label layoutLabel = new Label();
    private final ComboBox<DeploymentType> type = new ComboBox<>(FXCollections.observableArrayList(DeploymentType.values()));
    private Stage stage;
    /** The open revision as read, and its deployment: one id per opened revision, kept when the type changes. */
    private OpenedRevision current;
    private DeploymentLayout layout;

    /** @param work where inspections run, off the JavaFX thread (one at a time, in order) */
    public HooklabWindow(Inspector inspector, DeploymentIds ids, String version, ExecutorService work) {
        this.inspector = inspector;
        this.ids = ids;
        this.version = version;
        this.work = work;
    }

    public void show(Stage stage, Path initial) {
        this.stage = stage;
        stage.setTitle("hooklab " + version);
        for (int size : new int[]{16, 32, 48, 64, 128, 256}) {
            var icon = HooklabWindow.class.getResource("/dev/hooklab/icons/hooklab-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new javafx.scene.image.Image(icon.toExternalForm()));
            }
        }
        BorderPane root = new BorderPane();
        root.setTop(toolbar());
        SplitPane middle = new SplitPane(tree, planPane());
        middle.setDividerPositions(0.28);
        SplitPane main = new SplitPane(middle, diagnostics);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.6);
        root.setCenter(main);
        status.setPadding(new Insets(4, 8, 4, 8));
        root.setBottom(status);
        diagnostics.setCellFactory(lv -> new DiagnosticCell());
        diagnostics.setPlaceholder(new Label("No diagnostics"));
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(HooklabWindow.class.getResource("/dev/hooklab/ui/hooklab.css").toExternalForm());
        acceptDrops(scene);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::chooseFile);
        stage.setScene(scene);
        stage.show();
        if (initial != null) {
            open(initial);
        }
    }

    private ToolBar toolbar() {
        Button openFile = new Button("Open bundle…");
        openFile.setOnAction(e -> chooseFile());
        Button openFolder = new Button("Open folder…");
        openFolder.setOnAction(e -> {
            File dir = new DirectoryChooser().showDialog(stage);
            if (dir != null) {
                open(dir.toPath());
            }
        });
        type.getSelectionModel().select(DeploymentType.IN_PLACE);
        type.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(DeploymentType t) {
                return t == null ? "" : t.label();
            }

            @Override
            public DeploymentType fromString(String s) {
                return DeploymentType.fromLabel(s).orElse(DeploymentType.IN_PLACE);
            }
        });
        type.setOnAction(e -> {
            if (current != null) {
                judge(current, layout);
            }
        });
        Region grow = new Region();
        javafx.scene.layout.HBox.setHgrow(grow, Priority.ALWAYS);
        inputLabel.getStyleClass().add("input-label");
        return new ToolBar(openFile, openFolder, inputLabel, grow, new Label("Deployment type"), type);
    }

    private VBox planPane() {
        plan.getColumns().add(column("Event", PlanRow::event, 150));
        plan.getColumns().add(column("Scripts from", PlanRow::revision, 100));
        plan.getColumns().add(column("location", PlanRow::location, 220));
        TableColumn<PlanRow, String> path = column("Path on the instance", PlanRow::path, 520);
        path.getStyleClass().add("monospace");
        plan.getColumns().add(path);
        plan.getColumns().add(column("In the revision", PlanRow::status, 220));
        plan.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(PlanRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("found", "missing", "outside", "not-run", "event");
                if (!empty && row != null) {
                    getStyleClass().add(row.styleClass());
                }
            }
        });
        MenuItem copy = new MenuItem("Copy path");
        copy.setOnAction(e -> copySelectedPath());
        plan.setContextMenu(new ContextMenu(copy));
        plan.setOnKeyPressed(e -> {
            if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(e)) {
                copySelectedPath();
            }
        });
        plan.setPlaceholder(new Label("Open a revision to see its lifecycle"));
        layoutLabel.getStyleClass().add("monospace");
        layoutLabel.setPadding(new Insets(4, 8, 4, 8));
        VBox box = new VBox(layoutLabel, plan);
        VBox.setVgrow(plan, Priority.ALWAYS);
        return box;
    }

    private static TableColumn<PlanRow, String> column(String title, Function<PlanRow, String> value, double width) {
        TableColumn<PlanRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private void copySelectedPath() {
        PlanRow row = plan.getSelectionModel().getSelectedItem();
        if (row != null && !row.path().isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(row.path());
            Clipboard.getSystemClipboard().setContent(content);
            status.setText("Copied " + row.path());
        }
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a revision bundle or appspec.yml");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Revisions", "*.zip", "*.tar", "*.tgz", "*.tar.gz", "*.yml", "*.yaml"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(stage);
        if (f != null) {
            open(f.toPath());
        }
    }

    private void acceptDrops(Scene scene) {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            DroppedFiles.Choice choice = DroppedFiles.pick(e.getDragboard().getFiles());
            if (choice.file() != null) {
                open(choice.file().toPath());
            } else {
                status.setText(choice.problem());
            }
            e.setDropCompleted(choice.file() != null);
            e.consume();
        });
    }

    /** Reads in the background under a new deployment id and shows the result; errors appear in the status line. */
    public void open(Path input) {
        inputLabel.setText(input.toString());
        status.setText("Reading " + input.getFileName() + "…");
        DeploymentLayout drawn = DeploymentLayout.defaults(TargetOs.LINUX, ids);
        InspectOptions options = InspectOptions.defaults().withType(type.getValue());
        Task<Inspection> task = new Task<>() {
            @Override
            protected Inspection call() throws Exception {
                return inspector.judge(inspector.read(input), drawn, options);
            }
        };
        task.setOnSucceeded(e -> {
            current = task.getValue().opened();
            layout = drawn;
            show(task.getValue());
        });
        task.setOnFailed(e -> status.setText(task.getException().getMessage()));
        work.submit(task);
    }

    /** Judges the open revision again for the chosen type, in the same deployment, without reading it again. */
    private void judge(OpenedRevision opened, DeploymentLayout in) {
        InspectOptions options = InspectOptions.defaults().withType(type.getValue());
        Task<Inspection> task = new Task<>() {
            @Override
            protected Inspection call() throws Exception {
                return inspector.judge(opened, in, options);
            }
        };
        task.setOnSucceeded(e -> show(task.getValue()));
        task.setOnFailed(e -> status.setText(Setting.fill(task.getException().getMessage(), Setting::label)));
        work.submit(task);
    }

    private void show(Inspection in) {
        tree.show(in);
        plan.getItems().setAll(PlanRow.of(in.plan().events()));
        diagnostics.getItems().setAll(in.diagnostics());
        layoutLabel.setText("deployment-archive: " + in.plan().layout().archiveDir());
        long errors = in.count(Severity.ERROR);
        status.setText(errors > 0 ? errors + " error(s): the agent would fail this deployment"
                : "The agent would accept this revision (" + in.count(Severity.WARNING) + " warning(s))");
    }

    /** For tests: the plan rows and diagnostics on screen. */
    TableView<PlanRow> planTable() {
        return plan;
    }

    ListView<Diagnostic> diagnosticsList() {
        return diagnostics;
    }

    /** For tests: the open revision's deployment. */
    DeploymentLayout layout() {
        return layout;
    }
}
