package dev.hooklab.run.session;

import dev.hooklab.appspec.AppSpecParser;
import dev.hooklab.plan.Lifecycle;
import dev.hooklab.run.HookRunner;
import dev.hooklab.run.output.OutputLine;
import dev.hooklab.run.RunningHook;
import dev.hooklab.work.Workers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deployment run step by step, as the window drives it: step, run to the end, run to a chosen
 * step, skip, re-run one step, stop (kills the running hook now) and reset (a fresh sandbox).
 * Operations queue on the session's own worker thread and return futures; listeners hear every change
 * on a separate event thread. As on an instance, a failed step ends "run to the end" and the steps
 * after it are marked not-run; the user may still go on explicitly with {@link #step()}.
 */
public final class StepSession implements AutoCloseable {
    private final RunTarget target;
    private final Sandbox sandbox;
    private final AgentSteps agent;
    private final HookEventStep hooks;
    private final HookRunner runner;
    private final EarlierDeployment earlier;
    private final SessionListener listener;
    private final ExecutorService worker;
    private final ExecutorService events;
    private final AtomicInteger generation = new AtomicInteger();
    private final List<StepState> steps = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final java.util.Queue<PendingLine> lines = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicBoolean linesScheduled = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean stopRequested;
    /** The hook running now and its step (-1 for the previous revision's deployment), or null. */
    private volatile Running running;
    private boolean prepared;

    /** @param workers where the session's worker and its listeners' thread come from */
    public StepSession(RunTarget target, Sandbox sandbox, AgentSteps agent, HookRunner runner, AppSpecParser parser,
                       SessionListener listener, Workers workers) {
        this.worker = Executors.newSingleThreadExecutor(workers.factory("hooklab-session"));
        this.events = Executors.newSingleThreadExecutor(workers.factory("hooklab-session-events"));
        this.target = target;
        this.sandbox = sandbox;
        this.agent = agent;
        this.listener = listener;
        this.runner = runner;
        this.hooks = new HookEventStep(target, sandbox, runner, parser, target.environment());
        this.earlier = target.previousDeployment().map(previous -> new EarlierDeployment(previous, sandbox, agent,
                new HookEventStep(previous, sandbox, runner, parser, previous.environment()))).orElse(null);
        for (String event : target.events()) {
            steps.add(StepState.pending(steps.size(), event, target.plan().sourceOf(event)));
        }
    }

    /** The steps as they stand now. */
    public synchronized List<StepState> steps() {
        return List.copyOf(steps);
    }

    /** What happened to the session as a whole (the previous revision deployed, resets). */
    public synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    public RunTarget target() {
        return target;
    }

    /** The deadline a script whose AppSpec asks for {@code appSpecSeconds} gets in this session (max timeout). */
    public int deadlineFor(int appSpecSeconds) {
        return runner.deadlineFor(appSpecSeconds);
    }

    /** Whether any step failed or timed out: the deployment would fail. */
    public synchronized boolean failed() {
        return steps.stream().anyMatch(s -> s.status().failure());
    }

    /** Runs the next step that has not run (also after a failure: the user goes on explicitly). */
    public CompletableFuture<Void> step() {
        return submit(() -> {
            int next = nextRunnable(0);
            if (next >= 0) {
                prepare();
                runStep(next);
            }
        });
    }

    /** Runs the remaining steps in order and stops at the first that fails. */
    public CompletableFuture<Void> runToEnd() {
        return runTo(Integer.MAX_VALUE);
    }

    /** Runs the remaining steps up to and including {@code index}, stopping at a failure. */
    public CompletableFuture<Void> runTo(int index) {
        return submit(() -> {
            int next = nextRunnable(0);
            if (next >= 0 && next <= index) {
                prepare();
            }
            while (next >= 0 && next <= index && !stopRequested) {
                runStep(next);
                if (status(next).failure()) {
                    markNotRunAfter(next);
                    return;
                }
                next = nextRunnable(next + 1);
            }
        });
    }

    /** Marks a step that has not run as skipped. */
    public CompletableFuture<Void> skip(int index) {
        return submit(() -> update(index, s -> s.status().runnable() ? s.with(StepStatus.SKIPPED) : s));
    }

    /** Runs one step again, whatever its state. */
    public CompletableFuture<Void> rerun(int index) {
        return submit(() -> {
            prepare();
            runStep(index);
        });
    }

    /** The script running now as {@code step}'s {@code location}, to read its output so far; else empty. */
    public Optional<RunningHook> running(int step, String location) {
        Running now = running;
        return now != null && now.step() == step && now.hook().location().equals(location)
                ? Optional.of(now.hook()) : Optional.empty();
    }

    private record Running(int step, RunningHook hook) {
    }

    /** A hook started for {@code step}: it is the one Stop ends (at once, if Stop came first). */
    private void started(int step, RunningHook hook) {
        running = new Running(step, hook);
        if (stopRequested) {
            hook.stop();
        }
    }

    /** Stops at once: the running hook is killed and queued operations are dropped. */
    public void stop() {
        stopRequested = true;
        generation.incrementAndGet();
        Running now = running;
        if (now != null) {
            now.hook().stop();
        }
    }

    /** A fresh sandbox: everything is deleted and every step is pending again. */
    public CompletableFuture<Void> reset() {
        stop();
        return submit(() -> {
            sandbox.reset();
            synchronized (this) {
                prepared = false;
                for (int i = 0; i < steps.size(); i++) {
                    StepState s = steps.get(i);
                    steps.set(i, StepState.pending(i, s.event(), s.revision()));
                }
            }
            note("The sandbox was reset: a fresh instance.");
            steps().forEach(s -> events.execute(() -> listener.stepChanged(s)));
        });
    }

    /** Marks every step that has not run as not-run (what the instance does after a failure). */
    public CompletableFuture<Void> finish() {
        return submit(() -> markNotRunAfter(-1));
    }

    @Override
    public void close() {
        stop();
        worker.shutdownNow();
        events.shutdown();
    }

    private interface Operation {
        void run() throws Exception;
    }

    private CompletableFuture<Void> submit(Operation op) {
        int asked = generation.get();
        CompletableFuture<Void> done = new CompletableFuture<>();
        worker.execute(() -> {
            try {
                if (generation.get() == asked) {
                    stopRequested = false;
                    op.run();
                }
                events.submit(() -> { }).get(); // listeners have heard everything before the future completes
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        return done;
    }

    /** Deploys the previous revision once, before the first step, as the group's earlier deployment (see {@link EarlierDeployment}). */
    private void prepare() throws SessionException, InterruptedException {
        synchronized (this) {
            if (prepared || earlier == null) {
                prepared = true;
                return;
            }
        }
        String done = earlier.deploy(() -> stopRequested, hook -> started(-1, hook));
        synchronized (this) {
            prepared = true;
        }
        note(done);
    }

    private void runStep(int index) {
        StepState start = update(index, s -> new StepState(s.index(), s.event(), s.revision(), StepStatus.RUNNING,
                List.of(), null, List.of(), 0));
        long t0 = System.nanoTime();
        StepStatus status;
        String agentMessage;
        List<String> stepNotes;
        List<ScriptState> scripts = List.of();
        try {
            switch (start.event()) {
                case Lifecycle.DOWNLOAD_BUNDLE -> {
                    StepOutcome o = agent.downloadBundle(target.bundle(), target.layout(), target.appspecName(), target.extraction(),
                            sandbox);
                    status = o.status();
                    agentMessage = o.agentMessage();
                    stepNotes = o.notes();
                }
                case Lifecycle.INSTALL -> {
                    StepOutcome o = agent.install(target.bundle(), target.layout(), target.appspecName(),
                            target.fileExistsBehavior(), sandbox);
                    status = o.status();
                    agentMessage = o.agentMessage();
                    stepNotes = o.notes();
                }
                default -> {
                    HookEventStep.Result r = hooks.run(start.event(), progress(index), () -> stopRequested);
                    status = r.status();
                    agentMessage = r.agentMessage();
                    stepNotes = r.notes();
                    scripts = r.scripts();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = StepStatus.FAILED;
            agentMessage = null;
            stepNotes = List.of("Interrupted.");
        } catch (Exception e) {
            status = StepStatus.FAILED;
            agentMessage = null;
            stepNotes = List.of("hooklab could not run this step: " + e.getMessage());
        } finally {
            running = null;
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        StepStatus endStatus = status;
        String endMessage = agentMessage;
        List<String> endNotes = stepNotes;
        List<ScriptState> endScripts = scripts;
        update(index, s -> new StepState(s.index(), s.event(), s.revision(), endStatus, endScripts, endMessage,
                endNotes, ms));
    }

    private HookEventStep.Progress progress(int index) {
        return new HookEventStep.Progress() {
            @Override
            public void scripts(List<ScriptState> scripts) {
                update(index, s -> s.withScripts(scripts));
            }

            @Override
            public void output(String location, OutputLine line) {
                lines.add(new PendingLine(index, location, line));
                if (linesScheduled.compareAndSet(false, true)) {
                    events.execute(StepSession.this::deliverLines);
                }
            }

            @Override
            public void note(String location, String text) {
                events.execute(() -> listener.scriptNote(index, location, text));
            }

            @Override
            public boolean listening() {
                return listener != SessionListener.NONE;
            }

            @Override
            public void started(RunningHook hook) {
                StepSession.this.started(index, hook);
            }
        };
    }

    /** A line waiting for the event thread. */
    private record PendingLine(int step, String location, OutputLine line) {
    }

    /** Hands every waiting line to the listener in one event-thread task: a hook may print millions. */
    private void deliverLines() {
        linesScheduled.set(false);
        PendingLine p;
        while ((p = lines.poll()) != null) {
            listener.output(p.step(), p.location(), p.line());
        }
    }

    private synchronized StepStatus status(int index) {
        return steps.get(index).status();
    }

    private synchronized int nextRunnable(int from) {
        for (int i = Math.max(0, from); i < steps.size(); i++) {
            if (steps.get(i).status().runnable()) {
                return i;
            }
        }
        return -1;
    }

    private void markNotRunAfter(int index) {
        for (int i = index + 1; i < steps().size(); i++) {
            update(i, s -> s.status() == StepStatus.PENDING ? s.with(StepStatus.NOT_RUN) : s);
        }
    }

    private StepState update(int index, java.util.function.UnaryOperator<StepState> change) {
        StepState next;
        synchronized (this) {
            StepState before = steps.get(index);
            next = change.apply(before);
            if (next.equals(before)) {
                return before;
            }
            steps.set(index, next);
        }
        StepState snapshot = next;
        events.execute(() -> listener.stepChanged(snapshot));
        return snapshot;
    }

    private void note(String text) {
        synchronized (this) {
            notes.add(text);
        }
        events.execute(() -> listener.note(text));
    }
}
