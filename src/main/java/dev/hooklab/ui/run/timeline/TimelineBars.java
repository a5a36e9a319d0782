package dev.hooklab.ui.run.timeline;

import dev.hooklab.appspec.HookScript;
import dev.hooklab.plan.DeploymentPlan;
import dev.hooklab.plan.PlannedEvent;
import dev.hooklab.plan.PlannedScript;
import dev.hooklab.plan.RevisionSource;
import dev.hooklab.run.session.RunTarget;
import dev.hooklab.run.session.ScriptState;
import dev.hooklab.run.session.StepState;
import dev.hooklab.run.session.StepStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

/**
 * What the timeline draws, without any toolkit: one bar per script (and per agent step: DownloadBundle, Install) laid
 * end to end on the run's time axis in the order they run, each with its AppSpec timeout as its track, and each
 * event's total against the service's limit of 3600 seconds per lifecycle event.
 *
 * @param bars    the bars in run order
 * @param events  every step's total, in order
 * @param totalMs the run's axis: the sum of every bar's duration so far
 */
public record TimelineBars(List<Bar> bars, List<EventTotal> events, long totalMs) {
    /** CodeDeploy fails a lifecycle event that has not ended after an hour, whatever its scripts' timeouts. */
    public static final long EVENT_LIMIT_MS = 3_600_000L;
    /** The status of a script that has not started. */
    public static final String PENDING = "pending";
    /** The status of the script that runs now. */
    public static final String RUNNING = "running";

    public TimelineBars {
        bars = List.copyOf(bars);
        events = List.copyOf(events);
    }

    /**
     * One script's run (or an agent step's).
     *
     * @param step       the step's index
     * @param event      the lifecycle event
     * @param location   the script's location as written in the AppSpec; null for an agent step
     * @param status     as the CLI's JSON spells it: {@code succeeded}, {@code failed}, {@code timed-out},
     *                   {@code running}, {@code pending}, {@code not-run}, ...
     * @param startMs    where it starts on the run's axis
     * @param durationMs how long it ran (so far, while running)
     * @param timeoutMs  its deadline (the AppSpec timeout, capped by the max timeout), the bar's track; 0 for an
     *                   agent step, which has none
     */
    public record Bar(int step, String event, String location, String status, long startMs, long durationMs,
                      long timeoutMs) {

        /** What the bar stands for: the script's location, or the agent step's name. */
        public String label() {
            return location != null ? location : event;
        }

        /** How much of its timeout it used, 0 to 1 (0 without a timeout). */
        public double ofTimeout() {
            return timeoutMs <= 0 ? 0 : Math.min(1.0, (double) durationMs / timeoutMs);
        }

        /** Whether it ran or runs (pending, skipped and not-run bars have no duration to show). */
        public boolean started() {
            return !(status.equals(PENDING) || status.equals("not-run") || status.equals("skipped"));
        }

        /** The hover text: script, status and duration, with the timeout. */
        public String describe() {
            String what = location != null ? event + " · " + location : event + " (the agent's own step)";
            String took = started() ? " · " + seconds(durationMs) + (status.equals(RUNNING) ? " so far" : "") : "";
            String limit = timeoutMs > 0 ? " (timeout " + seconds(timeoutMs) + ")" : "";
            return what + "\n" + status + took + limit;
        }
    }

    /**
     * A lifecycle event's total.
     *
     * @param step    the step's index
     * @param event   the event
     * @param status  the step's status ({@link StepStatus#label})
     * @param totalMs how long the event took (so far)
     * @param scripts how many bars it has
     */
    public record EventTotal(int step, String event, String status, long totalMs, int scripts) {

        /** How much of the service's hour it used, 0 to 1. */
        public double ofLimit() {
            return Math.min(1.0, (double) totalMs / EVENT_LIMIT_MS);
        }
    }

    /** An empty timeline (no session). */
    public static TimelineBars empty() {
        return new TimelineBars(List.of(), List.of(), 0);
    }

    /**
     * @param steps            the session's steps as they stand
     * @param target           the deployment, for the scripts' timeouts and the scripts of steps that have not run
     * @param deadline         the deadline a script gets for its AppSpec timeout, in seconds (the max timeout caps it)
     * @param runningElapsedMs how long the script running now has run
     */
    public static TimelineBars of(List<StepState> steps, RunTarget target, IntUnaryOperator deadline,
                                  long runningElapsedMs) {
        List<Bar> bars = new ArrayList<>();
        List<EventTotal> events = new ArrayList<>();
        long at = 0;
        for (StepState step : steps) {
            List<Bar> own = new ArrayList<>();
            if (step.revision() == RevisionSource.AGENT) {
                long took = step.status() == StepStatus.RUNNING ? runningElapsedMs : step.durationMs();
                own.add(new Bar(step.index(), step.event(), null, step.status().label(), at, took, 0));
            } else if (!step.scripts().isEmpty()) {
                for (ScriptState script : step.scripts()) {
                    String status = script.running() ? RUNNING
                            : script.status() == null ? PENDING : script.status().json();
                    long took = script.running() ? runningElapsedMs
                            : script.run() != null ? script.run().durationMs() : 0;
                    long timeoutMs = script.run() != null && script.run().context() != null
                            ? script.run().context().timeoutSeconds() * 1000L // the deadline it ran against
                            : deadline.applyAsInt(appSpecTimeout(target, step, script.location())) * 1000L;
                    own.add(new Bar(step.index(), step.event(), script.location(), status, at, took, timeoutMs));
                    at += took;
                }
            } else if (step.status().runnable() || step.status() == StepStatus.SKIPPED) {
                for (PlannedScript planned : planned(target, step)) {
                    own.add(new Bar(step.index(), step.event(), planned.script().location(), step.status().label(), at,
                            0, deadline.applyAsInt(planned.script().timeout()) * 1000L));
                }
            }
            if (step.revision() == RevisionSource.AGENT) {
                at += own.get(0).durationMs();
            }
            bars.addAll(own);
            long total = step.status() == StepStatus.RUNNING || step.durationMs() == 0
                    ? own.stream().mapToLong(Bar::durationMs).sum() : step.durationMs();
            events.add(new EventTotal(step.index(), step.event(), step.status().label(), total, own.size()));
        }
        return new TimelineBars(bars, events, at);
    }

    /** The plan whose scripts the step runs: the previous revision's for the events that run the last successful one. */
    private static Optional<DeploymentPlan> planOf(RunTarget target, StepState step) {
        if (step.revision() == RevisionSource.PREVIOUS) {
            return target.previousDeployment().map(RunTarget::plan);
        }
        return Optional.of(target.plan());
    }

    private static List<PlannedScript> planned(RunTarget target, StepState step) {
        return planOf(target, step).flatMap(plan -> plan.event(step.event())).map(PlannedEvent::scripts)
                .orElse(List.of());
    }

    private static int appSpecTimeout(RunTarget target, StepState step, String location) {
        return planned(target, step).stream().map(PlannedScript::script)
                .filter(script -> script.location().equals(location)).mapToInt(HookScript::timeout)
                .findFirst().orElse(HookScript.DEFAULT_TIMEOUT);
    }

    /** {@code 0.42 s}, {@code 12 s}, {@code 3 min 20 s}, {@code 1 h}. */
    public static String seconds(long ms) {
        if (ms < 10_000) {
            return String.format(java.util.Locale.ROOT, "%.2f s", ms / 1000.0);
        }
        long s = Math.round(ms / 1000.0);
        if (s % 3600 == 0) {
            return s / 3600 + " h";
        }
        return s < 120 ? s + " s" : s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
    }
}
