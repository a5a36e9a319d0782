package dev.hooklab.ui.model;

import dev.hooklab.inspect.InspectOptions;
import dev.hooklab.inspect.Inspection;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.nio.file.Path;

/**
 * What the window has open, as JavaFX properties every view binds to: the judged revision, the settings it
 * was judged under, and the shared selection. The shell sets {@link #inspectionProperty()} when a revision
 * is opened or re-judged; the settings view writes {@link #optionsProperty()} and the shell re-judges; views
 * read the inspection and read and write the selection. Only the FX thread touches it.
 */
public final class RevisionModel {
    private final ObjectProperty<Inspection> inspection = new SimpleObjectProperty<>(this, "inspection");
    private final ObjectProperty<InspectOptions> options =
            new SimpleObjectProperty<>(this, "options", InspectOptions.defaults());
    private final ObjectProperty<Selection> selection = new SimpleObjectProperty<>(this, "selection", Selection.NONE);
    private final ObjectProperty<Path> previousRevision = new SimpleObjectProperty<>(this, "previousRevision");

    /** The open revision, judged under {@link #getOptions()}; null when nothing is open. */
    public ObjectProperty<Inspection> inspectionProperty() {
        return inspection;
    }

    public Inspection getInspection() {
        return inspection.get();
    }

    /** The deployment settings the revision is judged under. */
    public ObjectProperty<InspectOptions> optionsProperty() {
        return options;
    }

    public InspectOptions getOptions() {
        return options.get();
    }

    public ObjectProperty<Selection> selectionProperty() {
        return selection;
    }

    public Selection getSelection() {
        return selection.get();
    }

    public void select(Selection s) {
        selection.set(s == null ? Selection.NONE : s);
    }

    /**
     * The last successful revision (a bundle or folder dropped on the shell's "previous revision" slot), whose
     * scripts ApplicationStop, BeforeBlockTraffic and AfterBlockTraffic run in the run view; null for a first
     * deployment.
     */
    public ObjectProperty<Path> previousRevisionProperty() {
        return previousRevision;
    }

    public Path getPreviousRevision() {
        return previousRevision.get();
    }
}
