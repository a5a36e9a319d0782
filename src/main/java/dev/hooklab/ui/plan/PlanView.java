package dev.hooklab.ui.plan;

import dev.hooklab.ui.ViewsStyle;
import dev.hooklab.ui.model.RevisionModel;
import dev.hooklab.ui.model.Selection;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The lifecycle ({@code #plan-table}): one row per event and script in the deployment type's order. The
 * deployment-archive folder is shown once above the table and the path cells show what follows it; the details
 * pane under the table shows the selected row's whole path (selectable, with a copy button) and what the agent
 * says about it.
 */
public final class PlanView {
    static final String ORIGIN = "plan";

    private final RevisionModel revision;
    private final PlanModel model = new PlanModel();
    private final Consumer<String> copier;
    private final TableView<PlanEntry> table = new TableView<>(model.rows());
    private final TextArea fullPath = new TextArea();
    private final VBox node;
    private boolean syncing;

    /** A plan that copies paths to the system clipboard. */
    public PlanView(RevisionModel revision) {
        this(revision, PlanView::toClipboard);
    }

    /** @param copier where Copy path puts the path */
    public PlanView(RevisionModel revision, Consumer<String> copier) {
        this.revision = revision;
        this.copier = copier;
        table.setId("plan-table");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<PlanEntry, String> event = column("Event", PlanEntry::event, 122, null);
        TableColumn<PlanEntry, String> from = column("Runs from", PlanEntry::runsFrom, 104, null);
        from.setCellFactory(c -> new TipCell(PlanEntry::runsWhy));
        TableColumn<PlanEntry, String> location = column("Location", PlanEntry::location, 265, "monospace");
        TableColumn<PlanEntry, String> path = column("Path in deployment-archive", PlanEntry::shownPath, 265,
                "monospace");
        path.setId("plan-path-column");
        path.setCellFactory(c -> new TipCell(PlanEntry::path));
        TableColumn<PlanEntry, String> found = column("Found", PlanEntry::found, 62, null);
        found.setCellFactory(c -> new TipCell(r -> r.bundleEntry() != null ? "bundle entry: " + r.bundleEntry()
                : r.isScript() ? "The revision has no file at this path" : r.runsWhy()));
        TableColumn<PlanEntry, String> timeout = column("Timeout", r -> r.timeout().isEmpty() ? "" : r.timeout() + " s",
                84, "number");
        for (TableColumn<PlanEntry, String> c : java.util.List.of(found, timeout)) {
            c.setMinWidth(c.getPrefWidth()); // a narrow window cuts the paths, not these short headers
        }
        TableColumn<PlanEntry, String> runas = column("Run as", r -> (r.runas() + " " + r.sudo()).strip(), 64, null);
        // most AppSpecs name no runas: the column shows only when a script has one
        runas.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> model.rows().stream()
                .anyMatch(r -> !r.runas().isEmpty() || !r.sudo().isEmpty()), model.rows()));
        headerTip(from, "Where the agent takes the event's scripts from: this revision, or the previous one: the last "
                + "successful revision of the deployment group on the instance (ApplicationStop, BeforeBlockTraffic "
                + "and AfterBlockTraffic run its scripts, not this revision's); agent: a step of the agent's own.");
        headerTip(location, "The location as written in the AppSpec.");
        headerTip(path, "Where the agent looks for the script, inside deployment-archive: the folder where it unpacks "
                + "the revision, <root>/<deployment group id>/<deployment id>/deployment-archive (above the table). "
                + "The whole path is under the table.");
        table.getColumns().addAll(java.util.List.of(event, from, location, found, timeout, runas, path));
        table.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(PlanEntry row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("found", "missing", "outside", "not-run", "event");
                if (!empty && row != null) {
                    getStyleClass().add(row.state());
                }
            }
        });
        table.setPlaceholder(new Label("Open a revision to see its lifecycle"));
        MenuItem copy = new MenuItem("Copy path");
        copy.setOnAction(e -> copySelected());
        table.setContextMenu(new ContextMenu(copy));
        table.setOnKeyPressed(e -> {
            if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(e)) {
                copySelected();
            }
        });

        Label archive = new Label();
        archive.setId("plan-archive-dir");
        archive.getStyleClass().addAll("plan-archive", "monospace");
        archive.textProperty().bind(model.archiveDirProperty().map(d -> d.isEmpty() ? "" : d + "/"));
        Label archiveTitle = new Label(null, new FontIcon(Material2AL.FOLDER_OPEN));
        archiveTitle.getStyleClass().add("plan-archive-title");
        Tooltip archiveTip = new Tooltip("deployment-archive: the folder where the agent unpacks the revision, "
                + "<root>/<deployment group id>/<deployment id>/deployment-archive. Hook locations are relative "
                + "to it, even when they start with '/'.");
        archiveTip.setWrapText(true);
        archiveTip.setMaxWidth(480);
        archiveTitle.setTooltip(archiveTip);
        archive.setTooltip(archiveTip);
        HBox header = new HBox(6, archiveTitle, archive);
        header.setAlignment(Pos.BASELINE_LEFT);
        header.getStyleClass().add("plan-header");

        node = ViewsStyle.apply(new VBox(header, table, details()));
        node.getStyleClass().add("plan-view");
        VBox.setVgrow(table, Priority.ALWAYS);

        model.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());
        table.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> {
            if (!syncing && row != null && revision.getInspection() != null) {
                revision.select(model.selectionOf(row, ORIGIN));
            }
        });
        revision.inspectionProperty().addListener((o, old, in) -> show());
        revision.selectionProperty().addListener((o, old, s) -> follow(s));
        show();
    }

    public Node node() {
        return node;
    }

    public PlanModel model() {
        return model;
    }

    TableView<PlanEntry> table() {
        return table;
    }

    TextArea fullPathArea() {
        return fullPath;
    }

    private Node details() {
        fullPath.setId("plan-full-path");
        fullPath.getStyleClass().addAll("plan-full-path", "monospace");
        fullPath.setEditable(false);
        fullPath.setWrapText(true);
        fullPath.setPrefRowCount(2);
        fullPath.textProperty().bind(model.detailPathProperty());
        fullPath.setPromptText("Select a script to see its whole path");
        Button copy = new Button(null, new FontIcon(Material2AL.CONTENT_COPY));
        copy.setId("plan-copy-path");
        copy.setTooltip(new Tooltip("Copy the path"));
        copy.disableProperty().bind(model.detailPathProperty().isEmpty());
        copy.setOnAction(e -> copier.accept(model.detailPathProperty().get()));
        copy.getStyleClass().add("flat");
        Label note = new Label();
        note.setId("plan-detail-note");
        note.getStyleClass().add("plan-detail-note");
        note.setWrapText(true);
        note.textProperty().bind(model.detailNoteProperty());
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        BorderPane pathRow = new BorderPane(fullPath);
        pathRow.setRight(copy);
        BorderPane.setAlignment(copy, Pos.TOP_CENTER);
        VBox box = new VBox(4, pathRow, note);
        box.getStyleClass().add("plan-details");
        return box;
    }

    private void show() {
        syncing = true;
        try {
            PlanEntry before = table.getSelectionModel().getSelectedItem();
            model.show(revision.getInspection());
            if (before != null) {
                model.rows().stream().filter(r -> r.event().equals(before.event())
                        && r.scriptIndex() == before.scriptIndex()).findFirst()
                        .ifPresent(r -> table.getSelectionModel().select(r));
            }
        } finally {
            syncing = false;
        }
    }

    private void follow(Selection s) {
        if (s.madeBy(ORIGIN)) {
            return;
        }
        syncing = true;
        try {
            model.rowFor(s).ifPresentOrElse(r -> {
                table.getSelectionModel().select(r);
                table.scrollTo(r);
            }, () -> table.getSelectionModel().clearSelection());
        } finally {
            syncing = false;
        }
    }

    private void copySelected() {
        PlanEntry row = table.getSelectionModel().getSelectedItem();
        if (row != null && !row.path().isEmpty()) {
            copier.accept(row.path());
        }
    }

    private static void toClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private static TableColumn<PlanEntry, String> column(String title, Function<PlanEntry, String> value,
                                                         double width, String style) {
        TableColumn<PlanEntry, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        if (style != null) {
            c.getStyleClass().add(style);
        }
        return c;
    }

    /** Explains a column's words in a tooltip on its header (the header shows a label with the same text). */
    private static void headerTip(TableColumn<PlanEntry, String> c, String help) {
        Label title = new Label(c.getText());
        Tooltip tip = new Tooltip(help);
        tip.setWrapText(true);
        tip.setMaxWidth(480);
        title.setTooltip(tip);
        title.getStyleClass().add("column-title");
        c.setText(null);
        c.setGraphic(title);
    }

    /** A plain-text cell with a tooltip drawn from its row. */
    private static final class TipCell extends TableCell<PlanEntry, String> {
        private final Function<PlanEntry, String> tip;

        TipCell(Function<PlanEntry, String> tip) {
            this.tip = tip;
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            PlanEntry row = empty ? null : getTableRow() == null ? null : getTableRow().getItem();
            setText(empty ? null : text);
            String t = row == null ? null : tip.apply(row);
            if (t == null || t.isEmpty()) {
                setTooltip(null);
            } else {
                Tooltip tooltip = new Tooltip(t);
                tooltip.setWrapText(true);
                tooltip.setMaxWidth(640);
                setTooltip(tooltip);
            }
        }
    }
}
