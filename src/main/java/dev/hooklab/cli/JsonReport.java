package dev.hooklab.cli;

import dev.hooklab.bundle.Bundle;
import dev.hooklab.finding.Diagnostic;
import dev.hooklab.finding.Severity;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.plan.PlannedEvent;
import dev.hooklab.plan.PlannedScript;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** The JSON of {@code hooklab lint} and {@code hooklab inspect}; field names are the contract of DESIGN.md. */
final class JsonReport {

    void write(Inspection in, Writer out) throws IOException {
        try (Json j = new Json(out)) {
            j.object();
            bundle(j, in);
            j.object("appspec")
                    .field("entry", in.appspecEntry())
                    .field("valid", in.appspecAccepted())
                    .field("configuredName", in.lookup().map(l -> l.configuredName()).orElse(null))
                    .end();
            layout(j, in.plan().layout());
            j.field("deploymentType", in.plan().type().label());
            j.array("events");
            for (PlannedEvent e : in.plan().hookEvents()) {
                event(j, e);
            }
            j.endArray();
            diagnostics(j, in.diagnostics());
            j.object("summary")
                    .field("errors", in.count(Severity.ERROR))
                    .field("warnings", in.count(Severity.WARNING))
                    .field("info", in.count(Severity.INFO))
                    .end();
            j.end();
        }
        out.write(System.lineSeparator());
        out.flush();
    }

    private static void bundle(Json j, Inspection in) throws IOException {
        if (in.bundle().isEmpty()) {
            j.nullField("bundle");
            return;
        }
        Bundle b = in.bundle().get();
        var top = b.archive().topFolder();
        j.object("bundle")
                .field("format", b.format().label())
                .field("entries", b.entries().stream().filter(e -> !e.implicit()).count())
                .field("topLevelFolderStripped", top.stripped())
                .field("topLevelFolder", top.stripped() ? top.folder() : null)
                .field("input", in.input().toString())
                .end();
    }

    static void layout(Json j, DeploymentLayout l) throws IOException {
        j.object("layout")
                .field("os", l.os().label())
                .field("rootDir", l.rootDir())
                .field("deploymentGroupId", l.deploymentGroupId())
                .field("deploymentId", l.deploymentId())
                .field("deploymentDir", l.deploymentDir())
                .field("archiveDir", l.archiveDir())
                .field("scriptsLog", l.scriptsLog())
                .end();
    }

    private static void event(Json j, PlannedEvent e) throws IOException {
        j.object()
                .field("name", e.name())
                .field("revision", e.revision().label())
                .field("runs", e.runs())
                .field("note", e.note())
                .position("line", e.mark().line());
        j.array("scripts");
        for (PlannedScript s : e.scripts()) {
            j.object()
                    .field("location", s.script().location())
                    .field("path", s.path())
                    .field("bundleEntry", s.bundleEntry())
                    .field("timeout", (long) s.script().timeout())
                    .field("runas", s.script().runas())
                    .field("sudo", s.script().sudo())
                    .field("target", s.target().label())
                    .position("line", s.script().mark().line())
                    .end();
        }
        j.endArray().end();
    }

    static void diagnostics(Json j, List<Diagnostic> diagnostics) throws IOException {
        j.array("diagnostics");
        for (Diagnostic d : diagnostics) {
            j.object()
                    .field("severity", d.severity().label())
                    .field("code", d.code().slug())
                    .field("message", d.message())
                    .field("agentMessage", d.agentMessage())
                    .field("file", d.file())
                    .position("line", d.line())
                    .position("column", d.column())
                    .field("fix", d.fix())
                    .end();
        }
        j.endArray();
    }
}
