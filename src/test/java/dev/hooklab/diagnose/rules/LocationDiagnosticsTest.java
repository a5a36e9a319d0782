package dev.hooklab.diagnose.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hooklab.cli.HooklabCli;
import dev.hooklab.bundle.TestRevision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.hooklab.cli.HooklabCli.ARCHIVE;
import static dev.hooklab.diagnose.rules.Linting.assertPointsAt;
import static org.assertj.core.api.Assertions.assertThat;

/** Where a hook location points (semantics 4.2 File.join + expand_path, 4.3 the existence check). */
class LocationDiagnosticsTest {
    @TempDir
    Path tmp;

    Linting linting;

    @org.junit.jupiter.api.BeforeEach
    void setUp() {
        linting = new Linting(tmp);
    }

    static String hook(String event, String location) {
        return """
                version: 0.0
                os: linux
                hooks:
                  %s:
                    - location: %s
                """.formatted(event, location);
    }

    // --- script-missing ---

    @Test
    void scriptMissingWithTheAgentMessageAndTheNearestFile() {
        String yaml = hook("ApplicationStart", "scripts/start-server.sh");
        HooklabCli.Result r = linting.lint(Linting.appspec(yaml).script("scripts/start_server.sh"));

        JsonNode d = r.diagnostic("script-missing");
        assertThat(d.path("severity").asText()).isEqualTo("error");
        assertThat(d.path("agentMessage").asText())
                .isEqualTo("Script does not exist at specified location: " + ARCHIVE + "/scripts/start-server.sh");
        assertThat(d.path("fix").asText()).isEqualTo("location: scripts/start_server.sh");
        assertPointsAt(d, "appspec.yml", yaml, "scripts/start-server.sh");
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void scriptMissingNearMissTheFileIsThere() {
        HooklabCli.Result r = linting.lint(Linting.appspec(hook("ApplicationStart", "scripts/start_server.sh"))
                .script("scripts/start_server.sh"));

        assertThat(r.codes()).doesNotContain("script-missing");
        assertThat(r.exit()).isZero();
    }

    @Test
    void scriptMissingIsCaseSensitive() {
        // Linux File.exist? is case-sensitive (semantics 2.4 / failure-modes #4)
        HooklabCli.Result r = linting.lint(Linting.appspec(hook("AfterInstall", "Scripts/Install.sh"))
                .script("scripts/install.sh"));

        assertThat(r.diagnostic("script-missing").path("fix").asText()).isEqualTo("location: scripts/install.sh");
    }

    @Test
    void scriptMissingInApplicationStopFailsTheNextDeployment() {
        // semantics 4.1: ApplicationStop runs the last successful revision's scripts
        HooklabCli.Result r = linting.lint(Linting.appspec(hook("ApplicationStop", "scripts/stop.sh")));

        JsonNode d = r.diagnostic("script-missing");
        assertThat(d.path("message").asText()).contains("next deployment");
        assertThat(r.event("ApplicationStop").path("revision").asText()).isEqualTo("previous");
    }

    // --- location-leading-slash ---

    @Test
    void leadingSlashStaysInsideTheArchive() {
        String yaml = hook("ApplicationStart", "/scripts/start.sh");
        HooklabCli.Result r = linting.lint(Linting.appspec(yaml).script("scripts/start.sh"));

        assertThat(r.script("ApplicationStart").path("path").asText()).isEqualTo(ARCHIVE + "/scripts/start.sh");
        assertThat(r.script("ApplicationStart").path("bundleEntry").asText()).isEqualTo("scripts/start.sh");
        JsonNode d = r.diagnostic("location-leading-slash");
        assertThat(d.path("severity").asText()).isEqualTo("warning");
        assertThat(d.path("message").asText()).contains(ARCHIVE + "/scripts/start.sh");
        assertThat(d.path("fix").asText()).isEqualTo("location: scripts/start.sh");
        assertPointsAt(d, "appspec.yml", yaml, "/scripts/start.sh");
        assertThat(r.codes()).doesNotContain("script-missing");
        assertThat(r.exit()).isZero();
    }

    @Test
    void leadingSlashNamesTheInstalledPathTheAuthorMeant() {
        String yaml = """
                version: 0.0
                os: linux
                files:
                  - source: app
                    destination: /srv/app
                hooks:
                  ApplicationStart:
                    - location: /srv/app/bin/start.sh
                """;
        HooklabCli.Result r = linting.lint(Linting.appspec(yaml).script("app/bin/start.sh"));

        JsonNode d = r.diagnostic("location-leading-slash");
        assertThat(d.path("message").asText())
                .contains("You probably meant app/bin/start.sh")
                .contains("installs /srv/app/bin/start.sh from the revision's app/bin/start.sh");
        assertThat(d.path("fix").asText()).isEqualTo("location: app/bin/start.sh");
        assertThat(r.diagnostic("script-missing").path("fix").asText()).isEqualTo("location: app/bin/start.sh");
    }

    @Test
    void leadingSlashNearMiss() {
        HooklabCli.Result r = linting.lint(Linting.appspec(hook("ApplicationStart", "scripts/start.sh"))
                .script("scripts/start.sh"));

        assertThat(r.codes()).doesNotContain("location-leading-slash");
    }

    // --- location-escapes-archive ---

    @Test
    void escapingLocationNamesWhatInstallsTheTarget() {
        String yaml = """
                version: 0.0
                os: linux
                files:
                  - source: bin
                    destination: /usr/local/bin
                hooks:
                  ValidateService:
                    - location: ../../../../../../usr/local/bin/check.sh
                """;
        HooklabCli.Result r = linting.lint(Linting.appspec(yaml).script("bin/check.sh"));

        JsonNode script = r.script("ValidateService");
        assertThat(script.path("path").asText()).isEqualTo("/usr/local/bin/check.sh");
        JsonNode d = r.diagnostic("location-escapes-archive");
        assertThat(d.path("severity").asText()).isEqualTo("warning");
        assertThat(d.path("message").asText())
                .contains("Agent 1.x runs it when that file exists")
                .contains("agent 2.1 rejects")
                .contains("installs /usr/local/bin/check.sh from entry bin/check.sh");
        assertThat(d.path("fix").asText()).isEqualTo("location: bin/check.sh");
        assertPointsAt(d, "appspec.yml", yaml, "../../");
        assertThat(r.exit()).isZero();
    }

    @Test
    void escapingLocationThatNothingInstalls() {
        HooklabCli.Result r = linting.lint(Linting.appspec(hook("AfterInstall", "../../shared/deploy.sh")));

        assertThat(r.script("AfterInstall").path("path").asText())
                .isEqualTo("/opt/codedeploy-agent/deployment-root/" + HooklabCli.GROUP + "/shared/deploy.sh");
        assertThat(r.diagnostic("location-escapes-archive").path("message").asText())
                .contains("Nothing in this revision installs that path");
    }

    @Test
    void escapingLocationInBeforeInstallRunsBeforeTheCopy() {
        String yaml = """
                version: 0.0
                os: linux
                files:
                  - source: /
                    destination: /opt/app
                hooks:
                  BeforeInstall:
                    - location: ../../../../../../opt/app/prepare.sh
                """;
        HooklabCli.Result r = linting.lint(Linting.appspec(yaml).script("prepare.sh"));

        assertThat(r.diagnostic("location-escapes-archive").path("message").asText())
                .contains("BeforeInstall runs before Install copies it")
                .contains("Script does not exist at specified location: /opt/app/prepare.sh");
    }

    @Test
    void aLocationThatLeavesTheDeploymentRootForASystemFileIsAnError() {
        String yaml = hook("AfterInstall", "../../../../../../etc/passwd");
        HooklabCli.Result r = linting.lint(Linting.appspec(yaml));

        assertThat(r.script("AfterInstall").path("path").asText()).isEqualTo("/etc/passwd");
        JsonNode d = r.diagnostic("location-escapes-archive");
        assertThat(d.path("severity").asText()).isEqualTo("error");
        assertThat(d.path("message").asText())
                .contains("resolves to /etc/passwd, outside the agent's deployment root /opt/codedeploy-agent/deployment-root")
                .contains("would run chmod +x on that file of the instance and execute it");
        assertPointsAt(d, "appspec.yml", yaml, "../../");
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void aLocationIntoTheAgentsOwnFilesOutsideTheRootIsAnErrorButTheGroupFolderIsNot() {
        HooklabCli.Result agentHome = linting.lint(Linting.appspec(hook("AfterInstall", "../../../../bin/codedeploy-agent")));
        assertThat(agentHome.diagnostic("location-escapes-archive").path("severity").asText()).isEqualTo("error");

        HooklabCli.Result group = linting.lint(Linting.appspec(hook("AfterInstall", "../../other/deploy.sh")));
        assertThat(group.diagnostic("location-escapes-archive").path("severity").asText()).isEqualTo("warning");
    }

    @Test
    void dotDotThatStaysInsideIsNotAnEscape() {
        HooklabCli.Result r = linting.lint(Linting.appspec(hook("AfterInstall", "scripts/../install.sh"))
                .script("install.sh"));

        assertThat(r.script("AfterInstall").path("path").asText()).isEqualTo(ARCHIVE + "/install.sh");
        assertThat(r.script("AfterInstall").path("bundleEntry").asText()).isEqualTo("install.sh");
        assertThat(r.codes()).doesNotContain("location-escapes-archive", "script-missing");
    }

    // --- script-is-directory (semantics 4.4, 4.7: who fails decides the message) ---

    @Test
    void aDirectoryIsASpawnErrorForTheAgentButAnExitCodeUnderSu() {
        HooklabCli.Result plain = linting.lint(Linting.appspec(hook("ApplicationStart", "scripts")).script("scripts/a.sh"));
        assertThat(plain.diagnostic("script-is-directory").path("agentMessage").asText()).isEqualTo(
                "Script at specified location: scripts failed with error Errno::EACCES with message Permission denied - "
                        + ARCHIVE + "/scripts");

        HooklabCli.Result runas = linting.lint(Linting.appspec(hook("ApplicationStart", "scripts") + "      runas: ubuntu\n")
                .script("scripts/a.sh"));
        assertThat(runas.diagnostic("script-is-directory").path("agentMessage").asText())
                .isEqualTo("Script at specified location: scripts run as user ubuntu failed with exit code 126");
    }
}
