package dev.hooklab.diagnose.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hooklab.cli.HooklabCli;
import dev.hooklab.bundle.TestRevision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Lints small revisions through the real command line and checks where a diagnostic points. */
final class Linting {
    private final Path tmp;
    private int count;

    Linting(Path tmp) {
        this.tmp = tmp;
    }

    /** {@code hooklab lint --format json} on the revision written as a folder, plus more arguments. */
    HooklabCli.Result lint(TestRevision revision, String... more) {
        try {
            Path dir = Files.createDirectories(tmp.resolve("rev" + (++count)));
            return HooklabCli.lintJson(revision.folder(dir, "revision"), more);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same, written as a zip made on Unix. */
    HooklabCli.Result lintZip(TestRevision revision, String... more) {
        try {
            Path dir = Files.createDirectories(tmp.resolve("zip" + (++count)));
            return HooklabCli.lintJson(revision.zip(dir, "app.zip"), more);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A revision with this appspec.yml (text blocks are indented for reading only). */
    static TestRevision appspec(String yaml) {
        return TestRevision.withAppSpec(yaml);
    }

    /** 1-based {line, column} of the first occurrence of {@code needle} in {@code text}. */
    static int[] position(String text, String needle) {
        int at = text.indexOf(needle);
        if (at < 0) {
            throw new AssertionError("'" + needle + "' not in:\n" + text);
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[]{line, at - lineStart + 1};
    }

    /** Asserts the diagnostic points at the first occurrence of {@code needle} in {@code file}'s text. */
    static void assertPointsAt(JsonNode diagnostic, String file, String text, String needle) {
        int[] p = position(text, needle);
        assertThat(diagnostic.path("file").asText()).as("file of " + diagnostic).isEqualTo(file);
        assertThat(diagnostic.path("line").asInt()).as("line of " + diagnostic).isEqualTo(p[0]);
        assertThat(diagnostic.path("column").asInt()).as("column of " + diagnostic).isEqualTo(p[1]);
    }
}
