package dev.hooklab.ui.shell;

import dev.hooklab.inspect.Inspection;
import dev.hooklab.report.ReportFormat;
import dev.hooklab.report.ReportWriter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes the report of the open revision (File > Export report): into a temporary file beside the target, then
 * moved over it, so a failed write never leaves half a report where the user asked for one.
 */
final class ReportExport {
    private final ReportWriter writer;

    ReportExport(ReportWriter writer) {
        this.writer = writer;
    }

    /** The name the save dialog proposes: the revision's name without its extension, then {@code -report.md}. */
    static String suggestedName(Inspection in) {
        Path name = in.input().getFileName();
        String base = name == null ? "hooklab" : name.toString().replaceFirst("\\.(zip|tar|tgz|tar\\.gz|ya?ml)$", "");
        return base + "-report." + ReportFormat.MARKDOWN.extension();
    }

    /** Why a report could not be written, in words. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Writes the report of {@code in} to {@code target} in {@code format}. */
    void write(Inspection in, Path target, ReportFormat format) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                writer.write(in, format, out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
