package dev.hooklab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hooklab sample}: list the samples, write one to a new folder, refuse a folder with contents. */
class SampleCommandTest {
    @TempDir
    Path tmp;

    @Test
    void listsEverySample() {
        HooklabCli.Result r = HooklabCli.run("sample", "--list");
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).hasSize(3)
                .anyMatch(l -> l.startsWith("seed-story "))
                .anyMatch(l -> l.startsWith("healthy-service "))
                .anyMatch(l -> l.startsWith("classic-mistakes "));
    }

    @Test
    void writesTheSeedStoryThatLintThenFails() {
        Path dir = tmp.resolve("seed");
        HooklabCli.Result r = HooklabCli.run("sample", "seed-story", dir.toString());
        assertThat(r.exit()).isZero();
        assertThat(Files.isExecutable(dir.resolve("start_aplication.sh"))).isTrue();

        HooklabCli.Result lint = HooklabCli.lintJson(dir);
        assertThat(lint.exit()).isEqualTo(1);
        assertThat(lint.diagnostic("script-missing").path("fix").asText()).isEqualTo("location: start_aplication.sh");
    }

    @Test
    void refusesAFolderWithContentsAndAnUnknownName() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(dir.resolve("keep.txt"), "mine");

        HooklabCli.Result busy = HooklabCli.run("sample", "healthy-service", dir.toString());
        assertThat(busy.exit()).isEqualTo(2);
        assertThat(busy.errLines()).hasSize(1);
        assertThat(busy.err()).contains("not empty");
        assertThat(Files.readString(dir.resolve("keep.txt"))).isEqualTo("mine");
        assertThat(dir.resolve("appspec.yml")).doesNotExist();

        HooklabCli.Result unknown = HooklabCli.run("sample", "nope", tmp.resolve("x").toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no sample named 'nope'");
    }
}
