package dev.hooklab.cli;

import dev.hooklab.finding.Diagnostic;
import dev.hooklab.finding.DiagnosticCode;
import dev.hooklab.inspect.InputKind;
import dev.hooklab.inspect.Inspection;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * SARIF 2.1.0 for GitHub code scanning: one rule per diagnostic code with its help text, one result per
 * diagnostic with a region in appspec.yml or the script when they are files in the repository.
 */
final class SarifReport {
    private final Path workingDir;
    private final String version;

    SarifReport(Path workingDir, String version) {
        this.workingDir = workingDir.toAbsolutePath().normalize();
        this.version = version;
    }

    void write(Inspection in, Writer out) throws IOException {
        try (Json j = new Json(out)) {
            j.object()
                    .field("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
                    .field("version", "2.1.0");
            j.array("runs").object();
            j.object("tool").object("driver")
                    .field("name", "hooklab")
                    .field("version", version)
                    .field("informationUri", "https://github.com/hooklab/hooklab");
            j.array("rules");
            for (DiagnosticCode c : DiagnosticCode.values()) {
                j.object()
                        .field("id", c.slug())
                        .field("name", pascal(c.slug()))
                        .object("shortDescription").field("text", c.title()).end()
                        .object("fullDescription").field("text", c.help()).end()
                        .object("help").field("text", c.title() + ". " + c.help())
                        .field("markdown", "**" + c.title() + "**\n\n" + c.help()).end()
                        .end();
            }
            j.endArray().end().end();
            j.array("results");
            for (Diagnostic d : in.diagnostics()) {
                result(j, in, d);
            }
            j.endArray();
            j.end().endArray().end();
        }
        out.write(System.lineSeparator());
        out.flush();
    }

    private void result(Json j, Inspection in, Diagnostic d) throws IOException {
        Artifact artifact = artifact(in, d);
        boolean navigable = artifact.lines();
        StringBuilder text = new StringBuilder(d.message());
        if (in.kind() == InputKind.ARCHIVE && d.file() != null) {
            text.append(" (in ").append(in.input().getFileName()).append(": ").append(d.file())
                    .append(d.line() > 0 ? ":" + d.line() : "").append(")");
        }
        if (d.agentMessage() != null) {
            text.append("\nAgent: ").append(d.agentMessage());
        }
        if (d.fix() != null) {
            text.append("\nFix: ").append(d.fix());
        }
        j.object()
                .field("ruleId", d.code().slug())
                .field("ruleIndex", d.code().ordinal())
                .field("level", switch (d.severity()) {
                    case ERROR -> "error";
                    case WARNING -> "warning";
                    case INFO -> "note";
                })
                .object("message").field("text", text.toString()).end();
        j.array("locations").object().object("physicalLocation")
                .object("artifactLocation").field("uri", uri(artifact.path())).end();
        j.object("region")
                .field("startLine", navigable && d.line() > 0 ? d.line() : 1);
        if (navigable && d.column() > 0) {
            j.field("startColumn", d.column());
        }
        j.end().end().end().endArray();
        j.end();
    }

    /** @param path the file a result points at; @param lines whether its line numbers are the diagnostic's */
    private record Artifact(Path path, boolean lines) {
    }

    /** The file on disk a diagnostic is about: the AppSpec or script when they are files, else the input. */
    private static Artifact artifact(Inspection in, Diagnostic d) {
        Path input = in.input().toAbsolutePath().normalize();
        if (d.file() == null) {
            return new Artifact(input, false);
        }
        if (in.appspecSource() != null && d.file().equals(in.appspecEntry())) {
            return new Artifact(in.appspecSource().toAbsolutePath().normalize(), true);
        }
        if (in.kind() == InputKind.FOLDER) {
            return new Artifact(input.resolve(d.file()).normalize(), true);
        }
        return new Artifact(input, in.kind() == InputKind.APPSPEC);
    }

    private String uri(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        if (abs.startsWith(workingDir)) {
            return workingDir.relativize(abs).toString().replace('\\', '/');
        }
        return abs.toUri().toString();
    }

    private static String pascal(String slug) {
        StringBuilder b = new StringBuilder();
        for (String part : slug.split("-")) {
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.toString();
    }
}
