package dev.hooklab.ui.run.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The whole output read back by line from its spill file or its text. */
class OutputLinesTest {
    @TempDir
    Path tmp;

    @Test
    void aFileIsIndexedAndReadByLine() throws IOException {
        Path file = Files.writeString(tmp.resolve("stdout.log"), "one\n\nthree \u00e9\nlast without newline");
        try (OutputLines lines = OutputLines.index(file)) {
            assertThat(lines.count()).isEqualTo(4);
            assertThat(lines.line(0)).isEqualTo("one");
            assertThat(lines.line(1)).isEmpty();
            assertThat(lines.line(2)).isEqualTo("three \u00e9");
            assertThat(lines.line(3)).isEqualTo("last without newline");
            assertThatThrownBy(() -> lines.line(4)).isInstanceOf(IndexOutOfBoundsException.class);
        }
        try (OutputLines lines = OutputLines.index(Files.writeString(tmp.resolve("b"), "a\nb\n"))) {
            assertThat(lines.count()).isEqualTo(2);
            assertThat(lines.line(1)).isEqualTo("b");
        }
        try (OutputLines lines = OutputLines.index(Files.writeString(tmp.resolve("empty"), ""))) {
            assertThat(lines.count()).isZero();
        }
    }

    @Test
    void manyLinesAndAGiantOneAreReadWithoutTheWholeFile() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            text.append("line ").append(i).append('\n');
        }
        text.append("x".repeat(1_000_000)).append('\n');
        Path file = Files.writeString(tmp.resolve("big.log"), text);
        try (OutputLines lines = OutputLines.index(file)) {
            assertThat(lines.count()).isEqualTo(100_001);
            assertThat(lines.line(99_999)).isEqualTo("line 99999");
            String giant = lines.line(100_000);
            assertThat(giant).startsWith("x".repeat(OutputLines.MAX_SHOWN_CHARS)).contains("[line of 1000000 bytes]");
            assertThat(giant.length()).isLessThan(OutputLines.MAX_SHOWN_CHARS + 200);
        }
    }

    @Test
    void aTextInMemoryIsSplitAsTheFileWouldBe() throws IOException {
        try (OutputLines lines = OutputLines.of("a\nb\n")) {
            assertThat(lines.count()).isEqualTo(2);
            assertThat(lines.line(0)).isEqualTo("a");
        }
        try (OutputLines lines = OutputLines.of("")) {
            assertThat(lines.count()).isZero();
        }
    }
}
