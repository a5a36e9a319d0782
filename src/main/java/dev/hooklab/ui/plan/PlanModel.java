package dev.hooklab.ui.plan;

import dev.hooklab.finding.Diagnostic;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.plan.PlannedEvent;
import dev.hooklab.ui.model.Selection;
import dev.hooklab.ui.model.Selections;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Objects;
import java.util.Optional;

/**
 * The plan's view model: the rows, the deployment-archive folder shown once above them, and what the details
 * pane says about the selected row (its full path, and the agent's message when the agent fails on it).
 */
public final class PlanModel {
    private final ObservableList<PlanEntry> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper archiveDir = new ReadOnlyStringWrapper(this, "archiveDir", "");
    private final ObjectProperty<PlanEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper detailPath = new ReadOnlyStringWrapper(this, "detailPath", "");
    private final ReadOnlyStringWrapper detailNote = new ReadOnlyStringWrapper(this, "detailNote", "");
    private Inspection inspection;

    public PlanModel() {
        selected.addListener((o, old, row) -> describe(row));
    }

    public void show(Inspection in) {
        inspection = in;
        if (in == null) {
            rows.clear();
            archiveDir.set("");
        } else {
            archiveDir.set(in.plan().layout().archiveDir());
            rows.setAll(PlanEntry.of(in.plan().events(), archiveDir.get()));
        }
        describe(selected.get());
    }

    public ObservableList<PlanEntry> rows() {
        return rows;
    }

    /** The deployment-archive folder every shortened path is inside. */
    public ReadOnlyStringProperty archiveDirProperty() {
        return archiveDir.getReadOnlyProperty();
    }

    public ObjectProperty<PlanEntry> selectedProperty() {
        return selected;
    }

    /** The selected row's full on-instance path ("" for none). */
    public ReadOnlyStringProperty detailPathProperty() {
        return detailPath.getReadOnlyProperty();
    }

    /** What to know about the selected row: the agent's message on it and the fix, or why it runs as it does. */
    public ReadOnlyStringProperty detailNoteProperty() {
        return detailNote.getReadOnlyProperty();
    }

    /** The selection a row stands for. */
    public Selection selectionOf(PlanEntry row, String origin) {
        PlannedEvent e = event(row.event()).orElseThrow();
        return row.isScript() ? Selections.ofScript(e, row.scriptIndex(), origin) : Selections.ofEvent(e, origin);
    }

    /** The row another view's selection stands for: its script, else a script at its file, else its event. */
    public Optional<PlanEntry> rowFor(Selection s) {
        if (s.event() != null) {
            for (PlanEntry r : rows) {
                if (r.event().equals(s.event()) && (r.scriptIndex() == s.scriptIndex() || s.scriptIndex() < 0)) {
                    return Optional.of(r);
                }
            }
        }
        if (s.file() != null) {
            return rows.stream().filter(r -> s.file().equals(r.archivePath())).findFirst();
        }
        return Optional.empty();
    }

    private Optional<PlannedEvent> event(String name) {
        return inspection == null ? Optional.empty() : inspection.plan().event(name);
    }

    private void describe(PlanEntry row) {
        PlanEntry current = row == null ? null : rows.stream().filter(r -> r.event().equals(row.event())
                && r.scriptIndex() == row.scriptIndex()).findFirst().orElse(null);
        if (current == null || inspection == null) {
            detailPath.set("");
            detailNote.set("");
            return;
        }
        detailPath.set(current.path());
        if (!current.isScript()) {
            detailNote.set(current.runsWhy());
            return;
        }
        int line = inspection.plan().event(current.event()).orElseThrow().scripts().get(current.scriptIndex())
                .script().mark().line();
        Optional<Diagnostic> onLine = inspection.diagnostics().stream()
                .filter(d -> line > 0 && d.line() == line && Objects.equals(d.file(), inspection.appspecEntry()))
                .findFirst();
        detailNote.set(onLine.map(d -> (d.agentMessage() != null ? "agent: " + d.agentMessage() : d.message())
                + (d.fix() != null ? "\nfix: " + d.fix() : "")).orElse(switch (current.found()) {
                    case "found" -> "In the revision: " + current.bundleEntry() + ". " + current.runsWhy();
                    default -> current.runsWhy();
                }));
    }
}
