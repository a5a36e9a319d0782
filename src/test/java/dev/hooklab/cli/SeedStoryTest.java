package dev.hooklab.cli;

import dev.hooklab.bundle.TestRevision;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static dev.hooklab.cli.HooklabCli.ARCHIVE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference story (DESIGN.md, failure-modes #4): an AfterInstall hook written as the path the files
 * section installs it to, looked up inside deployment-archive (semantics 4.2, 4.3).
 */
class SeedStoryTest {
    @TempDir
    Path tmp;

    /** The seed revision: start_aplication.sh at the root, everything installed to /var/app/current. */
    static TestRevision seed(String location) {
        return TestRevision.withAppSpec("""
                        version: 0.0
                        os: linux
                        files:
                          - source: /
                            destination: /var/app/current
                        hooks:
                          AfterInstall:
                            - location: %s
                              timeout: 180
                        """.formatted(location))
                .script("start_aplication.sh");
    }

    @Test
    void theInstancePathIsLookedUpInsideTheArchive() throws IOException {
        Path rev = seed("/var/app/current/start_aplication.sh").folder(tmp, "rev");

        HooklabCli.Result inspect = HooklabCli.inspectJson(rev);
        assertThat(inspect.exit()).isEqualTo(1);
        JsonNode script = inspect.script("AfterInstall");
        String path = "/opt/codedeploy-agent/deployment-root/f808110e-bfcb-4ea9-a1f0-6377570718ec/d-VALNHOGV7"
                + "/deployment-archive/var/app/current/start_aplication.sh";
        assertThat(script.path("path").asText()).isEqualTo(path);
        assertThat(script.get("bundleEntry").isNull()).isTrue();
        assertThat(script.path("timeout").asInt()).isEqualTo(180);

        JsonNode missing = inspect.diagnostic("script-missing");
        assertThat(missing.path("severity").asText()).isEqualTo("error");
        assertThat(missing.path("agentMessage").asText())
                .isEqualTo("Script does not exist at specified location: " + path);
        assertThat(missing.path("file").asText()).isEqualTo("appspec.yml");
        assertThat(missing.path("line").asInt()).as("the line of '- location:'").isEqualTo(8);
        assertThat(missing.path("column").asInt()).as("the column of the location's value").isEqualTo(17);
        assertThat(missing.path("fix").asText()).isEqualTo("location: start_aplication.sh");

        HooklabCli.Result lint = HooklabCli.run("lint", rev.toString(),
                "--deployment-group-id", HooklabCli.GROUP, "--deployment-id", HooklabCli.DEPLOYMENT);
        assertThat(lint.exit()).isEqualTo(1);
        assertThat(lint.err()).isEmpty();
        assertThat(lint.out()).contains("appspec.yml:8:17: error [script-missing]")
                .contains("agent: Script does not exist at specified location: " + path)
                .contains("fix:   location: start_aplication.sh");
    }

    @Test
    void aLocationRelativeToTheRevisionRootIsFound() throws IOException {
        Path rev = seed("./start_aplication.sh").folder(tmp, "rev");

        HooklabCli.Result inspect = HooklabCli.inspectJson(rev);
        JsonNode script = inspect.script("AfterInstall");
        assertThat(script.path("path").asText()).isEqualTo(ARCHIVE + "/start_aplication.sh");
        assertThat(script.path("bundleEntry").asText()).isEqualTo("start_aplication.sh");
        assertThat(script.path("target").asText()).isEqualTo("found");
        assertThat(inspect.json().path("summary").path("errors").asInt()).isZero();

        HooklabCli.Result lint = HooklabCli.lintJson(rev);
        assertThat(lint.exit()).isZero();
        assertThat(lint.codes()).doesNotContain("script-missing", "location-leading-slash", "location-escapes-archive");
    }

    @Test
    void climbingOutOfTheArchiveReachesTheInstalledCopy() throws IOException {
        Path rev = seed("../../../../../../var/app/current/start_aplication.sh").folder(tmp, "rev");

        HooklabCli.Result inspect = HooklabCli.inspectJson(rev);
        JsonNode script = inspect.script("AfterInstall");
        // File.expand_path: six '..' climb from deployment-archive past the root, which stays the root
        assertThat(script.path("path").asText()).isEqualTo("/var/app/current/start_aplication.sh");
        assertThat(script.path("target").asText()).isEqualTo("outside-archive");
        assertThat(script.get("bundleEntry").isNull()).isTrue();

        JsonNode escapes = inspect.diagnostic("location-escapes-archive");
        assertThat(escapes.path("severity").asText()).isEqualTo("warning");
        assertThat(escapes.path("message").asText())
                .contains("The files section installs /var/app/current/start_aplication.sh from entry start_aplication.sh")
                .contains("agent 2.1");
        assertThat(escapes.path("line").asInt()).isEqualTo(8);
        assertThat(escapes.path("fix").asText()).isEqualTo("location: start_aplication.sh");
        // AfterInstall runs after Install copied the file: agent 1.x runs it, so nothing fails
        assertThat(inspect.codes()).doesNotContain("script-missing");
        assertThat(inspect.exit()).isZero();
    }
}
