package dev.hooklab.report;

import dev.hooklab.report.ReportModel.Field;
import dev.hooklab.report.ReportModel.Finding;
import dev.hooklab.report.ReportModel.Note;
import dev.hooklab.report.ReportModel.PlanRow;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The report as GitHub-flavoured Markdown, to paste into a pull request or an issue. Everything from the
 * revision is either a code span (paths, ids, names, the agent's messages) or escaped text, and every
 * table cell stays one cell whatever it holds: {@code |} is escaped (also inside code spans, as GFM
 * requires), a line break becomes {@code <br>} in text and a visible {@code \x0a} in code.
 */
final class MarkdownReport {
    private static final String DASH = "—";

    void write(ReportModel m, Writer out) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("# hooklab report: ").append(text(m.title())).append("\n\n");
        if (m.generated() != null) {
            b.append('_').append(text(m.generated())).append("_\n\n");
        }
        b.append("**").append(m.verdict().fails() ? "✗ " : "✓ ").append(text(m.verdict().sentence())).append("**\n\n");

        b.append("## Revision\n\n");
        fields(m.revision(), b);
        b.append("## Settings\n\n");
        fields(m.settings(), b);

        b.append("## Plan\n\n");
        row(b, "Event", "Runs from", "Location (as written)", "On-instance path", "In the revision", "Timeout",
                "Runas");
        row(b, "---", "---", "---", "---", "---", "---:", "---");
        for (PlanRow r : m.plan()) {
            String status = r.statusText() == null ? DASH
                    : (r.problem() ? "**" + text(r.statusText()) + "**" : text(r.statusText()))
                    + (r.detail() == null ? "" : " " + code(r.detail()));
            String runas = r.runas() == null ? (r.sudo() ? "sudo" : DASH)
                    : code(r.runas()) + (r.sudo() ? " (sudo)" : "");
            row(b, text(r.event()), text(r.runsFrom()), code(r.location()), code(r.path()), status,
                    r.timeout() == null ? DASH : r.timeout() + " s", r.location() == null ? DASH : runas);
        }
        b.append('\n');
        if (!m.notes().isEmpty()) {
            for (Note n : m.notes()) {
                b.append("- **").append(text(n.event())).append("**: ").append(text(n.text())).append('\n');
            }
            b.append('\n');
        }

        b.append("## Findings\n\n");
        if (m.findings().isEmpty()) {
            b.append("None.\n");
        } else {
            row(b, "Severity", "Code", "Where", "Message", "Agent message", "Fix");
            row(b, "---", "---", "---", "---", "---", "---");
            for (Finding f : m.findings()) {
                row(b, f.severity().label(), code(f.code()), code(f.where()), text(f.message()),
                        code(f.agentMessage()), code(f.fix()));
            }
        }
        out.write(b.toString());
        out.flush();
    }

    private static void fields(List<Field> fields, StringBuilder b) {
        row(b, "", "");
        row(b, "---", "---");
        for (Field f : fields) {
            row(b, text(f.name()), f.literal() ? code(f.value()) : text(f.value()));
        }
        b.append('\n');
    }

    private static void row(StringBuilder b, String... cells) {
        b.append('|');
        for (String c : cells) {
            b.append(' ').append(c).append(" |");
        }
        b.append('\n');
    }

    /**
     * Text that renders as itself inside a table cell: Markdown and HTML punctuation backslash-escaped, line
     * breaks as {@code <br>}, other control characters shown as escapes. A null is a dash.
     */
    static String text(String s) {
        if (s == null) {
            return DASH;
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                continue;
            }
            if (c == '\n' || c == '\r') {
                b.append("<br>");
            } else if ("\\`*_[]<>|~#!&$".indexOf(c) >= 0) {
                b.append('\\').append(c);
            } else {
                Visible.appendChar(b, c);
            }
        }
        return b.toString();
    }

    /**
     * A code span that shows the value exactly inside a table cell: a fence longer than any run of backticks
     * in it, padded when it starts or ends with a backtick or a space, {@code |} escaped, control characters
     * (a line break too) shown as escapes. A null is a dash; an empty value is said in words.
     *
     * <p>GFM splits a row before inline parsing and reads {@code \\} as an escaped pair there, so a backslash
     * right before an escaped {@code |} would end the cell; such a value becomes a {@code <code>} element
     * holding escaped text instead.
     */
    static String code(String s) {
        if (s == null) {
            return DASH;
        }
        if (s.isEmpty()) {
            return "(empty)";
        }
        if (s.contains("\\|")) {
            return "<code>" + text(Visible.controls(s, false)) + "</code>";
        }
        String body = Visible.controls(s, false).replace("|", "\\|");
        int longest = 0;
        int run = 0;
        for (int i = 0; i < body.length(); i++) {
            run = body.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = edge(body.charAt(0)) || edge(body.charAt(body.length() - 1));
        return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
    }

    private static boolean edge(char c) {
        return c == '`' || c == ' ';
    }
}
