package dev.hooklab.ui.run;

import dev.hooklab.Await;
import dev.hooklab.app.Hooklab;
import dev.hooklab.appspec.TargetOs;
import dev.hooklab.inspect.InspectOptions;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.run.output.OutputLine;
import dev.hooklab.run.session.SessionBuilder;
import dev.hooklab.run.session.StepState;
import dev.hooklab.run.session.StepStatus;
import dev.hooklab.ui.model.RevisionModel;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Test-only: a {@link RunModel} on the real engine (sessions, bubblewrap), driven from a test thread through the FX
 * thread, with a {@link Recording} part that hears what every part hears. The toolkit must be up (TestFX's
 * {@code FxToolkit.registerPrimaryStage()} or an {@code ApplicationExtension}).
 */
final class RunHarness implements AutoCloseable {
    final Hooklab hooklab = Hooklab.create(() -> "d-RUNTEST01");
    final ExecutorService worker = hooklab.runWorker();
    final RevisionModel revision = new RevisionModel();
    final Recording part = new Recording();
    final List<RunSettings> saved = new CopyOnWriteArrayList<>();
    final RunModel model;

    /** Every call a part gets, as one line each, in order; and the batches' sizes. */
    static final class Recording implements RunPart {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<String> lines = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        final List<Integer> batches = new CopyOnWriteArrayList<>();
        final List<Boolean> onFx = new CopyOnWriteArrayList<>();
        private final Label node = new Label("recording");

        @Override
        public Node node() {
            return node;
        }

        @Override
        public void sessionChanged(SessionBuilder.Prepared prepared) {
            onFx.add(Platform.isFxApplicationThread());
            calls.add("session " + (prepared == null ? "none" : "ready"));
        }

        @Override
        public void stepChanged(StepState step) {
            onFx.add(Platform.isFxApplicationThread());
            calls.add("step " + step.event() + " " + step.status().label());
        }

        @Override
        public void output(int step, String location, List<OutputLine> batch) {
            onFx.add(Platform.isFxApplicationThread());
            batches.add(batch.size());
            calls.add("output " + step + " " + location + " " + batch.size());
            batch.forEach(l -> lines.add(location + ": " + l.text()));
        }

        @Override
        public void selected(StepState step, String location) {
            onFx.add(Platform.isFxApplicationThread());
            calls.add("selected " + step.event() + " " + location);
        }
    }

    RunHarness(RunSettings settings) throws Exception {
        assumeTrue(hooklab.isolationProbe().bubblewrap(false).isPresent(),
                () -> "no bubblewrap here: " + hooklab.isolationProbe().bubblewrapProblem());
        model = fx(() -> {
            RunModel m = new RunModel(hooklab.sessions(), hooklab.inspector(), revision, settings, saved::add,
                    () -> hooklab.isolationProbe().bubblewrapProblem(), worker, Platform::runLater);
            m.attach(part);
            return m;
        });
    }

    /** bwrap isolation (so the hooks' absolute paths stay in the sandbox), a short timeout cap. */
    static RunSettings bwrap() {
        return RunSettings.defaults().withIsolation("bwrap").withMaxTimeout(20);
    }

    void open(Path revisionFolder) throws Exception {
        var in = hooklab.inspector().inspect(revisionFolder, DeploymentLayout.defaults(TargetOs.LINUX,
                hooklab.deploymentIds()), InspectOptions.defaults());
        fx(() -> {
            revision.inspectionProperty().set(in);
            return null;
        });
        awaitRows("the session's steps", rows -> !rows.isEmpty());
    }

    /** Runs on the FX thread and waits for the result. */
    static <T> T fx(Callable<T> task) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(task.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS);
    }

    /** Starts a command on the FX thread and waits until it and the FX thread are done with it. */
    void run(Callable<CompletableFuture<Void>> command) throws Exception {
        CompletableFuture<Void> f = fx(command);
        f.get(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS);
        Await.until("the model idle", () -> get(() -> !model.busyProperty().get()));
    }

    static <T> T get(Callable<T> task) {
        try {
            return fx(task);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    List<StepRow> rows() {
        return get(() -> List.copyOf(model.rows()));
    }

    StepRow row(String event) {
        return rows().stream().filter(r -> r.event().equals(event)).findFirst().orElseThrow();
    }

    StepStatus status(String event) {
        return row(event).state().status();
    }

    int index(String event) {
        return row(event).index();
    }

    void awaitRows(String what, Predicate<List<StepRow>> condition) throws InterruptedException {
        Await.until(what, () -> condition.test(rows()));
    }

    @Override
    public void close() throws Exception {
        fx(() -> {
            model.close();
            return null;
        });
        worker.shutdownNow();
    }
}
