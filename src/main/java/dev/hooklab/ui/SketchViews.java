package dev.hooklab.ui;

import dev.hooklab.finding.Diagnostic;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.ui.model.RevisionModel;
import dev.hooklab.ui.model.Selection;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Function;

/**
 * Placeholders for the five views of an open revision (tree, plan, AppSpec, findings, settings), made from the
 * first sketch of the window and bound to the {@link RevisionModel}, until the real views of {@code ui.tree},
 * {@code ui.plan}, {@code ui.appspec}, {@code ui.findings} and {@code ui.settings} replace them.
 */
public final class SketchViews {
    private final BundleTree tree = new BundleTree();
    private final TableView<PlanRow> plan = new TableView<>();
    private final Label archiveDir = new Label();
    private final TextArea appspec = new TextArea();
    private final ListView<Diagnostic> findings = new ListView<>();
    private final Label settings = new Label("The deployment settings view comes here.");

    public SketchViews(RevisionModel model) {
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
        plan.setPlaceholder(new Label("Open a revision to see its lifecycle"));
        plan.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> select(model, i.intValue()));
        archiveDir.getStyleClass().add("monospace");
        archiveDir.setPadding(new Insets(4, 8, 4, 8));
        appspec.setEditable(false);
        appspec.getStyleClass().add("monospace");
        findings.setCellFactory(lv -> new DiagnosticCell());
        findings.setPlaceholder(new Label("No findings"));
        settings.setPadding(new Insets(12));
        settings.setWrapText(true);
        model.inspectionProperty().addListener((o, a, in) -> show(in));
        show(model.getInspection());
    }

    private void show(Inspection in) {
        if (in == null) {
            tree.setRoot(null);
            plan.getItems().clear();
            findings.getItems().clear();
            appspec.clear();
            archiveDir.setText("");
            return;
        }
        tree.show(in);
        plan.getItems().setAll(PlanRow.of(in.plan().events()));
        findings.getItems().setAll(in.diagnostics());
        appspec.setText(in.appspec().text());
        archiveDir.setText("deployment-archive: " + in.plan().layout().archiveDir());
    }

    private void select(RevisionModel model, int index) {
        List<PlanRow> rows = plan.getItems();
        if (index < 0 || index >= rows.size() || rows.get(index).path().isEmpty()) {
            return;
        }
        PlanRow row = rows.get(index);
        int scriptIndex = 0;
        for (int i = 0; i < index; i++) {
            if (rows.get(i).event().equals(row.event()) && !rows.get(i).path().isEmpty()) {
                scriptIndex++;
            }
        }
        model.select(new Selection(null, row.line(), 0, row.event(), scriptIndex, "sketch-plan"));
    }

    private static TableColumn<PlanRow, String> column(String title, Function<PlanRow, String> value, double width) {
        TableColumn<PlanRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    public Node tree() {
        return tree;
    }

    public Node plan() {
        VBox box = new VBox(archiveDir, plan);
        VBox.setVgrow(plan, Priority.ALWAYS);
        return box;
    }

    public Node appspec() {
        return appspec;
    }

    public Node findings() {
        return findings;
    }

    public Node settings() {
        return settings;
    }
}
