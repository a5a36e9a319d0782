package dev.hooklab.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a report goes: stdout, a device or pipe written directly, or a regular file replaced whole
 * (written beside it, then moved into place, so nothing is left half-written on failure).
 */
final class Output {
    private Output() {
    }

    interface Body {
        void write(PrintWriter out) throws IOException;
    }

    static void to(Path file, PrintWriter stdout, Body body) throws IOException, UserError {
        if (file == null) {
            body.write(stdout);
            stdout.flush();
            return;
        }
        try {
            toFile(file.toAbsolutePath(), body);
        } catch (NoSuchFileException e) {
            Path parent = file.toAbsolutePath().getParent();
            throw new UserError(file + ": cannot write the report: "
                    + (parent != null && Files.isDirectory(parent) ? "cannot create a file there" : "no such folder"));
        } catch (AccessDeniedException e) {
            throw new UserError(file + ": cannot write the report: permission denied");
        } catch (FileSystemException e) {
            throw new UserError(file + ": cannot write the report: "
                    + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName()));
        }
    }

    private static void toFile(Path absolute, Body body) throws IOException {
        if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
            // a device or a pipe (/dev/null, /dev/stdout, a FIFO): write straight into it, never replace it
            try (Writer w = new OutputStreamWriter(Files.newOutputStream(absolute), StandardCharsets.UTF_8);
                 PrintWriter pw = new PrintWriter(w)) {
                body.write(pw);
            }
            return;
        }
        Path tmp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        try (Writer w = new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8);
             PrintWriter pw = new PrintWriter(w)) {
            body.write(pw);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, absolute, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
