package dev.hooklab.diagnose.rules;

import dev.hooklab.finding.Diagnostic;

import java.util.function.Consumer;

/** One family of checks over a revision. */
interface Rule {
    void check(RevisionFacts facts, Consumer<Diagnostic> out);
}
