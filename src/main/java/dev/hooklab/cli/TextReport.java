package dev.hooklab.cli;

import dev.hooklab.bundle.Bundle;
import dev.hooklab.bundle.TopFolder;
import dev.hooklab.finding.Diagnostic;
import dev.hooklab.finding.Severity;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.plan.PlannedEvent;
import dev.hooklab.plan.PlannedScript;

import java.io.PrintWriter;
import java.util.List;

import static dev.hooklab.cli.TerminalText.safe;

/** Terminal output: file:line, severity, message, the agent's words and the fix. */
final class TextReport {
    private final Style style;

    TextReport(Style style) {
        this.style = style;
    }

    /** {@code hooklab lint}: the diagnostics and a summary line. */
    void lint(Inspection in, PrintWriter out) {
        diagnostics(in.diagnostics(), out);
        summary(in, out);
    }

    /** {@code hooklab inspect}: the revision, the layout, every event with its paths, then the diagnostics. */
    void inspect(Inspection in, PrintWriter out) {
        DeploymentLayout l = in.plan().layout();
        out.println(style.bold("Revision    ") + revision(in));
        out.println(style.bold("AppSpec     ") + (in.appspecEntry() == null ? style.red("not found")
                : safe(in.appspecEntry()) + (in.appspec().valid() ? style.green("  (accepted by the agent)")
                : style.red("  (rejected by the agent)"))));
        out.println(style.bold("Deployment  ") + in.plan().type().label() + ", group " + safe(l.deploymentGroupId())
                + ", deployment " + safe(l.deploymentId()));
        out.println(style.bold("Archive     ") + safe(l.archiveDir()));
        out.println();
        out.println(style.bold("Lifecycle"));
        for (PlannedEvent e : in.plan().events()) {
            event(e, out);
        }
        out.println();
        if (!in.diagnostics().isEmpty()) {
            out.println(style.bold("Diagnostics"));
            diagnostics(in.diagnostics(), out);
        }
        summary(in, out);
    }

    private String revision(Inspection in) {
        if (in.bundle().isEmpty()) {
            return safe(in.input().toString()) + " (AppSpec alone: paths computed, bundle checks skipped)";
        }
        Bundle b = in.bundle().get();
        TopFolder top = b.archive().topFolder();
        long entries = b.entries().stream().filter(e -> !e.implicit()).count();
        return safe(in.input().toString()) + " (" + b.format().label() + ", " + entries + " entries"
                + (top.stripped() ? ", top folder '" + safe(top.folder()) + "/' stripped" : "") + ")";
    }

    private void event(PlannedEvent e, PrintWriter out) {
        String origin = switch (e.revision()) {
            case AGENT -> "agent step";
            case PREVIOUS -> "previous revision";
            case CURRENT -> "this revision";
        };
        String name = String.format("  %-20s", e.name());
        out.println((e.runs() ? style.bold(name) : style.dim(name)) + " " + style.dim(origin)
                + (e.runs() ? "" : style.dim("  (not run)")));
        if (e.note() != null && (!e.runs() || !e.scripts().isEmpty())) {
            out.println("      " + style.dim(safe(e.note())));
        }
        for (PlannedScript s : e.scripts()) {
            String where = switch (s.target()) {
                case FOUND -> style.green("found") + " " + safe(s.bundleEntry());
                case MISSING -> style.red("missing from the revision");
                case DIRECTORY -> style.red("a directory");
                case OUTSIDE_ARCHIVE -> style.yellow("outside deployment-archive")
                        + (s.installedBy() != null ? " (installed from " + safe(s.installedBy().archivePath()) + ")" : "");
                case UNKNOWN -> style.dim("not checked (AppSpec alone)");
            };
            StringBuilder extra = new StringBuilder(" timeout " + s.script().timeout() + "s");
            if (s.script().runas() != null) {
                extra.append(", runas ").append(safe(s.script().runas()));
            }
            if (s.script().sudo()) {
                extra.append(", sudo");
            }
            out.println("      " + safe(s.script().location()) + style.dim(extra.toString()));
            out.println("        " + style.cyan(safe(s.path())));
            out.println("        " + where);
        }
    }

    void diagnostics(List<Diagnostic> diagnostics, PrintWriter out) {
        for (Diagnostic d : diagnostics) {
            String where = d.file() == null ? "" : safe(d.file()) + (d.line() > 0 ? ":" + d.line()
                    + (d.column() > 0 ? ":" + d.column() : "") : "") + ": ";
            out.println(style.bold(where) + style.severity(d.severity()) + " " + style.dim("[" + d.code().slug() + "]")
                    + " " + safe(d.message()));
            if (d.agentMessage() != null) {
                out.println("    " + style.dim("agent: ") + safe(d.agentMessage()));
            }
            if (d.fix() != null) {
                out.println("    " + style.dim("fix:   ") + safe(d.fix()));
            }
        }
    }

    private void summary(Inspection in, PrintWriter out) {
        long e = in.count(Severity.ERROR);
        long w = in.count(Severity.WARNING);
        long i = in.count(Severity.INFO);
        String counts = e + " error" + (e == 1 ? "" : "s") + ", " + w + " warning" + (w == 1 ? "" : "s") + ", " + i
                + " info";
        out.println(e > 0 ? style.red(counts + ": the agent would fail this deployment.")
                : style.green(counts + ": the agent would accept this revision."));
        out.flush();
    }
}
