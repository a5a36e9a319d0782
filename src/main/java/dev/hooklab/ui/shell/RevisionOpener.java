package dev.hooklab.ui.shell;

import dev.hooklab.inspect.InputException;
import dev.hooklab.inspect.InspectOptions;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.inspect.Inspector;
import dev.hooklab.ui.model.RevisionModel;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Opens, reloads and re-judges the revision: the engine runs in a {@link Task} on the executor it is given, and
 * the result reaches the {@link RevisionModel} in one step on the FX thread. Bad input never costs the open
 * revision: its one line goes to the problem sink (the banner) and the model keeps what it had. A change of the
 * model's options re-judges the open revision; the random deployment id is drawn once per opened revision.
 */
public final class RevisionOpener {
    private final Inspector inspector;
    private final Executor executor;
    private final RevisionModel model;
    private final CrashLog crashLog;
    private final Consumer<String> problems;
    private final ReadOnlyObjectWrapper<Path> input = new ReadOnlyObjectWrapper<>(this, "input");
    private final ReadOnlyObjectWrapper<Task<Inspection>> running = new ReadOnlyObjectWrapper<>(this, "running");
    private Consumer<Path> onOpened = p -> { };
    private InspectOptions judged;
    private String drawnId;
    private Fingerprint fingerprint;
    private boolean applying;

    /**
     * @param problems receives the one line of bad input or of an unexpected failure (FX thread)
     */
    public RevisionOpener(Inspector inspector, Executor executor, RevisionModel model, CrashLog crashLog,
                          Consumer<String> problems) {
        this.inspector = inspector;
        this.executor = executor;
        this.model = model;
        this.crashLog = crashLog;
        this.problems = problems;
        model.optionsProperty().addListener((o, before, now) -> {
            if (!applying && input.get() != null && now != null && !now.equals(judged)) {
                judge(input.get(), now, "Recomputing", null);
            }
        });
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

    /** Opens a new revision: the AppSpec it replaces is dropped, a new deployment id is drawn unless one was set. */
    public void open(Path path) {
        InspectOptions base = model.getOptions().withAppspecOverride(null);
        String newId = null;
        if (base.deploymentId() == null || base.deploymentId().equals(drawnId)) {
            newId = inspector.layout(base.withIds(base.deploymentGroupId(), null)).deploymentId();
            base = base.withIds(base.deploymentGroupId(), newId);
        }
        judge(path, base, "Opening", newId);
    }

    /** Reads the open revision again from disk, under the same settings. */
    public void reload() {
        if (input.get() != null) {
            judge(input.get(), judged, "Reloading", drawnId);
        }
    }

    /** Reloads when the revision (or the AppSpec that replaces its own) changed on disk since it was read. */
    public boolean reloadIfChanged() {
        if (input.get() == null || running.get() != null || fingerprint == null) {
            return false;
        }
        if (fingerprint.equals(Fingerprint.of(input.get(), judged.appspecOverride()))) {
            return false;
        }
        reload();
        return true;
    }

    /** Judges the open revision with this AppSpec instead of its own (the CLI's {@code --appspec}). */
    public void replaceAppSpec(Path file) {
        if (input.get() != null) {
            judge(input.get(), judged.withAppspecOverride(file), "Reading " + file.getFileName() + " for", drawnId);
        }
    }

    /** Goes back to the revision's own AppSpec. */
    public void useOwnAppSpec() {
        if (input.get() != null && judged.appspecOverride() != null) {
            judge(input.get(), judged.withAppspecOverride(null), "Recomputing", drawnId);
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

    private void judge(Path path, InspectOptions options, String doing, String newDrawnId) {
        cancel();
        Task<Inspection> task = new Task<>() {
            @Override
            protected Inspection call() throws Exception {
                updateMessage(doing + " " + path.getFileName() + "…");
                updateProgress(-1, 1);
                return inspector.inspect(path, options);
            }
        };
        task.setOnSucceeded(e -> {
            if (running.get() != task) {
                return;
            }
            running.set(null);
            boolean newRevision = !path.equals(input.get());
            applying = true;
            try {
                judged = options;
                if (newDrawnId != null) {
                    drawnId = newDrawnId;
                }
                model.optionsProperty().set(options);
                model.inspectionProperty().set(task.getValue());
                input.set(path);
                fingerprint = Fingerprint.of(path, options.appspecOverride());
            } finally {
                applying = false;
            }
            if (newRevision) {
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
            if (judged != null && !judged.equals(model.getOptions())) {
                applying = true;
                try {
                    model.optionsProperty().set(judged); // the settings that go with what stays open
                } finally {
                    applying = false;
                }
            }
        });
        running.set(task);
        executor.execute(task);
    }
}
