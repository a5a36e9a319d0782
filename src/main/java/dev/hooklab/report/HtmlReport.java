package dev.hooklab.report;

import dev.hooklab.report.ReportModel.Field;
import dev.hooklab.report.ReportModel.Finding;
import dev.hooklab.report.ReportModel.Note;
import dev.hooklab.report.ReportModel.PlanRow;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The report as one self-contained HTML page: inline CSS with a light and a dark scheme (the reader's
 * {@code prefers-color-scheme}), no script, no external resource, and a Content-Security-Policy that
 * forbids both, so the file shows the same offline and a hostile name cannot run anything. Every text from
 * the model is HTML-escaped; control characters are shown as escapes. The page is also well-formed XML
 * (void elements closed with {@code />}), so any XML tool can read it.
 */
final class HtmlReport {
    private static final String DASH = "—";

    /** The page's stylesheet, a resource beside this class, inlined into every page. */
    private static final String CSS = stylesheet();

    void write(ReportModel m, Writer out) throws IOException {
        StringBuilder b = new StringBuilder(8192);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<meta name=\"color-scheme\" content=\"light dark\"/>\n")
                .append("<title>hooklab report: ").append(esc(m.title())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        b.append("<h1>hooklab report: ").append(esc(m.title())).append("</h1>\n");
        if (m.generated() != null) {
            b.append("<p class=\"generated\">").append(esc(m.generated())).append("</p>\n");
        }
        b.append("<p class=\"verdict ").append(m.verdict().fails() ? "fail\">✗ " : "pass\">✓ ")
                .append(esc(m.verdict().sentence())).append("</p>\n");

        b.append("<h2>Revision</h2>\n");
        fields(m.revision(), b);
        b.append("<h2>Settings</h2>\n");
        fields(m.settings(), b);

        b.append("<h2>Plan</h2>\n<table class=\"plan\">\n<thead><tr><th>Event</th><th>Runs from</th>")
                .append("<th>Location (as written)</th><th>On-instance path</th><th>In the revision</th>")
                .append("<th>Timeout</th><th>Runas</th></tr></thead>\n<tbody>\n");
        for (PlanRow r : m.plan()) {
            plan(r, b);
        }
        b.append("</tbody>\n</table>\n");
        if (!m.notes().isEmpty()) {
            b.append("<ul class=\"notes\">\n");
            for (Note n : m.notes()) {
                b.append("<li><strong>").append(esc(n.event())).append("</strong>: ").append(esc(n.text()))
                        .append("</li>\n");
            }
            b.append("</ul>\n");
        }

        b.append("<h2>Findings</h2>\n");
        if (m.findings().isEmpty()) {
            b.append("<p>None.</p>\n");
        } else {
            b.append("<table class=\"findings\">\n<thead><tr><th>Severity</th><th>Code</th><th>Where</th>")
                    .append("<th>Message</th><th>Agent message</th><th>Fix</th></tr></thead>\n<tbody>\n");
            for (Finding f : m.findings()) {
                String sev = f.severity().label();
                b.append("<tr class=\"").append(sev).append("\"><td class=\"sev ").append(sev).append("\">")
                        .append(sev).append("</td><td>").append(code(f.code())).append("</td><td>")
                        .append(code(f.where())).append("</td><td>").append(esc(f.message())).append("</td><td>")
                        .append(code(f.agentMessage())).append("</td><td>").append(code(f.fix()))
                        .append("</td></tr>\n");
            }
            b.append("</tbody>\n</table>\n");
        }
        b.append("</body>\n</html>\n");
        out.write(b.toString());
        out.flush();
    }

    private static void fields(List<Field> fields, StringBuilder b) {
        b.append("<table class=\"fields\">\n");
        for (Field f : fields) {
            b.append("<tr><th scope=\"row\">").append(esc(f.name())).append("</th><td>")
                    .append(f.literal() ? code(f.value()) : esc(f.value())).append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static void plan(PlanRow r, StringBuilder b) {
        String cls = r.problem() ? " class=\"problem\"" : !r.runs() ? " class=\"never\"" : "";
        b.append("<tr").append(cls).append("><td>").append(esc(r.event())).append("</td><td>")
                .append(esc(r.runsFrom())).append("</td><td>").append(code(r.location())).append("</td><td>")
                .append(code(r.path())).append("</td><td>");
        if (r.statusText() == null) {
            b.append(DASH);
        } else {
            b.append(r.problem() ? "<span class=\"bad\">" + esc(r.statusText()) + "</span>" : esc(r.statusText()));
            if (r.detail() != null) {
                b.append(' ').append(code(r.detail()));
            }
        }
        b.append("</td><td class=\"num\">").append(r.timeout() == null ? DASH : r.timeout() + " s").append("</td><td>");
        if (r.location() == null) {
            b.append(DASH);
        } else {
            b.append(r.runas() == null ? (r.sudo() ? "sudo" : DASH) : code(r.runas()) + (r.sudo() ? " (sudo)" : ""));
        }
        b.append("</td></tr>\n");
    }

    private static String code(String s) {
        if (s == null) {
            return DASH;
        }
        return s.isEmpty() ? "(empty)" : "<code>" + esc(Visible.controls(s, false)) + "</code>";
    }

    /** HTML-escaped text: {@code & < > " '} as entities, line breaks as {@code <br/>}, controls shown. A null is a dash. */
    static String esc(String s) {
        if (s == null) {
            return DASH;
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                case '\n' -> b.append("<br/>");
                case '\r' -> {
                    if (i + 1 >= s.length() || s.charAt(i + 1) != '\n') {
                        b.append("<br/>");
                    }
                }
                default -> Visible.appendChar(b, c);
            }
        }
        return b.toString();
    }

    private static String stylesheet() {
        try (var in = HtmlReport.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the jar");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read report.css from the jar", e);
        }
    }
}
