package dev.hooklab.ui.model;

import dev.hooklab.appspec.TargetOs;
import dev.hooklab.inspect.InspectOptions;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.plan.DeploymentLayout;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.nio.file.Path;

/**
 * What the window has open, as JavaFX properties every view binds to: the judged revision, the deployment it
 * was judged in and the settings it was judged under, and the shared selection. The shell sets
 * {@link #inspectionProperty()} when a revision is opened or re-judged; the settings view (or a pasted error)
 * writes {@link #layoutProperty()} and {@link #optionsProperty()} and the shell re-judges; views read the
 * inspection and read and write the selection. Only the FX thread touches it.
 */
public final class RevisionModel {
    /**
     * The deployment before anything is opened: codedeploy-local's group on Linux, and a blank deployment id, which
     * stands for "the id drawn for the open revision" (the shell draws one per opened revision).
     */
    public static final DeploymentLayout UNDRAWN = new DeploymentLayout(TargetOs.LINUX,
            DeploymentLayout.LINUX_ROOT, DeploymentLayout.LOCAL_GROUP, "");
    private final ObjectProperty<Inspection> inspection = new SimpleObjectProperty<>(this, "inspection");
    private final ObjectProperty<InspectOptions> options =
            new SimpleObjectProperty<>(this, "options", InspectOptions.defaults());
    private final ObjectProperty<DeploymentLayout> layout = new SimpleObjectProperty<>(this, "layout", UNDRAWN);
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

    /**
     * Where the revision is deployed: OS, root dir, deployment group id and deployment id (never null). A blank
     * deployment id stands for the id the shell drew for the open revision.
     */
    public ObjectProperty<DeploymentLayout> layoutProperty() {
        return layout;
    }

    public DeploymentLayout getLayout() {
        return layout.get();
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
