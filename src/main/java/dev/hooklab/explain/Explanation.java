package dev.hooklab.explain;

import dev.hooklab.finding.Diagnostic;
import dev.hooklab.plan.PlannedScript;

import java.util.List;
import java.util.Optional;

/**
 * What hooklab makes of a pasted error: what it recognised, the script and findings of the open revision it
 * matches, and in words what happened and what to change.
 *
 * @param recognized   what the text reports; empty when hooklab recognises nothing in it
 * @param withRevision whether a revision was given to match against
 * @param script       the planned script of the revision the error is about, if one matches
 * @param findings     the revision's findings about it, errors first (empty without a revision)
 * @param happened     what happened, in words (for unrecognised text: the one sentence saying so)
 * @param change       what to change, in words; empty when there is nothing to change (a bare path)
 */
public record Explanation(Optional<Recognized> recognized, boolean withRevision, Optional<ScriptMatch> script,
                          List<Diagnostic> findings, String happened, String change) {

    public Explanation {
        findings = List.copyOf(findings);
    }

    /**
     * A hook script of the plan.
     *
     * @param event  its lifecycle event
     * @param index  its place among the event's scripts (0-based)
     * @param script the planned script: its AppSpec entry (with line and column), path, target and bundle entry
     */
    public record ScriptMatch(String event, int index, PlannedScript script) {
    }

    public boolean isRecognized() {
        return recognized.isPresent();
    }
}
