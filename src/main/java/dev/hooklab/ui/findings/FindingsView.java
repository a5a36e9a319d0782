package dev.hooklab.ui.findings;

import dev.hooklab.finding.Diagnostic;
import dev.hooklab.finding.Severity;
import dev.hooklab.ui.ViewsStyle;
import dev.hooklab.ui.model.RevisionModel;
import dev.hooklab.ui.model.Selection;
import dev.hooklab.ui.model.Selections;
import atlantafx.base.theme.Tweaks;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.Objects;

/**
 * The findings ({@code #findings}): severity icon, code, where, message, the agent's message and the fix; a
 * toggle per severity with its count filters the list; a click selects the finding's AppSpec line and tree entry.
 */
public final class FindingsView {
    static final String ORIGIN = "findings";

    private final RevisionModel revision;
    private final FindingsModel model = new FindingsModel();
    private final ListView<Diagnostic> list = new ListView<>(model.shown());
    private final VBox node;
    private boolean syncing;

    public FindingsView(RevisionModel revision) {
        this.revision = revision;
        list.setId("findings");
        list.setCellFactory(lv -> new FindingCell());
        list.setPlaceholder(new Label("No findings"));
        list.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        list.getSelectionModel().selectedItemProperty().addListener((o, old, d) -> {
            if (!syncing && d != null && revision.getInspection() != null) {
                revision.select(Selections.ofFinding(revision.getInspection(), d, ORIGIN));
            }
        });
        HBox bar = new HBox(4);
        bar.getStyleClass().add("view-header");
        bar.setAlignment(Pos.CENTER_LEFT);
        Label title = new Label("Findings");
        title.getStyleClass().add("view-title");
        bar.getChildren().add(title);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        bar.getChildren().add(grow);
        for (Severity s : Severity.values()) {
            bar.getChildren().add(toggle(s));
        }
        node = ViewsStyle.apply(new VBox(bar, list));
        node.getStyleClass().add("findings-view");
        VBox.setVgrow(list, Priority.ALWAYS);
        revision.inspectionProperty().addListener((o, old, in) -> model.show(in));
        revision.selectionProperty().addListener((o, old, s) -> follow(s));
        model.show(revision.getInspection());
    }

    public Node node() {
        return node;
    }

    public FindingsModel model() {
        return model;
    }

    ListView<Diagnostic> list() {
        return list;
    }

    private ToggleButton toggle(Severity s) {
        ToggleButton b = new ToggleButton(null, icon(s));
        b.setId("findings-" + s.label());
        b.textProperty().bind(Bindings.createStringBinding(() -> model.countProperty(s).get() + " " + plural(s,
                model.countProperty(s).get()), model.countProperty(s)));
        b.selectedProperty().bindBidirectional(model.visibleProperty(s));
        b.setTooltip(new Tooltip("Show or hide " + plural(s, 2)));
        b.getStyleClass().add("severity-toggle");
        return b;
    }

    private static String plural(Severity s, long n) {
        return switch (s) {
            case ERROR -> n == 1 ? "error" : "errors";
            case WARNING -> n == 1 ? "warning" : "warnings";
            case INFO -> "info";
        };
    }

    static FontIcon icon(Severity s) {
        Ikon ikon = switch (s) {
            case ERROR -> Material2AL.ERROR;
            case WARNING -> Material2MZ.WARNING;
            case INFO -> Material2AL.INFO;
        };
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().addAll("severity-icon", "severity-" + s.label());
        return icon;
    }

    /** Another view selected an AppSpec line: show the first finding on it, if any. */
    private void follow(Selection s) {
        if (s.madeBy(ORIGIN) || revision.getInspection() == null) {
            return;
        }
        String appspec = revision.getInspection().appspecEntry();
        Diagnostic match = model.shown().stream()
                .filter(d -> s.line() > 0 && d.line() == s.line() && (d.file() == null || Objects.equals(d.file(), appspec))
                        || s.file() != null && s.file().equals(d.file()))
                .findFirst().orElse(null);
        syncing = true;
        try {
            if (match == null) {
                list.getSelectionModel().clearSelection();
            } else {
                list.getSelectionModel().select(match);
                list.scrollTo(match);
            }
        } finally {
            syncing = false;
        }
    }

    /** One finding: a line with icon, code and where; the message; the agent's words; the fix. */
    private static final class FindingCell extends ListCell<Diagnostic> {
        @Override
        protected void updateItem(Diagnostic d, boolean empty) {
            super.updateItem(d, empty);
            setText(null);
            if (empty || d == null) {
                setGraphic(null);
                return;
            }
            Label code = new Label(d.code().slug());
            code.getStyleClass().add("finding-code");
            String at = d.file() == null ? "" : d.file() + (d.line() > 0 ? ":" + d.line()
                    + (d.column() > 0 ? ":" + d.column() : "") : "");
            Label where = new Label(at);
            where.getStyleClass().add("finding-where");
            HBox head = new HBox(6, icon(d.severity()), code, where);
            head.setAlignment(Pos.CENTER_LEFT);
            VBox box = new VBox(2, head, text(d.message(), "finding-message"));
            if (d.agentMessage() != null) {
                box.getChildren().add(text("agent: " + d.agentMessage(), "finding-agent"));
            }
            if (d.fix() != null) {
                box.getChildren().add(text("fix: " + d.fix(), "finding-fix"));
            }
            box.getStyleClass().add("finding-box");
            // wrap to the list's width, not the text's
            box.maxWidthProperty().bind(Bindings.max(0, getListView().widthProperty().subtract(28)));
            box.prefWidthProperty().bind(box.maxWidthProperty());
            setGraphic(box);
        }

        private static Label text(String s, String style) {
            Label l = new Label(s);
            l.getStyleClass().add(style);
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            return l;
        }
    }
}
