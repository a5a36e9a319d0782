package dev.hooklab.ui.run;

import dev.hooklab.inspect.InputKind;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.inspect.Inspector;
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
    /** What a session was built from: any change makes it stale. */
    private record RunKey(Path input, Object layout, Object options, Path previous, RunSettings settings) {
    }

    private final RevisionModel revision;
    private final Executor background;
    private final Executor fx;
    private final ScriptRefresh refresh;
    private final List<RunPart> parts = new ArrayList<>();
    private final ObservableList<StepRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final Set<String> breakpoints = new HashSet<>();
    private final ObjectProperty<RunSettings> settings = new SimpleObjectProperty<>(this, "settings");
    private final ReadOnlyIntegerWrapper selectedIndex = new ReadOnlyIntegerWrapper(this, "selectedIndex", -1);
    private final ReadOnlyStringWrapper selectedLocation = new ReadOnlyStringWrapper(this, "selectedLocation");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyStringWrapper bubblewrapProblem = new ReadOnlyStringWrapper(this, "bubblewrapProblem");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final RunCommands commands;
    private final RunSessions slot;
    private final ReadOnlyObjectWrapper<SessionBuilder.Prepared> prepared;
    private final ReadOnlyStringWrapper problem;
    private int inFlight;
    private String lastRerun;

    /**
     * @param background where sessions are built and closed and scripts read again (one thread, in order)
     * @param fx         runs a task on the FX thread ({@code Platform::runLater})
     * @param bubblewrap why bubblewrap cannot work here, asked off the FX thread once; null when it works
     */
    public RunModel(SessionBuilder sessions, Inspector inspector, RevisionModel revision, RunSettings initial,
                    Consumer<RunSettings> saveSettings, java.util.function.Supplier<String> bubblewrap,
                    Executor background, Executor fx) {
        this.slot = new RunSessions(sessions, background, fx);
        this.prepared = slot.prepared;
        this.problem = slot.problem;
        this.revision = revision;
        this.background = background;
        this.fx = fx;
        this.refresh = new ScriptRefresh(inspector);
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
                    String why = "could not read its scripts again (" + e.getMessage() + "); it ran what the "
                            + "sandbox has.";
                    return new ScriptRefresh.Refreshed(List.of(step.event() + " " + why), why);
                }
            }, background).thenApplyAsync(read -> {
                notes.addAll(read.notes());
                lastRerun = "Re-ran " + step.event() + ", " + read.summary();
                return read;
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
        slot.closeNow();
    }

    // ---- inside

    int inFlight() {
        return inFlight;
    }

    boolean building() {
        return slot.building();
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
        if (now.equals(slot.builtFrom()) && prepared.get() != null) {
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
        slot.discard();
        rows.clear();
        notes.clear();
        selectedIndex.set(-1);
        selectedLocation.set(null);
        parts.forEach(p -> p.sessionChanged(null));
    }

    /** A fresh session for the revision as it is open now; completes on the FX thread. */
    private CompletableFuture<SessionBuilder.Prepared> rebuild() {
        discard();
        stale.set(false);
        var request = settings.get().request(revision.getPreviousRevision());
        CompletableFuture<SessionBuilder.Prepared> built = slot.build(revision.getInspection(), request, key(),
                new RunFeed(this, slot.generation()));
        commands.refresh();
        return built.whenComplete((p, err) -> {
            if (p != null) {
                p.session().steps().forEach(s -> rows.add(new StepRow(s, breakpoints.contains(s.event()))));
                notes.addAll(p.isolation().notes(p.session().sandbox().mounts()));
                parts.forEach(part -> part.sessionChanged(p));
                rows.forEach(row -> parts.forEach(part -> part.stepChanged(row.state())));
            }
            if (!(err instanceof java.util.concurrent.CancellationException)) {
                commands.refresh();
            }
        });
    }

    /** Runs an operation on a session that is current, building one first when there is none or it is stale. */
    private CompletableFuture<Void> command(Function<StepSession, CompletableFuture<Void>> op) {
        CompletableFuture<SessionBuilder.Prepared> ready = prepared.get() == null || stale.get() || slot.building()
                ? rebuild() : CompletableFuture.completedFuture(prepared.get());
        inFlight++;
        lastRerun = null;
        commands.refresh();
        CompletableFuture<Void> done = ready.thenCompose(p -> op.apply(p.session()).thenCompose(v -> slot.flushed()));
        slot.running(done);
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

    /** What the last Re-run read again from disk, until the next command; or null. */
    String lastRerun() {
        return lastRerun;
    }

    void setStatus(String text) {
        status.set(text);
    }

    void setBusy(boolean working) {
        busy.set(working);
    }

    int generation() {
        return slot.generation();
    }

    List<RunPart> parts() {
        return parts;
    }
}
