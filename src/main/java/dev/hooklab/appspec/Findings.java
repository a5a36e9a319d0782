package dev.hooklab.appspec;

import dev.hooklab.finding.Diagnostic;
import dev.hooklab.finding.DiagnosticCode;
import dev.hooklab.finding.Severity;

import java.util.ArrayList;
import java.util.List;

/** Collects the diagnostics about one AppSpec file, in the order they are found. */
final class Findings {
    private final String fileName;
    private final List<Diagnostic> found = new ArrayList<>();

    Findings(String fileName) {
        this.fileName = fileName;
    }

    /**
     * Something the agent rejects.
     *
     * @param agentMessage the agent's exact text, or null when it has none (a limit of hooklab's own)
     */
    void error(DiagnosticCode code, Mark at, String message, String agentMessage, String fix) {
        add(Severity.ERROR, code, at, message, agentMessage, fix);
    }

    /** Something the agent accepts but that probably does not do what was meant. */
    void warning(DiagnosticCode code, Mark at, String message, String fix) {
        add(Severity.WARNING, code, at, message, null, fix);
    }

    /** An empty collector for the same file, for findings that may be dropped. */
    Findings scratch() {
        return new Findings(fileName);
    }

    void addAll(Findings other) {
        found.addAll(other.found);
    }

    boolean hasErrors() {
        return found.stream().anyMatch(Diagnostic::isError);
    }

    List<Diagnostic> all() {
        return List.copyOf(found);
    }

    private void add(Severity severity, DiagnosticCode code, Mark at, String message, String agentMessage, String fix) {
        Mark mark = at == null ? Mark.NONE : at;
        found.add(new Diagnostic(severity, code, message, agentMessage, fileName, mark.line(), mark.column(), fix));
    }
}
