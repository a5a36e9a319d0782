package dev.hooklab.ui.run;

import dev.hooklab.inspect.InputKind;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.inspect.Inspector;
import dev.hooklab.run.output.OutputLine;
import dev.hooklab.run.session.SessionBuilder;
import dev.hooklab.run.session.StepSession;
import dev.hooklab.run.session.StepState;
import dev.hooklab.ui.actions.Action;
import dev.hooklab.ui.model.RevisionModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The run view's model: a {@link StepSession} for the open revision, built off the FX thread, and what the view
 * shows of it: one {@link StepRow} per step, the selected step and script, which commands apply now, the notes.
 * What the session says reaches the FX thread in batches ({@link SessionRelay}) and is handed to every
 * {@link RunPart} in order. A new revision, other deployment settings, another previous revision or changed run
 * settings give a fresh session on the next command (at once while nothing has run). Only the FX thread calls it,
 * except {@link #close()}, which may be called from any thread.
 */
public final class RunModel implements AutoCloseable {
    /** How long closing waits for a stopped hook to end before it removes the sandbox anyway. */
    static final long CLOSE_WAIT_SECONDS = 10;

    /** What a session was built from: any change makes it stale. */
    private record RunKey(Path input, Object layout, Object options, Path previous, RunSettings settings) {
    }

    private final SessionBuilder sessions;
    private final RevisionModel revision;
    private final Executor background;
    private final Executor fx;
    private final ScriptRefresh refresh;
    private final Consumer<RunSettings> saveSettings;
    private final List<RunPart> parts = new ArrayList<>();
    private final ObservableList<StepRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final Set<String> breakpoints = new HashSet<>();
    private final ObjectProperty<RunSettings> settings = new SimpleObjectProperty<>(this, "settings");
    private final ReadOnlyObjectWrapper<SessionBuilder.Prepared> prepared = new ReadOnlyObjectWrapper<>(this, "prepared");
    private final ReadOnlyIntegerWrapper selectedIndex = new ReadOnlyIntegerWrapper(this, "selectedIndex", -1);
    private final ReadOnlyStringWrapper selectedLocation = new ReadOnlyStringWrapper(this, "selectedLocation");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyStringWrapper bubblewrapProblem = new ReadOnlyStringWrapper(this, "bubblewrapProblem");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final RunCommands commands;
    private SessionRelay relay;
    private RunKey builtFrom;
    private int generation;
    private int inFlight;
    private boolean building;
    private volatile CompletableFuture<Void> lastOperation = CompletableFuture.completedFuture(null);

    /**
     * @param background where sessions are built and closed and scripts read again (one thread, in order)
     * @param fx         runs a task on the FX thread ({@code Platform::runLater})
     * @param bubblewrap why bubblewrap cannot work here, asked off the FX thread once; null when it works
     */
    public RunModel(SessionBuilder sessions, Inspector inspector, RevisionModel revision, RunSettings initial,
                    Consumer<RunSettings> saveSettings, java.util.function.Supplier<String> bubblewrap,
                    Executor background, Executor fx) {
        this.sessions = sessions;
        this.revision = revision;
        this.background = background;
        this.fx = fx;
        this.refresh = new ScriptRefresh(inspector);
        this.saveSettings = saveSettings;
        this.commands = new RunCommands(this);
        settings.set(initial);
        revision.inspectionProperty().addListener((o, a, b) -> revisionChanged());
        revision.previousRevisionProperty().addListener((o, a, b) -> revisionChanged());
        settings.addListener((o, a, now) -> {
            if (now != null && !now.equals(a)) {
                saveSettings.accept(now);
                revisionChanged();
            }
        });
        rows.addListener((javafx.collections.ListChangeListener<StepRow>) c -> commands.refresh());
        background.execute(() -> {
            String why = bubblewrap.get();
            fx.execute(() -> bubblewrapProblem.set(why));
        });
        revisionChanged();
    }

    // ---- what the view shows

    public ObservableList<StepRow> rows() {
        return rows;
    }

    /** What happened to the run as a whole: the previous revision deployed, resets, re-runs, scripts' live notes. */
    public ObservableList<String> notes() {
        return notes;
    }

    public ObjectProperty<RunSettings> settingsProperty() {
        return settings;
    }

    /** The session the view drives, or null (none yet, being built, or it could not be built). */
    public ReadOnlyObjectProperty<SessionBuilder.Prepared> preparedProperty() {
        return prepared.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty selectedIndexProperty() {
        return selectedIndex.getReadOnlyProperty();
    }

    /** The selected step's script (its location in the AppSpec), or null. */
    public ReadOnlyStringProperty selectedLocationProperty() {
        return selectedLocation.getReadOnlyProperty();
    }

    /** Whether a command is under way (Stop applies). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether the revision or the settings changed since the session was built: the next command starts afresh. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** Why no session could be built (one line), or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Why bubblewrap cannot work here, or null when it can (or before the probe answered). */
    public ReadOnlyStringProperty bubblewrapProblemProperty() {
        return bubblewrapProblem.getReadOnlyProperty();
    }

    /** One line on where the run stands. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether the command applies now; the Run menu, toolbar and buttons bind to it. */
    public ReadOnlyBooleanProperty enabledProperty(Action a) {
        return commands.enabled(a);
    }

    public boolean isEnabled(Action a) {
        return commands.enabled(a).get();
    }

    /** The previous revision slot's words: which older bundle is deployed first, or what happens without one. */
    public String previousRevisionText() {
        Path p = revision.getPreviousRevision();
        return p == null ? "No previous revision: ApplicationStop, BeforeBlockTraffic and AfterBlockTraffic do "
                + "nothing, as on the first deployment to an instance (the agent runs those events from the last "
                + "successful revision, and there is none). Drop or open an older bundle to run its scripts."
                : "Previous revision " + p + ": deployed first, so ApplicationStop, BeforeBlockTraffic and "
                + "AfterBlockTraffic run its scripts, as on an instance that had it.";
    }

    public RevisionModel revision() {
        return revision;
    }

    /** Adds a part; it hears at once the session, every step as it stands and the selection. */
    public void attach(RunPart part) {
        parts.add(part);
        part.sessionChanged(prepared.get());
        rows.forEach(r -> part.stepChanged(r.state()));
        if (selectedIndex.get() >= 0) {
            part.selected(rows.get(selectedIndex.get()).state(), selectedLocation.get());
        }
    }

    // ---- commands

    /** Runs the next step that has not run. */
    public CompletableFuture<Void> step() {
        return command(s -> s.step());
    }

    /** Runs the remaining steps; pauses before the first later step with a breakpoint and ends at a failure. */
    public CompletableFuture<Void> runToEnd() {
        return command(s -> {
            int next = commands.nextRunnable();
            for (StepRow r : rows) {
                if (r.index() > next && next >= 0 && r.breakpoint() && r.state().status().runnable()) {
                    return s.runTo(r.index() - 1);
                }
            }
            return s.runToEnd();
        });
    }

    /** Runs the steps up to and including the selected one. */
    public CompletableFuture<Void> runToHere() {
        int target = selectedIndex.get();
        return command(s -> s.runTo(target));
    }

    /** Leaves out the selected step when it has not run, else the next one that has not. */
    public CompletableFuture<Void> skip() {
        int target = commands.skipTarget();
        return command(s -> s.skip(target));
    }

    /** Runs the selected step again, its scripts read again from the revision on disk first. */
    public CompletableFuture<Void> rerun() {
        int target = selectedIndex.get();
        return command(s -> {
            SessionBuilder.Prepared p = prepared.get();
            StepState step = rows.get(target).state();
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return refresh.refresh(p.inspection(), s.sandbox(), step);
                } catch (Exception e) {
                    return List.of("Could not read " + step.event() + "'s scripts again: " + e.getMessage()
                            + "; it runs what the sandbox has.");
                }
            }, background).thenApplyAsync(said -> {
                notes.addAll(said);
                return said;
            }, fx).thenCompose(said -> s.rerun(target));
        });
    }

    /** Stops the running hook and everything it started; queued commands are dropped. */
    public void stop() {
        SessionBuilder.Prepared p = prepared.get();
        if (p != null) {
            status.set("Stopping…");
            p.session().stop();
        }
    }

    /** A fresh sandbox: every step pending again. */
    public CompletableFuture<Void> reset() {
        if (prepared.get() == null || stale.get()) {
            return command(s -> CompletableFuture.completedFuture(null));
        }
        return command(StepSession::reset);
    }

    /** Turns the breakpoint before a step on or off. */
    public void toggleBreakpoint(int index) {
        if (index < 0 || index >= rows.size()) {
            return;
        }
        StepRow r = rows.get(index);
        if (!breakpoints.remove(r.event())) {
            breakpoints.add(r.event());
        }
        rows.set(index, r.withBreakpoint(breakpoints.contains(r.event())));
    }

    /** Selects a step and the script the run would show for it. */
    public void select(int index) {
        select(index, index >= 0 && index < rows.size() ? rows.get(index).currentScript() : null);
    }

    /** Selects a step and one of its scripts (null for none). */
    public void select(int index, String location) {
        if (index >= rows.size()) {
            return;
        }
        boolean changed = index != selectedIndex.get() || !java.util.Objects.equals(location, selectedLocation.get());
        selectedLocation.set(index < 0 ? null : location);
        selectedIndex.set(index);
        commands.refresh();
        if (changed && index >= 0) {
            StepState s = rows.get(index).state();
            parts.forEach(p -> p.selected(s, location));
        }
    }

    /**
     * Stops the run, ends its processes (waiting a bounded time for a stopped hook), closes the session and
     * removes a temporary sandbox. The window calls it when it closes.
     */
    @Override
    public void close() {
        SessionBuilder.Prepared p = prepared.get();
        if (relay != null) {
            relay.detach();
        }
        if (p != null) {
            closeSession(p, lastOperation);
        }
    }

    // ---- inside

    int inFlight() {
        return inFlight;
    }

    boolean building() {
        return building;
    }

    private RunKey key() {
        Inspection in = revision.getInspection();
        return in == null ? null : new RunKey(in.input(), in.layout(), in.options(), revision.getPreviousRevision(),
                settings.get());
    }

    /** Whether the open revision can run at all: a bundle or a folder, not an AppSpec alone. */
    boolean runnable() {
        Inspection in = revision.getInspection();
        return in != null && in.kind() != InputKind.APPSPEC && in.bundle().isPresent();
    }

    private void revisionChanged() {
        RunKey now = key();
        if (now == null || !runnable()) {
            discard();
            problem.set(now == null ? null : "Only a bundle or a folder runs; an AppSpec alone has no scripts.");
            commands.refresh();
            return;
        }
        if (now.equals(builtFrom) && prepared.get() != null) {
            stale.set(false);
        } else if (prepared.get() == null || rows.stream().allMatch(r -> r.state().status().runnable())) {
            if (inFlight == 0) {
                rebuild().exceptionally(e -> null);
            } else {
                stale.set(true);
            }
        } else {
            stale.set(true);
        }
        commands.refresh();
    }

    private void discard() {
        generation++;
        SessionBuilder.Prepared old = prepared.get();
        if (relay != null) {
            relay.detach();
        }
        prepared.set(null);
        builtFrom = null;
        rows.clear();
        notes.clear();
        selectedIndex.set(-1);
        selectedLocation.set(null);
        parts.forEach(p -> p.sessionChanged(null));
        if (old != null) {
            CompletableFuture<Void> op = lastOperation;
            background.execute(() -> closeSession(old, op));
        }
    }

    /** A fresh session for the revision as it is open now; completes on the FX thread. */
    private CompletableFuture<SessionBuilder.Prepared> rebuild() {
        discard();
        int gen = generation;
        RunKey key = key();
        Inspection in = revision.getInspection();
        SessionRelay r = new SessionRelay(fx, new Sink(gen));
        relay = r;
        building = true;
        problem.set(null);
        stale.set(false);
        commands.refresh();
        var request = settings.get().request(revision.getPreviousRevision());
        return CompletableFuture.supplyAsync(() -> {
            try {
                return sessions.build(in, request, r);
            } catch (dev.hooklab.inspect.InputException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, background).handleAsync((p, err) -> {
            if (gen != generation) {
                if (p != null) {
                    background.execute(() -> closeSession(p, CompletableFuture.completedFuture(null)));
                }
                throw new java.util.concurrent.CancellationException("replaced");
            }
            building = false;
            if (err != null) {
                Throwable cause = err instanceof java.util.concurrent.CompletionException && err.getCause() != null
                        ? err.getCause() : err;
                problem.set(cause.getMessage());
                commands.refresh();
                throw new java.util.concurrent.CompletionException(cause);
            }
            builtFrom = key;
            prepared.set(p);
            p.session().steps().forEach(s -> rows.add(new StepRow(s, breakpoints.contains(s.event()))));
            notes.addAll(p.isolation().notes(p.session().sandbox().mounts()));
            parts.forEach(part -> part.sessionChanged(p));
            rows.forEach(row -> parts.forEach(part -> part.stepChanged(row.state())));
            commands.refresh();
            return p;
        }, fx);
    }

    /** Runs an operation on a session that is current, building one first when there is none or it is stale. */
    private CompletableFuture<Void> command(Function<StepSession, CompletableFuture<Void>> op) {
        CompletableFuture<SessionBuilder.Prepared> ready = prepared.get() == null || stale.get() || building
                ? rebuild() : CompletableFuture.completedFuture(prepared.get());
        inFlight++;
        commands.refresh();
        CompletableFuture<Void> done = ready.thenCompose(p -> {
            SessionRelay r = relay;
            return op.apply(p.session()).thenCompose(v -> r.flushed());
        });
        lastOperation = done;
        done.whenCompleteAsync((v, err) -> {
            inFlight--;
            if (err != null && !(err.getCause() instanceof java.util.concurrent.CancellationException)
                    && problem.get() == null) {
                notes.add("The command failed: " + (err.getCause() != null ? err.getCause() : err).getMessage());
            }
            commands.refresh();
        }, fx);
        return done;
    }

    private static void closeSession(SessionBuilder.Prepared p, CompletableFuture<Void> running) {
        StepSession s = p.session();
        s.stop();
        try {
            running.get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // stopped, failed or still dying: close anyway
        }
        s.close();
        try {
            s.sandbox().close();
        } catch (java.io.IOException e) {
            // a temporary folder left behind; the system cleans it
        }
    }

    void setStatus(String text) {
        status.set(text);
    }

    void setBusy(boolean working) {
        busy.set(working);
    }

    /** Applies what one session says, on the FX thread, unless that session was replaced since. */
    private final class Sink implements SessionRelay.Sink {
        private final int gen;

        Sink(int gen) {
            this.gen = gen;
        }

        @Override
        public void stepChanged(StepState step) {
            if (gen != generation || step.index() >= rows.size()) {
                return;
            }
            StepRow before = rows.get(step.index());
            rows.set(step.index(), before.withState(step));
            parts.forEach(p -> p.stepChanged(step));
            boolean started = step.status() == dev.hooklab.run.session.StepStatus.RUNNING;
            boolean ended = before.state().status() == dev.hooklab.run.session.StepStatus.RUNNING && !started;
            if (inFlight > 0 && (started || ended)) {
                select(step.index(), rows.get(step.index()).currentScript());
            }
        }

        @Override
        public void output(int step, String location, List<OutputLine> lines) {
            if (gen == generation) {
                parts.forEach(p -> p.output(step, location, lines));
            }
        }

        @Override
        public void note(String text) {
            if (gen == generation) {
                notes.add(text);
            }
        }
    }
}
