package dev.hooklab.ui;

import dev.hooklab.finding.Diagnostic;
import dev.hooklab.finding.Setting;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** A diagnostic: severity badge, location, message, the agent's words and the fix (settings in plain words). */
final class DiagnosticCell extends ListCell<Diagnostic> {
    @Override
    protected void updateItem(Diagnostic d, boolean empty) {
        super.updateItem(d, empty);
        if (empty || d == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        Label badge = new Label(d.severity().label());
        badge.getStyleClass().addAll("badge", d.severity().label());
        String where = d.file() == null ? "" : d.file() + (d.line() > 0 ? ":" + d.line() : "");
        Label head = new Label(where.isEmpty() ? d.code().slug() : where + "  " + d.code().slug());
        head.getStyleClass().add("diagnostic-where");
        Label message = new Label(Setting.fill(d.message(), Setting::label));
        message.setWrapText(true);
        VBox text = new VBox(2, new HBox(8, badge, head), message);
        if (d.agentMessage() != null) {
            Label agent = new Label("agent: " + d.agentMessage());
            agent.getStyleClass().add("agent-message");
            agent.setWrapText(true);
            text.getChildren().add(agent);
        }
        if (d.fix() != null) {
            Label fix = new Label("fix: " + Setting.fill(d.fix(), Setting::label));
            fix.getStyleClass().add("fix");
            fix.setWrapText(true);
            text.getChildren().add(fix);
        }
        text.prefWidthProperty().bind(getListView().widthProperty().subtract(40));
        setText(null);
        setGraphic(text);
    }
}
