package dev.hooklab.run.session;

import dev.hooklab.RevisionFolder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hooklab.app.Hooklab;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hooklab run} end to end: real bundles, real processes, the agent's order and messages. */
@Tag("process")
class RunCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    record Result(int exit, JsonNode json, String out, String err) {
        JsonNode step(String event) {
            for (JsonNode s : json.get("steps")) {
                if (s.get("event").asText().equals(event)) {
                    return s;
                }
            }
            throw new AssertionError("no step " + event + " in " + json);
        }
    }

    static Result run(String... args) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("run"));
        all.addAll(List.of(args));
        int exit = Hooklab.create().cli().execute(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        JsonNode json = out.toString().isBlank() || !out.toString().trim().startsWith("{") ? null
                : JSON.readTree(out.toString());
        return new Result(exit, json, out.toString(), err.toString());
    }

    private static final String PRINT_ENV = """
            #!/bin/bash
            echo "event=$LIFECYCLE_EVENT deployment=$DEPLOYMENT_ID group=$DEPLOYMENT_GROUP_ID name=$DEPLOYMENT_GROUP_NAME app=$APPLICATION_NAME"
            echo "to stderr" >&2
            """;

    @Test
    void aRevisionWhoseHooksPrintTheirEnvironmentRunsGreen() throws IOException {
        Path rev = RevisionFolder.with("""
                version: 0.0
                os: linux
                hooks:
                  BeforeInstall:
                    - location: scripts/env.sh
                  AfterInstall:
                    - location: scripts/env.sh
                  ApplicationStart:
                    - location: scripts/env.sh
                  ValidateService:
                    - location: scripts/env.sh
                """).script("scripts/env.sh", PRINT_ENV).writeTo(tmp.resolve("rev"));
        Path sandbox = tmp.resolve("sandbox");
        Result r = run(rev.toString(), "--format", "json", "--isolation", "none", "--sandbox", sandbox.toString(),
                "--deployment-group-id", "dg-1", "--deployment-id", "d-ABCDEFGH1", "--application-name", "shop");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json().get("result").asText()).isEqualTo("succeeded");
        assertThat(r.json().get("steps")).extracting(s -> s.get("event").asText()).containsExactly(
                "ApplicationStop", "DownloadBundle", "BeforeInstall", "Install", "AfterInstall", "ApplicationStart",
                "ValidateService");
        for (String event : List.of("BeforeInstall", "AfterInstall", "ApplicationStart", "ValidateService")) {
            JsonNode script = r.step(event).get("scripts").get(0);
            assertThat(script.get("status").asText()).isEqualTo("succeeded");
            assertThat(script.get("exitCode").asInt()).isZero();
            assertThat(script.get("stdout").asText()).isEqualTo("event=" + event
                    + " deployment=d-ABCDEFGH1 group=dg-1 name=LocalFleet app=shop\n");
            assertThat(script.get("stderr").asText()).isEqualTo("to stderr\n");
        }
        assertThat(r.step("ApplicationStop").get("notes").get(0).asText()).contains("first deployment");
        String log = Files.readString(sandbox.resolve(
                "opt/codedeploy-agent/deployment-root/dg-1/d-ABCDEFGH1/logs/scripts.log"));
        assertThat(log).containsPattern("(?m)^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d LifecycleEvent - BeforeInstall$")
                .containsPattern("(?m)^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d Script - scripts/env.sh$")
                .containsPattern("(?m)^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\[stdout\\]event=ValidateService ")
                .containsPattern("(?m)^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\[stderr\\]to stderr$");
    }

    @Test
    void aFailingScriptStopsTheDeployment() throws IOException {
        Path rev = RevisionFolder.with("""
                version: 0.0
                os: linux
                hooks:
                  AfterInstall:
                    - location: scripts/fail.sh
                    - location: scripts/never.sh
                  ApplicationStart:
                    - location: scripts/never.sh
                """).script("scripts/fail.sh", "#!/bin/bash\necho failing >&2\nexit 3\n")
                .script("scripts/never.sh", "#!/bin/bash\necho ran\n").writeTo(tmp.resolve("rev"));
        Result r = run(rev.toString(), "--format", "json", "--isolation", "none");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.json().get("result").asText()).isEqualTo("failed");
        JsonNode after = r.step("AfterInstall");
        assertThat(after.get("status").asText()).isEqualTo("failed");
        assertThat(after.get("scripts").get(0).get("agentMessage").asText())
                .isEqualTo("Script at specified location: scripts/fail.sh failed with exit code 3");
        assertThat(after.get("scripts").get(0).get("exitCode").asInt()).isEqualTo(3);
        assertThat(after.get("scripts").get(1).get("status").asText()).isEqualTo("not-run");
        assertThat(r.step("ApplicationStart").get("status").asText()).isEqualTo("not-run");
        assertThat(r.step("ValidateService").get("status").asText()).isEqualTo("not-run");
    }

    @Test
    void theTextOutputShowsEachStepLive() throws IOException {
        Path rev = RevisionFolder.with("""
                version: 0.0
                os: linux
                hooks:
                  AfterInstall:
                    - location: scripts/hello.sh
                """).script("scripts/hello.sh", "#!/bin/bash\necho hello from the hook\n").writeTo(tmp.resolve("rev"));
        Result r = run(rev.toString(), "--isolation", "none");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("▶ AfterInstall", "| hello from the hook", "scripts/hello.sh  succeeded  exit 0",
                "Every hook succeeded.");
        Result failed = run(rev.toString(), "--isolation", "none", "--events", "AfterInstall,ApplicationStart",
                "--appspec", Files.writeString(tmp.resolve("failing.yml"), """
                        version: 0.0
                        os: linux
                        hooks:
                          AfterInstall:
                            - location: scripts/missing.sh
                        """).toString());
        assertThat(failed.out()).contains("✗ scripts/missing.sh  missing", "· ApplicationStart not-run",
                "The deployment would fail.");
    }

    @Test
    void heldOutputsAreAnnouncedLiveAndNoWaitForOutputsReportsThemAtOnce() throws IOException {
        Path rev = RevisionFolder.with("""
                version: 0.0
                os: linux
                hooks:
                  AfterInstall:
                    - location: scripts/start.sh
                      timeout: 5
                """).script("scripts/start.sh", "#!/bin/bash\n(sleep 1; echo late) &\necho started\n")
                .writeTo(tmp.resolve("rev"));
        Result waited = run(rev.toString(), "--isolation", "none", "--events", "AfterInstall");
        assertThat(waited.exit()).as(waited.out()).isZero();
        assertThat(waited.out()).contains("· scripts/start.sh: ", "holds STDOUT", "timeout (5 s)", "| late",
                "scripts/start.sh  succeeded");
        assertThat(waited.out().indexOf("holds STDOUT")).isLessThan(waited.out().indexOf("| late"));

        Result early = run(rev.toString(), "--isolation", "none", "--events", "AfterInstall", "--no-wait-for-outputs",
                "--format", "json");
        assertThat(early.exit()).isEqualTo(1);
        JsonNode script = early.step("AfterInstall").get("scripts").get(0);
        assertThat(script.get("status").asText()).isEqualTo("outputs-left-open");
        assertThat(script.get("agentMessage").asText()).endsWith("failed to close STDOUT");
    }

    @Test
    void aLoneAppSpecCannotRun() throws IOException {
        Path appspec = Files.writeString(tmp.resolve("appspec.yml"), "version: 0.0\nos: linux\n");
        Result r = run(appspec.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().trim()).doesNotContain("\n").contains("run needs a bundle or a folder");
    }

    @Test
    void eventsRunASubsetAfterDownloadBundleAndInstall() throws IOException {
        Path rev = RevisionFolder.with("""
                version: 0.0
                os: linux
                hooks:
                  BeforeInstall:
                    - location: scripts/env.sh
                  ValidateService:
                    - location: scripts/env.sh
                """).script("scripts/env.sh", PRINT_ENV).writeTo(tmp.resolve("rev"));
        Result r = run(rev.toString(), "--format", "json", "--isolation", "none", "--events", "ValidateService",
                "--bundle-var", "BUNDLE_COMMIT=abc123");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json().get("steps")).extracting(s -> s.get("event").asText())
                .containsExactly("DownloadBundle", "Install", "ValidateService");
        Result bad = run(rev.toString(), "--events", "ValidateService,DownloadBundle");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("The only events that can be specified before");
    }

    @Test
    void maxTimeoutLowersTheDeadlineAndSaysSo() throws IOException {
        Path rev = RevisionFolder.with("""
                version: 0.0
                os: linux
                hooks:
                  AfterInstall:
                    - location: scripts/slow.sh
                      timeout: 300
                """).script("scripts/slow.sh", "#!/bin/bash\nsleep 20\n").writeTo(tmp.resolve("rev"));
        Result r = run(rev.toString(), "--format", "json", "--isolation", "none", "--max-timeout", "1");
        JsonNode script = r.step("AfterInstall").get("scripts").get(0);
        assertThat(script.get("status").asText()).isEqualTo("timed-out");
        assertThat(script.get("notes").toString()).contains("300");
    }

    @Test
    void bundleVariablesReachTheHooks() throws IOException {
        Path rev = RevisionFolder.with("""
                version: 0.0
                os: linux
                hooks:
                  AfterInstall:
                    - location: scripts/bundle.sh
                """).script("scripts/bundle.sh", "#!/bin/bash\necho \"commit=$BUNDLE_COMMIT\"\n").writeTo(tmp.resolve("rev"));
        Result r = run(rev.toString(), "--format", "json", "--isolation", "none", "--bundle-var", "BUNDLE_COMMIT=abc123");
        assertThat(r.step("AfterInstall").get("scripts").get(0).get("stdout").asText()).isEqualTo("commit=abc123\n");
        assertThat(run(rev.toString(), "--bundle-var", "PATH=/x").exit()).isEqualTo(2);
    }
}
