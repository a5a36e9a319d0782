package dev.hooklab.diagnose.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hooklab.cli.HooklabCli;
import dev.hooklab.bundle.TestRevision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.hooklab.diagnose.rules.Linting.assertPointsAt;
import static org.assertj.core.api.Assertions.assertThat;

/** What the agent silently ignores or changes in an AppSpec (semantics 3.1, 3.2, 3.3, 4.1, 5, 7.1). */
class AppSpecDiagnosticsTest {
    @TempDir
    Path tmp;

    Linting linting;

    @BeforeEach
    void setUp() {
        linting = new Linting(tmp);
    }

    static TestRevision rev(String yaml) {
        return Linting.appspec(yaml).script("scripts/a.sh").script("scripts/b.sh");
    }

    // --- unknown-event ---

    @Test
    void aMistypedEventNeverRunsAndTheNearestNameIsSuggested() {
        String yaml = """
                version: 0.0
                os: linux
                hooks:
                  AfterInstal:
                    - location: scripts/a.sh
                """;
        HooklabCli.Result r = linting.lint(rev(yaml));

        JsonNode d = r.diagnostic("unknown-event");
        assertThat(d.path("severity").asText()).isEqualTo("warning");
        assertThat(d.path("message").asText()).contains("Did you mean AfterInstall?");
        assertThat(d.path("fix").asText()).isEqualTo("Rename the event to AfterInstall.");
        assertPointsAt(d, "appspec.yml", yaml, "AfterInstal:");
        assertThat(r.event("AfterInstal").path("runs").asBoolean()).isFalse();
        assertThat(r.json().path("appspec").path("valid").asBoolean()).as("the agent accepts the name").isTrue();
        assertThat(r.exit()).isZero();
    }

    @Test
    void aLowerCaseEventNameIsUnknownToo() {
        HooklabCli.Result r = linting.lint(rev("version: 0.0\nos: linux\nhooks:\n  afterInstall:\n    - location: scripts/a.sh\n"));

        assertThat(r.diagnostic("unknown-event").path("fix").asText()).isEqualTo("Rename the event to AfterInstall.");
    }

    @Test
    void unknownEventNearMiss() {
        HooklabCli.Result r = linting.lint(rev("version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: scripts/a.sh\n"));

        assertThat(r.codes()).doesNotContain("unknown-event");
        assertThat(r.event("AfterInstall").path("runs").asBoolean()).isTrue();
    }

    @Test
    void scriptsUnderTheAgentsOwnStepsNeverRun() {
        HooklabCli.Result r = linting.lint(rev("version: 0.0\nos: linux\nhooks:\n  Install:\n    - location: scripts/a.sh\n"));

        assertThat(r.diagnostic("unknown-event").path("message").asText()).contains("agent's own step");
    }

    // --- event-not-run-for-deployment-type ---

    @Test
    void trafficEventsDoNotRunWithoutALoadBalancer() {
        String yaml = """
                version: 0.0
                os: linux
                hooks:
                  BeforeAllowTraffic:
                    - location: scripts/a.sh
                """;
        HooklabCli.Result r = linting.lint(rev(yaml));

        JsonNode d = r.diagnostic("event-not-run-for-deployment-type");
        assertThat(d.path("severity").asText()).isEqualTo("warning");
        assertThat(d.path("fix").asText()).contains("in-place-with-lb").contains("blue-green-replacement");
        assertPointsAt(d, "appspec.yml", yaml, "BeforeAllowTraffic:");
        assertThat(r.event("BeforeAllowTraffic").path("runs").asBoolean()).isFalse();

        HooklabCli.Result withLb = linting.lint(rev(yaml), "--deployment-type", "in-place-with-lb");
        assertThat(withLb.codes()).doesNotContain("event-not-run-for-deployment-type");
        assertThat(withLb.event("BeforeAllowTraffic").path("runs").asBoolean()).isTrue();
    }

    @Test
    void blueGreenOriginalInstancesRunOnlyTheBlockTrafficEvents() {
        String yaml = "version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: scripts/a.sh\n"
                + "  BeforeBlockTraffic:\n    - location: scripts/b.sh\n";
        HooklabCli.Result r = linting.lint(rev(yaml), "--deployment-type", "blue-green-original");

        assertThat(r.event("AfterInstall").path("runs").asBoolean()).isFalse();
        assertThat(r.event("BeforeBlockTraffic").path("runs").asBoolean()).isTrue();
        assertThat(r.diagnostic("event-not-run-for-deployment-type").path("message").asText()).startsWith("AfterInstall");
    }

    // --- previous-revision-event ---

    @Test
    void applicationStopRunsThePreviousRevisionsScripts() {
        String yaml = "version: 0.0\nos: linux\nhooks:\n  ApplicationStop:\n    - location: scripts/a.sh\n";
        HooklabCli.Result r = linting.lint(rev(yaml));

        JsonNode d = r.diagnostic("previous-revision-event");
        assertThat(d.path("severity").asText()).isEqualTo("info");
        assertThat(d.path("message").asText()).contains("first deployment it does nothing");
        assertThat(d.path("fix").asText()).contains("--ignore-application-stop-failures");
        assertPointsAt(d, "appspec.yml", yaml, "ApplicationStop:");
        assertThat(r.event("ApplicationStop").path("revision").asText()).isEqualTo("previous");
    }

    @Test
    void previousRevisionNearMissCurrentRevisionEvent() {
        HooklabCli.Result r = linting.lint(rev("version: 0.0\nos: linux\nhooks:\n  BeforeInstall:\n    - location: scripts/a.sh\n"));

        assertThat(r.codes()).doesNotContain("previous-revision-event");
        assertThat(r.event("BeforeInstall").path("revision").asText()).isEqualTo("current");
    }

    // --- event-timeout-over-3600 ---

    @Test
    void timeoutsAreSummedOverTheEventsScripts() {
        String yaml = """
                version: 0.0
                os: linux
                hooks:
                  AfterInstall:
                    - location: scripts/a.sh
                      timeout: 1800
                    - location: scripts/b.sh
                      timeout: 1801
                """;
        HooklabCli.Result r = linting.lint(rev(yaml));

        JsonNode d = r.diagnostic("event-timeout-over-3600");
        assertThat(d.path("severity").asText()).isEqualTo("warning");
        assertThat(d.path("message").asText()).contains("3601 s");
        assertPointsAt(d, "appspec.yml", yaml, "AfterInstall:");

        HooklabCli.Result exactly = linting.lint(rev(yaml.replace("1801", "1800")));
        assertThat(exactly.codes()).doesNotContain("event-timeout-over-3600");
    }

    @Test
    void twoScriptsWithTheDefaultTimeoutAddUpTo7200() {
        HooklabCli.Result r = linting.lint(rev("version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n"
                + "    - location: scripts/a.sh\n    - location: scripts/b.sh\n"));

        assertThat(r.diagnostic("event-timeout-over-3600").path("message").asText())
                .contains("7200 s").contains("2 with the default 3600 s");
    }

    // --- unknown-key ---

    @Test
    void runAsIsIgnored() {
        String yaml = """
                version: 0.0
                os: linux
                hooks:
                  AfterInstall:
                    - location: scripts/a.sh
                      runAs: ec2-user
                """;
        HooklabCli.Result r = linting.lint(rev(yaml));

        JsonNode d = r.diagnostic("unknown-key");
        assertThat(d.path("message").asText()).contains("runAs").contains("did you mean 'runas'");
        assertThat(d.path("fix").asText()).isEqualTo("Write runas instead of runAs.");
        assertPointsAt(d, "appspec.yml", yaml, "runAs");
        assertThat(r.script("AfterInstall").get("runas").isNull()).as("the agent runs it as root").isTrue();

        HooklabCli.Result right = linting.lint(rev(yaml.replace("runAs", "runas")));
        assertThat(right.codes()).doesNotContain("unknown-key");
        assertThat(right.script("AfterInstall").path("runas").asText()).isEqualTo("ec2-user");
    }

    @Test
    void capitalisedHooksIsIgnoredSoNothingRuns() {
        String yaml = """
                version: 0.0
                os: linux
                Hooks:
                  AfterInstall:
                    - location: scripts/a.sh
                """;
        HooklabCli.Result r = linting.lint(rev(yaml));

        JsonNode d = r.diagnostic("unknown-key");
        assertThat(d.path("message").asText()).contains("'Hooks'").contains("did you mean 'hooks'");
        assertPointsAt(d, "appspec.yml", yaml, "Hooks");
        assertThat(r.event("AfterInstall").path("scripts")).isEmpty();
    }

    @Test
    void ecsStyleHooksListIsNamedAsSuch() {
        String yaml = """
                version: 0.0
                os: linux
                Hooks:
                  - BeforeInstall: "LambdaFunctionToValidateBeforeInstall"
                """;
        HooklabCli.Result r = linting.lint(rev(yaml));

        assertThat(r.diagnostic("unknown-key").path("message").asText()).contains("ECS/Lambda");
    }

    @Test
    void overwriteUnderFilesIsIgnored() {
        String yaml = """
                version: 0.0
                os: linux
                files:
                  - source: /
                    destination: /var/www/html
                    overwrite: true
                """;
        HooklabCli.Result r = linting.lint(rev(yaml));

        JsonNode d = r.diagnostic("unknown-key");
        assertThat(d.path("message").asText()).contains("overwrite");
        assertThat(d.path("fix").asText()).contains("file_exists_behavior: OVERWRITE");
        assertPointsAt(d, "appspec.yml", yaml, "overwrite");

        HooklabCli.Result right = linting.lint(rev("""
                version: 0.0
                os: linux
                files:
                  - source: /
                    destination: /var/www/html
                file_exists_behavior: OVERWRITE
                """));
        assertThat(right.codes()).doesNotContain("unknown-key");
    }

    @Test
    void anEventDedentedToTheTopLevelIsNamedAsSuch() {
        String yaml = """
                version: 0.0
                os: linux
                hooks:
                  AfterInstall:
                    - location: scripts/a.sh
                ApplicationStart:
                  - location: scripts/b.sh
                """;
        HooklabCli.Result r = linting.lint(rev(yaml));

        JsonNode d = r.diagnostic("unknown-key");
        assertThat(d.path("message").asText()).contains("lifecycle event written at the top level");
        assertThat(d.path("fix").asText()).isEqualTo("Indent ApplicationStart under hooks:.");
        assertPointsAt(d, "appspec.yml", yaml, "ApplicationStart:");
        assertThat(r.event("ApplicationStart").path("scripts")).isEmpty();
    }

    @Test
    void modeAndOwnerUnderFilesBelongToPermissions() {
        String yaml = """
                version: 0.0
                os: linux
                files:
                  - source: scripts
                    destination: /opt/app/scripts
                    mode: 755
                """;
        HooklabCli.Result r = linting.lint(rev(yaml));

        JsonNode d = r.diagnostic("unknown-key");
        assertThat(d.path("message").asText()).contains("permissions section");
        assertThat(d.path("fix").asText()).startsWith("Move mode to a permissions entry");
    }

    // --- duplicate-key ---

    @Test
    void aRepeatedKeyLosesTheEarlierValue() {
        String yaml = """
                version: 0.0
                os: linux
                hooks:
                  AfterInstall:
                    - location: scripts/a.sh
                  AfterInstall:
                    - location: scripts/b.sh
                """;
        HooklabCli.Result r = linting.lint(rev(yaml));

        JsonNode d = r.diagnostic("duplicate-key");
        assertThat(d.path("severity").asText()).isEqualTo("warning");
        assertThat(d.path("message").asText()).contains("AfterInstall").contains("line 6");
        assertPointsAt(d, "appspec.yml", yaml, "AfterInstall:");
        // Psych keeps the last value: only b.sh runs
        assertThat(r.script("AfterInstall").path("location").asText()).isEqualTo("scripts/b.sh");
        assertThat(r.event("AfterInstall").path("scripts")).hasSize(1);
    }

    @Test
    void duplicateKeyNearMiss() {
        HooklabCli.Result r = linting.lint(rev("version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n"
                + "    - location: scripts/a.sh\n  ApplicationStart:\n    - location: scripts/b.sh\n"));

        assertThat(r.codes()).doesNotContain("duplicate-key");
    }

    // --- mode-octal ---

    @Test
    void anUnquotedLeadingZeroModeIsOctal() {
        String yaml = """
                version: 0.0
                os: linux
                files:
                  - source: /
                    destination: /var/app
                permissions:
                  - object: /var/app
                    mode: 0644
                    type:
                      - file
                """;
        HooklabCli.Result r = linting.lint(rev(yaml));

        JsonNode d = r.diagnostic("mode-octal");
        assertThat(d.path("severity").asText()).isEqualTo("warning");
        assertThat(d.path("message").asText()).contains("420").contains("r---w----").contains("rw-r--r--");
        assertThat(d.path("fix").asText()).isEqualTo("mode: \"0644\" (quoted) or mode: 644");
        assertPointsAt(d, "appspec.yml", yaml, "0644");
        assertThat(r.exit()).as("the agent accepts 420").isZero();
    }

    @Test
    void modeOctalNearMisses() {
        String base = "version: 0.0\nos: linux\npermissions:\n  - object: /var/app\n    mode: %s\n";
        assertThat(linting.lint(rev(base.formatted("\"0644\""))).codes()).doesNotContain("mode-octal");
        assertThat(linting.lint(rev(base.formatted("644"))).codes()).doesNotContain("mode-octal");
        assertThat(linting.lint(rev(base.formatted("4755"))).codes()).doesNotContain("mode-octal");
    }

    @Test
    void anOctalModeThatBecomesInvalidIsTheAgentsError() {
        // 0755 is 493: "invalid character (9)" (semantics 3.2, mode trap)
        HooklabCli.Result r = linting.lint(rev("version: 0.0\nos: linux\npermissions:\n  - object: /var/app\n    mode: 0755\n"));

        assertThat(r.codes()).doesNotContain("mode-octal");
        JsonNode d = r.diagnostic("permission-mode-invalid");
        assertThat(d.path("agentMessage").asText()).contains("(493)").contains("invalid character (9)");
        assertThat(r.json().path("appspec").path("valid").asBoolean()).isFalse();
        assertThat(r.exit()).isEqualTo(1);
    }
}
