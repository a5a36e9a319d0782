package dev.hooklab.run.session;

import dev.hooklab.plan.RevisionSource;

import java.util.List;

/**
 * A snapshot of one lifecycle step.
 *
 * @param index        its position in the session
 * @param event        the lifecycle event (DownloadBundle and Install included)
 * @param revision     whose scripts it runs: current, previous, or the agent's own step
 * @param status       where it stands
 * @param scripts      its scripts, once known (a hook event learns them when it reads its AppSpec)
 * @param agentMessage the agent's message when the step failed outside a script (AppSpec not found, extraction,
 *                     Install), else null
 * @param notes        what to know: the revision it ran from, nothing to run on a first deployment, sandbox
 *                     differences
 * @param durationMs   how long it took, 0 before it ran
 */
public record StepState(int index, String event, RevisionSource revision, StepStatus status,
                        List<ScriptState> scripts, String agentMessage, List<String> notes, long durationMs) {

    public StepState {
        scripts = List.copyOf(scripts);
        notes = List.copyOf(notes);
    }

    static StepState pending(int index, String event, RevisionSource revision) {
        return new StepState(index, event, revision, StepStatus.PENDING, List.of(), null, List.of(), 0);
    }

    StepState with(StepStatus newStatus) {
        return new StepState(index, event, revision, newStatus, scripts, agentMessage, notes, durationMs);
    }

    StepState withScripts(List<ScriptState> newScripts) {
        return new StepState(index, event, revision, status, newScripts, agentMessage, notes, durationMs);
    }
}
