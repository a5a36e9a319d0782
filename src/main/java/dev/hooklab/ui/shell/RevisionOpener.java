package dev.hooklab.ui.shell;

import dev.hooklab.inspect.InputException;
import dev.hooklab.inspect.InspectOptions;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.inspect.Inspector;
import dev.hooklab.inspect.OpenedRevision;
import dev.hooklab.plan.DeploymentIds;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.ui.model.RevisionModel;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Opens, reloads and re-judges the revision: the engine runs in a {@link Task} on the executor it is given, and
 * the result reaches the {@link RevisionModel} in one step on the FX thread. Opening reads the revision once
 * ({@link Inspector#read}) and keeps it; a change of the model's options or layout judges the kept revision again
 * ({@link Inspector#judge}) without reading it. The deployment id is drawn from {@link DeploymentIds} once per
 * opened revision, unless the user named one. Bad input never costs the open revision: its one line goes to the
 * problem sink (the banner) and the model keeps what it had.
 */
public final class RevisionOpener {
    private final Inspector inspector;
    private final DeploymentIds ids;
    private final Executor executor;
    private final RevisionModel model;
    private final CrashLog crashLog;
    private final Consumer<String> problems;
    private final ReadOnlyObjectWrapper<Path> input = new ReadOnlyObjectWrapper<>(this, "input");
    private final ReadOnlyObjectWrapper<Task<Inspection>> running = new ReadOnlyObjectWrapper<>(this, "running");
    private Consumer<Path> onOpened = p -> { };
    private OpenedRevision opened;
    private InspectOptions judgedOptions;
    private DeploymentLayout judgedLayout;
    private String drawnId;
    private Fingerprint fingerprint;
    private boolean applying;

    /**
     * @param ids      draws the deployment id of each newly opened revision
     * @param problems receives the one line of bad input or of an unexpected failure (FX thread)
     */
    public RevisionOpener(Inspector inspector, DeploymentIds ids, Executor executor, RevisionModel model,
                          CrashLog crashLog, Consumer<String> problems) {
        this.inspector = inspector;
        this.ids = ids;
        this.executor = executor;
        this.model = model;
        this.crashLog = crashLog;
        this.problems = problems;
        model.optionsProperty().addListener((o, before, now) -> settingsChanged());
        model.layoutProperty().addListener((o, before, now) -> settingsChanged());
    }

    /** Called with each newly opened revision (for the recent list). */
    public void setOnOpened(Consumer<Path> onOpened) {
        this.onOpened = Objects.requireNonNull(onOpened);
    }

    /** The open revision's input (bundle, folder or lone AppSpec), or null. */
    public ReadOnlyObjectProperty<Path> inputProperty() {
        return input.getReadOnlyProperty();
    }

    /** The task at work, or null when idle. */
    public ReadOnlyObjectProperty<Task<Inspection>> runningProperty() {
        return running.getReadOnlyProperty();
    }

    /**
     * Opens a new revision: the AppSpec that replaced the last one's is dropped, and a new deployment id is drawn
     * unless the user named one (typed it, or pasted an error that names it).
     */
    public void open(Path path) {
        InspectOptions options = model.getOptions().withAppspecOverride(null);
        DeploymentLayout named = model.getLayout();
        boolean draw = named.deploymentId().isBlank() || named.deploymentId().equals(drawnId);
        start(path, "Opening", () -> {
            DeploymentLayout layout = draw ? named.withDeploymentId(ids.next()) : named;
            return inspector.judge(inspector.read(path), layout, options);
        }, true, draw);
    }

    /** Reads the open revision again from disk, in the same deployment and under the same settings. */
    public void reload() {
        if (opened != null) {
            Path path = opened.input();
            DeploymentLayout layout = judgedLayout;
            InspectOptions options = judgedOptions;
            start(path, "Reloading", () -> inspector.judge(inspector.read(path), layout, options), false, false);
        }
    }

    /** Reloads when the revision (or the AppSpec that replaces its own) changed on disk since it was read. */
    public boolean reloadIfChanged() {
        if (opened == null || running.get() != null || fingerprint == null) {
            return false;
        }
        if (fingerprint.equals(Fingerprint.of(opened.input(), judgedOptions.appspecOverride()))) {
            return false;
        }
        reload();
        return true;
    }

    /** Judges the open revision with this AppSpec instead of its own (the CLI's {@code --appspec}). */
    public void replaceAppSpec(Path file) {
        if (opened != null) {
            rejudge("Reading " + file.getFileName() + " for", judgedOptions.withAppspecOverride(file), judgedLayout);
        }
    }

    /** Goes back to the revision's own AppSpec. */
    public void useOwnAppSpec() {
        if (opened != null && judgedOptions.appspecOverride() != null) {
            rejudge("Recomputing", judgedOptions.withAppspecOverride(null), judgedLayout);
        }
    }

    /** Stops waiting for the task at work; what is open stays open. */
    public void cancel() {
        Task<Inspection> t = running.get();
        if (t != null) {
            t.cancel(true);
            running.set(null);
        }
    }

    /** The model's settings changed (the settings view, a pasted error): judge the kept revision again. */
    private void settingsChanged() {
        if (applying || opened == null || model.getOptions() == null || model.getLayout() == null) {
            return;
        }
        DeploymentLayout layout = model.getLayout();
        if (layout.deploymentId().isBlank()) { // blank stands for the id drawn for this revision
            layout = layout.withDeploymentId(drawnId != null ? drawnId : judgedLayout.deploymentId());
            DeploymentLayout shown = layout;
            applyQuietly(() -> model.layoutProperty().set(shown));
        }
        if (!model.getOptions().equals(judgedOptions) || !layout.equals(judgedLayout)) {
            rejudge("Recomputing", model.getOptions(), layout);
        }
    }

    private void rejudge(String doing, InspectOptions options, DeploymentLayout layout) {
        OpenedRevision revision = opened;
        start(revision.input(), doing, () -> inspector.judge(revision, layout, options), false, false);
    }

    /** @param drawn whether the task draws a new deployment id (then the inspection's layout holds it) */
    private void start(Path path, String doing, Callable<Inspection> work, boolean opening, boolean drawn) {
        cancel();
        Task<Inspection> task = new Task<>() {
            @Override
            protected Inspection call() throws Exception {
                updateMessage(doing + " " + path.getFileName() + "…");
                updateProgress(-1, 1);
                return work.call();
            }
        };
        task.setOnSucceeded(e -> {
            if (running.get() != task) {
                return;
            }
            running.set(null);
            Inspection in = task.getValue();
            applyQuietly(() -> {
                opened = in.opened();
                judgedOptions = in.options();
                judgedLayout = in.layout();
                if (drawn) {
                    drawnId = judgedLayout.deploymentId();
                }
                model.optionsProperty().set(judgedOptions);
                model.layoutProperty().set(judgedLayout);
                model.inspectionProperty().set(in);
                input.set(path);
                fingerprint = Fingerprint.of(path, judgedOptions.appspecOverride());
            });
            if (opening) {
                onOpened.accept(path);
            }
        });
        task.setOnFailed(e -> {
            if (running.get() != task) {
                return;
            }
            running.set(null);
            Throwable ex = task.getException();
            problems.accept(ex instanceof InputException ? ex.getMessage()
                    : crashLog.record("reading " + path, ex));
            if (opened != null) { // the settings that go with what stays open
                applyQuietly(() -> {
                    model.optionsProperty().set(judgedOptions);
                    model.layoutProperty().set(judgedLayout);
                });
            }
        });
        running.set(task);
        executor.execute(task);
    }

    private void applyQuietly(Runnable change) {
        applying = true;
        try {
            change.run();
        } finally {
            applying = false;
        }
    }
}
