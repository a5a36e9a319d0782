package dev.hooklab.run.session;

import dev.hooklab.RevisionFolder;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static dev.hooklab.run.session.RunCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** A failed run ends with lint's fix for the step that failed, in the text and as {@code fix} in the JSON. */
@Tag("process")
class FailureFixTest {
    @TempDir
    Path tmp;

    @Test
    void aMissingScriptEndsWithTheLocationLintSuggests() throws IOException {
        Path rev = RevisionFolder.with("""
                version: 0.0
                os: linux
                hooks:
                  AfterInstall:
                    - location: scripts/strat.sh
                """).script("scripts/start.sh", "#!/bin/bash\necho started\n").writeTo(tmp.resolve("rev"));
        RunCommandTest.Result text = run(rev.toString(), "--isolation", "none");
        assertThat(text.exit()).isEqualTo(1);
        assertThat(text.out()).containsPattern("✗ scripts/strat.sh  missing.*\\n(.*\\n)*?    fix:   location: "
                + "scripts/start.sh\\n");

        RunCommandTest.Result json = run(rev.toString(), "--isolation", "none", "--format", "json");
        JsonNode script = json.step("AfterInstall").get("scripts").get(0);
        assertThat(script.get("status").asText()).isEqualTo("missing");
        assertThat(script.get("fix").asText()).isEqualTo("location: scripts/start.sh");
        assertThat(json.step("Install").get("fix").isNull()).isTrue();
    }

    @Test
    void aScriptThatFailsOnItsCrLinesEndsWithTheLineEndingFix() throws IOException {
        Path rev = RevisionFolder.with("""
                version: 0.0
                os: linux
                hooks:
                  ApplicationStart:
                    - location: scripts/start.sh
                  ValidateService:
                    - location: scripts/check.sh
                """).script("scripts/start.sh", "#!/bin/bash\necho starting\r\ncd /nowhere-at-all\r\n")
                .script("scripts/check.sh", "#!/bin/bash\nexit 0\n").writeTo(tmp.resolve("rev"));
        RunCommandTest.Result json = run(rev.toString(), "--isolation", "none", "--format", "json");
        assertThat(json.exit()).isEqualTo(1);
        JsonNode start = json.step("ApplicationStart").get("scripts").get(0);
        assertThat(start.get("status").asText()).isEqualTo("failed");
        assertThat(start.get("fix").asText()).startsWith("Convert scripts/start.sh to LF line endings");
        assertThat(json.step("ValidateService").get("status").asText()).isEqualTo("not-run");

        RunCommandTest.Result good = run(rev.toString(), "--isolation", "none", "--format", "json", "--events",
                "ValidateService");
        assertThat(good.exit()).isZero();
        assertThat(good.step("ValidateService").get("scripts").get(0).get("fix").isNull())
                .as("a script that succeeded has nothing to fix").isTrue();
    }
}
