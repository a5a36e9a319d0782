package dev.hooklab.run.session;

import dev.hooklab.RevisionFolder;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code run --max-output-size} and the spilled-output files in the JSON: no path into a removed sandbox. */
@Tag("process")
class RunOutputFilesTest {
    @TempDir
    Path tmp;

    /** AfterInstall prints 3 MB of 101-byte lines: more than the 1 MiB kept in memory. */
    private Path revision() throws IOException {
        return RevisionFolder.with("""
                version: 0.0
                os: linux
                hooks:
                  AfterInstall:
                    - location: scripts/loud.sh
                """).script("scripts/loud.sh", "#!/bin/bash\nyes \"$(printf '%0100d' 1)\" | head -c 3030000\n")
                .writeTo(tmp.resolve("rev"));
    }

    @Test
    void aTemporarySandboxGivesNoSpillPathButSaysTheFileWentWithIt() throws IOException {
        RunCommandTest.Result r = RunCommandTest.run(revision().toString(), "--isolation", "none", "--events",
                "AfterInstall", "--format", "json");

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode script = r.step("AfterInstall").get("scripts").get(0);
        assertThat(script.get("stdoutBytes").asLong()).isEqualTo(3_030_000L);
        assertThat(script.get("stdoutDroppedBytes").asLong()).isZero();
        assertThat(script.get("stdoutFile").isNull()).isTrue();
        assertThat(script.get("notes").toString()).contains("The whole stdout (3030000 bytes) was in a file of the "
                + "temporary sandbox, removed with it");
    }

    @Test
    void aKeptSandboxGivesTheSpillPathAndTheCapCutsItWithAMarker() throws IOException {
        Path sandbox = tmp.resolve("sandbox");
        RunCommandTest.Result r = RunCommandTest.run(revision().toString(), "--isolation", "none", "--events",
                "AfterInstall", "--format", "json", "--sandbox", sandbox.toString(), "--max-output-size", "2M");

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode script = r.step("AfterInstall").get("scripts").get(0);
        long kept = script.get("stdoutBytes").asLong();
        assertThat(kept).isLessThan(2_200_000L);
        assertThat(kept + script.get("stdoutDroppedBytes").asLong()).isGreaterThanOrEqualTo(3_030_000L);
        Path spill = Path.of(script.get("stdoutFile").asText());
        assertThat(spill).startsWith(sandbox).hasSize(kept);
        assertThat(Files.readString(spill)).endsWith("[hooklab] stdout cut here: this script's output reached 2 MiB "
                + "(this run's cap per script); the rest was read and dropped\n");
        assertThat(Files.readString(Path.of(r.json().get("scriptsLogFile").asText())))
                .contains("[hooklab] stdout cut here");
        assertThat(script.get("notes").toString()).contains("more than the 2 MiB of output hooklab keeps")
                .doesNotContain("removed with it");
    }

    @Test
    void aWrongSizeIsOneLineAndExitTwo() throws IOException {
        RunCommandTest.Result r = RunCommandTest.run(revision().toString(), "--max-output-size", "lots");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("'lots' is not a size such as 500M or 8G");
    }
}
