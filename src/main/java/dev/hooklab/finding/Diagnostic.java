package dev.hooklab.finding;

import java.util.Objects;

/**
 * One finding about a revision.
 *
 * @param severity     error (the agent fails), warning, info
 * @param code         stable kebab-case slug from {@link DiagnosticCode}
 * @param message      our explanation, one or two sentences
 * @param agentMessage the agent's own text when it fails, or null
 * @param file         revision-relative file the finding is about ({@code appspec.yml}, {@code scripts/start.sh}), or null
 * @param line         1-based line in {@code file}, 0 when unknown
 * @param column       1-based column in {@code file}, 0 when unknown
 * @param fix          what to change, or null
 */
public record Diagnostic(
        Severity severity,
        DiagnosticCode code,
        String message,
        String agentMessage,
        String file,
        int line,
        int column,
        String fix) {

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column are 1-based, 0 for unknown");
        }
    }

    public static Diagnostic of(Severity severity, DiagnosticCode code, String message) {
        return new Diagnostic(severity, code, message, null, null, 0, 0, null);
    }

    public static Diagnostic error(DiagnosticCode code, String message) {
        return of(Severity.ERROR, code, message);
    }

    public static Diagnostic warning(DiagnosticCode code, String message) {
        return of(Severity.WARNING, code, message);
    }

    public static Diagnostic info(DiagnosticCode code, String message) {
        return of(Severity.INFO, code, message);
    }

    public Diagnostic withAgentMessage(String text) {
        return new Diagnostic(severity, code, message, text, file, line, column, fix);
    }

    public Diagnostic at(String inFile, int atLine, int atColumn) {
        return new Diagnostic(severity, code, message, agentMessage, inFile, atLine, atColumn, fix);
    }

    public Diagnostic inFile(String inFile) {
        return new Diagnostic(severity, code, message, agentMessage, inFile, line, column, fix);
    }

    public Diagnostic withFix(String text) {
        return new Diagnostic(severity, code, message, agentMessage, file, line, column, text);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
