package dev.hooklab.cli;

import dev.hooklab.explain.Explanation;
import dev.hooklab.explain.Recognized;
import dev.hooklab.finding.Diagnostic;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.plan.PlannedScript;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;

import static dev.hooklab.cli.TerminalText.safe;

/** {@code hooklab explain}'s output: what was recognised, what it matches in the revision, and the words. */
final class ExplainReport {
    private final Style style;

    ExplainReport(Style style) {
        this.style = style;
    }

    void text(Explanation e, Optional<Inspection> in, PrintWriter out) {
        Recognized r = e.recognized().orElseThrow();
        row(out, "Recognized", r.kind().label());
        row(out, "Event", r.event());
        row(out, "Location", r.location());
        row(out, "Run as", r.runas());
        row(out, "Path", r.path());
        row(out, "Root dir", r.rootDir());
        row(out, "Group id", r.deploymentGroupId());
        row(out, "Deployment", r.deploymentId());
        row(out, "In archive", r.archivePath());
        row(out, "Exit code", r.killedBySignal() ? "none (killed by a signal)"
                : r.exitCode() == null ? null : r.exitCode().toString());
        row(out, "Timeout", r.seconds() == null ? null : r.seconds() + " s");
        row(out, "Left open", r.channel());
        row(out, "Error", r.errno());
        row(out, "Finding", r.code() == null ? null : r.code().slug()
                + (r.line() == null ? "" : " at line " + r.line() + ", column " + r.column()));
        if (in.isPresent()) {
            row(out, "Revision", in.get().input().toString());
            e.script().ifPresent(m -> row(out, "Script", m.event() + " #" + (m.index() + 1) + ": "
                    + m.script().script().location() + " -> " + m.script().target().label()));
            for (Diagnostic d : e.findings()) {
                out.println("  " + style.severity(d.severity()) + " [" + d.code().slug() + "] "
                        + (d.file() == null ? "" : safe(d.file()) + (d.line() > 0 ? ":" + d.line() : "") + ": ")
                        + safe(d.message()));
            }
        }
        out.println();
        out.println(style.bold("What happened"));
        out.println("  " + safe(e.happened()));
        if (!e.change().isEmpty()) {
            out.println(style.bold("What to change"));
            e.change().lines().forEach(l -> out.println("  " + safe(l)));
        }
    }

    private void row(PrintWriter out, String name, String value) {
        if (value != null) {
            out.println(style.bold(String.format("%-12s", name)) + safe(value));
        }
    }

    static void json(Explanation e, Optional<Inspection> in, PrintWriter out) throws IOException {
        Recognized r = e.recognized().orElseThrow();
        try (Json j = new Json(out)) {
            j.object()
                    .field("recognized", true)
                    .field("kind", r.kind().label())
                    .field("message", r.message())
                    .field("event", r.event())
                    .field("location", r.location())
                    .field("runas", r.runas())
                    .field("path", r.path())
                    .field("rootDir", r.rootDir())
                    .field("deploymentGroupId", r.deploymentGroupId())
                    .field("deploymentId", r.deploymentId())
                    .field("archivePath", r.archivePath())
                    .field("exitCode", r.exitCode() == null ? null : Long.valueOf(r.exitCode()))
                    .field("killedBySignal", r.killedBySignal())
                    .field("seconds", r.seconds() == null ? null : Long.valueOf(r.seconds()))
                    .field("channel", r.channel())
                    .field("errno", r.errno())
                    .field("code", r.code() == null ? null : r.code().slug())
                    .field("line", r.line() == null ? null : Long.valueOf(r.line()))
                    .field("column", r.column() == null ? null : Long.valueOf(r.column()))
                    .field("revision", in.map(i -> i.input().toString()).orElse(null));
            if (e.script().isPresent()) {
                Explanation.ScriptMatch m = e.script().get();
                PlannedScript s = m.script();
                j.object("script")
                        .field("event", m.event())
                        .field("index", (long) m.index())
                        .field("location", s.script().location())
                        .field("path", s.path())
                        .field("bundleEntry", s.bundleEntry())
                        .field("target", s.target().label())
                        .position("line", s.script().mark().line())
                        .position("column", s.script().mark().column())
                        .end();
            } else {
                j.nullField("script");
            }
            JsonReport.diagnostics(j, e.findings());
            j.field("happened", e.happened()).field("change", e.change().isEmpty() ? null : e.change()).end();
        }
        out.println();
    }
}
