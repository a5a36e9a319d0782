package dev.hooklab.report;

import java.util.Locale;
import java.util.Optional;

/** The formats a report is written in, with the file name extension a save dialog offers. */
public enum ReportFormat {
    /** GitHub-flavoured Markdown, to paste into a pull request or an issue. */
    MARKDOWN("Markdown", "md"),
    /** One self-contained HTML page. */
    HTML("HTML", "html");

    private final String label;
    private final String extension;

    ReportFormat(String label, String extension) {
        this.label = label;
        this.extension = extension;
    }

    /** The name to show: "Markdown", "HTML". */
    public String label() {
        return label;
    }

    /** The file name extension, without the dot: "md", "html". */
    public String extension() {
        return extension;
    }

    /** The format a file name asks for by its extension ({@code .md}, {@code .markdown}, {@code .html}, {@code .htm}). */
    public static Optional<ReportFormat> forFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
            return Optional.of(MARKDOWN);
        }
        if (lower.endsWith(".html") || lower.endsWith(".htm")) {
            return Optional.of(HTML);
        }
        return Optional.empty();
    }
}
