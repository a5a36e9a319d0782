package dev.hooklab.ui.findings;

import dev.hooklab.finding.Diagnostic;
import dev.hooklab.finding.Severity;
import dev.hooklab.inspect.Inspection;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.EnumMap;
import java.util.Map;

/**
 * The findings list's model: every finding of the open revision, a switch per severity that shows or hides
 * its findings, and the count of each severity (for the filter buttons and the shell's status bar).
 */
public final class FindingsModel {
    private final ObservableList<Diagnostic> all = FXCollections.observableArrayList();
    private final FilteredList<Diagnostic> shown = new FilteredList<>(all);
    private final Map<Severity, BooleanProperty> visible = new EnumMap<>(Severity.class);
    private final Map<Severity, ReadOnlyLongWrapper> counts = new EnumMap<>(Severity.class);

    public FindingsModel() {
        for (Severity s : Severity.values()) {
            BooleanProperty on = new SimpleBooleanProperty(this, s.label(), true);
            on.addListener((o, old, v) -> refilter());
            visible.put(s, on);
            counts.put(s, new ReadOnlyLongWrapper(this, s.label() + "Count"));
        }
        refilter();
    }

    public void show(Inspection in) {
        all.setAll(in == null ? java.util.List.of() : in.diagnostics());
        for (Severity s : Severity.values()) {
            counts.get(s).set(all.stream().filter(d -> d.severity() == s).count());
        }
    }

    private void refilter() {
        shown.setPredicate(d -> visible.get(d.severity()).get());
    }

    /** The findings the severity switches let through, in the inspection's order (errors first). */
    public ObservableList<Diagnostic> shown() {
        return shown;
    }

    public ObservableList<Diagnostic> all() {
        return all;
    }

    /** Whether findings of a severity are shown. */
    public BooleanProperty visibleProperty(Severity s) {
        return visible.get(s);
    }

    public ReadOnlyLongProperty countProperty(Severity s) {
        return counts.get(s).getReadOnlyProperty();
    }
}
