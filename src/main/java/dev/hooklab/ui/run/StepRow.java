package dev.hooklab.ui.run;

import dev.hooklab.run.ScriptStatus;
import dev.hooklab.run.session.ScriptState;
import dev.hooklab.run.session.StepState;

import java.util.Locale;

/**
 * One row of the run view's step list: a step as it stands, and whether Run to end pauses before it.
 *
 * @param state      the step
 * @param breakpoint whether Run to end pauses before this step
 */
public record StepRow(StepState state, boolean breakpoint) {

    public int index() {
        return state.index();
    }

    public String event() {
        return state.event();
    }

    public RowStatus status() {
        return RowStatus.of(state);
    }

    /** The row's text: the event and its status as hooklab's JSON spells it ({@code AfterInstall failed}). */
    public String text() {
        RowStatus row = status();
        String label = state.status().label();
        return state.event() + "  " + label + (row.label().equals(label) ? "" : " (" + row.label() + ")");
    }

    /** Whose scripts it runs, in words: this revision, the previous revision, or the agent itself. */
    public String revisionText() {
        return switch (state.revision()) {
            case CURRENT -> "this revision";
            case PREVIOUS -> "previous revision";
            case AGENT -> "the agent";
        };
    }

    /** How long it took ({@code 1.2 s}), or empty before it ended. */
    public String durationText() {
        long ms = state.durationMs();
        boolean ended = state.status() == dev.hooklab.run.session.StepStatus.SUCCEEDED || state.status().failure();
        if (ms <= 0) {
            return ended ? "0.0 s" : "";
        }
        return ms < 60_000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000.0)
                : String.format(Locale.ROOT, "%d min %02d s", ms / 60_000, (ms / 1000) % 60);
    }

    /** The script the run would show for this step: the running one, else the last that ran, else the first; or null. */
    public String currentScript() {
        String last = null;
        for (ScriptState s : state.scripts()) {
            if (s.running()) {
                return s.location();
            }
            if (s.status() != null && s.status() != ScriptStatus.NOT_RUN && s.status() != ScriptStatus.SKIPPED) {
                last = s.location();
            }
        }
        if (last != null) {
            return last;
        }
        return state.scripts().isEmpty() ? null : state.scripts().get(0).location();
    }

    public StepRow withState(StepState s) {
        return new StepRow(s, breakpoint);
    }

    public StepRow withBreakpoint(boolean on) {
        return new StepRow(state, on);
    }
}
