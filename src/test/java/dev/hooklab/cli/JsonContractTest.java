package dev.hooklab.cli;

import dev.hooklab.bundle.TestRevision;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.hooklab.cli.HooklabCli.ARCHIVE;
import static org.assertj.core.api.Assertions.assertThat;

/** The JSON of lint and inspect as DESIGN.md ("Command line contract") and README.md give it. */
class JsonContractTest {
    @TempDir
    Path tmp;

    static final String APPSPEC = """
            version: 0.0
            os: linux
            files:
              - source: /
                destination: /var/app
            hooks:
              ApplicationStop:
                - location: scripts/stop.sh
              AfterInstall:
                - location: scripts/install.sh
                  timeout: 300
                  runas: ec2-user
              ApplicationStart:
                - location: scripts/start.sh
                  sudo: true
              BeforeAllowTraffic:
                - location: scripts/check.sh
            """;

    static TestRevision revision() {
        return TestRevision.withAppSpec(APPSPEC).script("scripts/stop.sh").script("scripts/install.sh")
                .script("scripts/check.sh");
    }

    static List<String> fields(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void fieldNamesAreTheContract() throws IOException {
        HooklabCli.Result r = HooklabCli.inspectJson(revision().zip(tmp, "app.zip"));
        JsonNode json = r.json();

        assertThat(fields(json)).contains("bundle", "appspec", "layout", "events", "diagnostics", "summary");
        assertThat(fields(json.path("bundle"))).contains("format", "entries", "topLevelFolderStripped");
        assertThat(json.path("bundle").path("entries").isIntegralNumber()).isTrue();
        assertThat(json.path("bundle").path("topLevelFolderStripped").isBoolean()).isTrue();
        assertThat(fields(json.path("appspec"))).contains("entry", "valid");
        assertThat(fields(json.path("layout"))).contains("rootDir", "deploymentGroupId", "deploymentId", "archiveDir");
        assertThat(json.path("layout").path("rootDir").asText()).isEqualTo("/opt/codedeploy-agent/deployment-root");
        assertThat(json.path("layout").path("deploymentGroupId").asText()).isEqualTo(HooklabCli.GROUP);
        assertThat(json.path("layout").path("deploymentId").asText()).isEqualTo(HooklabCli.DEPLOYMENT);
        assertThat(json.path("layout").path("archiveDir").asText()).isEqualTo(ARCHIVE);

        assertThat(json.path("events").isArray()).isTrue();
        for (JsonNode e : json.path("events")) {
            assertThat(fields(e)).contains("name", "revision", "runs", "scripts");
            assertThat(e.path("revision").asText()).isIn("current", "previous");
            assertThat(e.path("runs").isBoolean()).isTrue();
            for (JsonNode s : e.path("scripts")) {
                assertThat(fields(s)).contains("location", "path", "bundleEntry", "timeout", "runas", "sudo");
                assertThat(s.path("timeout").isIntegralNumber()).isTrue();
                assertThat(s.path("sudo").isBoolean()).isTrue();
                assertThat(s.path("path").asText()).startsWith("/");
            }
        }
        JsonNode install = r.script("AfterInstall");
        assertThat(install.path("timeout").asInt()).isEqualTo(300);
        assertThat(install.path("runas").asText()).isEqualTo("ec2-user");
        assertThat(install.path("sudo").asBoolean()).isFalse();
        assertThat(r.script("ApplicationStart").path("sudo").asBoolean()).isTrue();
        assertThat(r.script("ApplicationStart").get("runas").isNull()).isTrue();
        assertThat(r.script("ApplicationStop").path("timeout").asInt()).as("the agent's default").isEqualTo(3600);
        assertThat(r.event("ApplicationStop").path("revision").asText()).isEqualTo("previous");
        assertThat(r.event("AfterInstall").path("revision").asText()).isEqualTo("current");

        assertThat(json.path("diagnostics")).isNotEmpty();
        for (JsonNode d : json.path("diagnostics")) {
            assertThat(fields(d)).contains("severity", "code", "message", "agentMessage", "file", "line", "column", "fix");
            assertThat(d.path("severity").asText()).isIn("error", "warning", "info");
            assertThat(d.path("code").asText()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(d.path("line").isNull() || d.path("line").asInt() >= 1).isTrue();
            assertThat(d.path("column").isNull() || d.path("column").asInt() >= 1).isTrue();
        }
        JsonNode summary = json.path("summary");
        assertThat(summary.path("errors").asInt()).isEqualTo(r.diagnostics("script-missing").size());
    }

    @Test
    void lintAndInspectWriteTheSameDocument() throws IOException {
        Path zip = revision().zip(tmp, "app.zip");
        ObjectMapper mapper = new ObjectMapper();

        assertThat(mapper.readTree(HooklabCli.lintJson(zip).out())).isEqualTo(mapper.readTree(HooklabCli.inspectJson(zip).out()));
    }

    @Test
    void aMissingScriptDoesNotMakeTheAppSpecInvalid() throws IOException {
        // start.sh is missing: the deployment fails, but the agent's parse-and-validate verdict is "accepted"
        HooklabCli.Result r = HooklabCli.inspectJson(revision().zip(tmp, "app.zip"));

        assertThat(r.diagnostic("script-missing").path("severity").asText()).isEqualTo("error");
        assertThat(r.json().path("appspec").path("valid").asBoolean()).isTrue();
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void anAppSpecTheAgentRejectsIsInvalid() throws IOException {
        // semantics 3.2 rule 2: a quoted "0.0" is a String, not the Float 0.0
        Path zip = TestRevision.withAppSpec("version: \"0.0\"\nos: linux\n").zip(tmp, "app.zip");
        HooklabCli.Result r = HooklabCli.inspectJson(zip);

        assertThat(r.json().path("appspec").path("valid").asBoolean()).isFalse();
        assertThat(r.diagnostic("version-invalid").path("agentMessage").asText()).contains("invalid version value (0.0)");
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void aLoneAppSpecGivesPathsWithoutBundleChecks() throws IOException {
        Path appspec = Files.writeString(tmp.resolve("appspec.yml"), APPSPEC);
        HooklabCli.Result r = HooklabCli.inspectJson(appspec);

        assertThat(r.json().get("bundle").isNull()).isTrue();
        assertThat(r.json().path("appspec").path("entry").asText()).isEqualTo("appspec.yml");
        assertThat(r.json().path("appspec").path("valid").asBoolean()).isTrue();
        JsonNode start = r.script("ApplicationStart");
        assertThat(start.path("path").asText()).isEqualTo(ARCHIVE + "/scripts/start.sh");
        assertThat(start.get("bundleEntry").isNull()).isTrue();
        assertThat(start.path("target").asText()).isEqualTo("unknown");
        assertThat(r.codes()).doesNotContain("script-missing", "appspec-not-found", "files-source-not-in-revision",
                "script-not-executable");
        assertThat(r.exit()).isZero();
    }

    @Test
    void anAppSpecFileReplacesTheBundles() throws IOException {
        Path zip = revision().zip(tmp, "app.zip");
        Path other = Files.writeString(tmp.resolve("staging.yml"), """
                version: 0.0
                os: linux
                hooks:
                  AfterInstall:
                    - location: scripts/check.sh
                """);
        HooklabCli.Result r = HooklabCli.inspectJson(zip, "--appspec", other.toString());

        assertThat(r.json().path("appspec").path("entry").asText()).isEqualTo("staging.yml");
        assertThat(r.script("AfterInstall").path("location").asText()).isEqualTo("scripts/check.sh");
        assertThat(r.script("AfterInstall").path("bundleEntry").asText()).as("still checked against the bundle")
                .isEqualTo("scripts/check.sh");
        assertThat(r.event("ApplicationStart").path("scripts")).isEmpty();
        assertThat(r.json().path("bundle").path("format").asText()).isEqualTo("zip");
        assertThat(r.codes()).doesNotContain("script-missing");
        assertThat(r.exit()).isZero();
    }

    @Test
    void windowsPathsAndNoLinuxScriptChecks() throws IOException {
        TestRevision win = TestRevision.withAppSpec("""
                        version: 0.0
                        os: windows
                        files:
                          - source: \\
                            destination: C:\\inetpub\\wwwroot
                        hooks:
                          BeforeInstall:
                            - location: \\scripts\\before-install.bat
                          AfterInstall:
                            - location: scripts/after.ps1
                        """)
                .file("scripts/before-install.bat", "@echo off\r\necho before\r\n", 0644)
                .file("scripts/after.ps1", "\uFEFFWrite-Host after\r\n", 0644);
        HooklabCli.Result r = HooklabCli.inspectJson(win.windowsZip(tmp, "win.zip"), "--os", "windows");

        JsonNode layout = r.json().path("layout");
        assertThat(layout.path("rootDir").asText()).isEqualTo("C:\\ProgramData\\Amazon\\CodeDeploy");
        String archive = "C:/ProgramData/Amazon/CodeDeploy/" + HooklabCli.GROUP + "/" + HooklabCli.DEPLOYMENT
                + "/deployment-archive";
        assertThat(layout.path("archiveDir").asText()).isEqualTo(archive);
        assertThat(r.script("BeforeInstall").path("path").asText()).isEqualTo(archive + "/scripts/before-install.bat");
        assertThat(r.script("BeforeInstall").path("bundleEntry").asText()).isEqualTo("scripts/before-install.bat");
        assertThat(r.script("AfterInstall").path("path").asText()).isEqualTo(archive + "/scripts/after.ps1");
        // CR LF, no shebang, a BOM and no execute bit are all normal for .bat and .ps1 on the Windows agent
        assertThat(r.codes()).doesNotContain("script-crlf", "script-no-shebang", "script-bom", "script-not-executable",
                "location-backslash", "os-unsupported");
        assertThat(r.exit()).as(r.out()).isZero();

        HooklabCli.Result linux = HooklabCli.inspectJson(tmp.resolve("win.zip"));
        assertThat(linux.diagnostic("os-unsupported").path("severity").asText()).isEqualTo("error");
        assertThat(linux.diagnostics("location-backslash").get(0).path("fix").asText())
                .isEqualTo("location: scripts/before-install.bat");
    }

    @Test
    void theDeploymentTypeDecidesWhichEventsRun() throws IOException {
        Path zip = revision().zip(tmp, "app.zip");

        HooklabCli.Result inPlace = HooklabCli.inspectJson(zip);
        assertThat(inPlace.event("BeforeAllowTraffic").path("runs").asBoolean()).isFalse();
        assertThat(inPlace.event("ApplicationStop").path("runs").asBoolean()).isTrue();

        HooklabCli.Result withLb = HooklabCli.inspectJson(zip, "--deployment-type", "in-place-with-lb");
        assertThat(withLb.event("BeforeAllowTraffic").path("runs").asBoolean()).isTrue();
        assertThat(withLb.event("BeforeBlockTraffic").path("runs").asBoolean()).isTrue();

        HooklabCli.Result original = HooklabCli.inspectJson(zip, "--deployment-type", "blue-green-original");
        assertThat(original.event("AfterInstall").path("runs").asBoolean()).isFalse();
        assertThat(original.event("BeforeBlockTraffic").path("runs").asBoolean()).isTrue();
        assertThat(original.json().path("deploymentType").asText()).isEqualTo("blue-green-original");
    }

    @Test
    void withoutIdsTheLayoutIsCodedeployLocals() throws IOException {
        HooklabCli.Result r = HooklabCli.run("inspect", revision().zip(tmp, "app.zip").toString(), "--format", "json");

        JsonNode layout = r.json().path("layout");
        assertThat(layout.path("deploymentGroupId").asText()).isEqualTo("default-local-deployment-group");
        assertThat(layout.path("deploymentId").asText()).matches("d-[A-Z0-9]{9}");
        assertThat(layout.path("archiveDir").asText()).isEqualTo("/opt/codedeploy-agent/deployment-root/"
                + "default-local-deployment-group/" + layout.path("deploymentId").asText() + "/deployment-archive");
    }

    @Test
    void rootDirMovesEveryPath() throws IOException {
        HooklabCli.Result r = HooklabCli.inspectJson(revision().zip(tmp, "app.zip"), "--root-dir", "/data/cd/");

        assertThat(r.json().path("layout").path("archiveDir").asText())
                .isEqualTo("/data/cd/" + HooklabCli.GROUP + "/" + HooklabCli.DEPLOYMENT + "/deployment-archive");
        assertThat(r.script("AfterInstall").path("path").asText()).startsWith("/data/cd/" + HooklabCli.GROUP + "/");
    }

    @Test
    void outputFileIsWrittenWhole() throws IOException {
        Path zip = revision().zip(tmp, "app.zip");
        Path report = tmp.resolve("report.json");
        Files.writeString(report, "x".repeat(200_000)); // longer than the report: nothing of it may remain

        HooklabCli.Result r = HooklabCli.lintJson(zip, "-o", report.toString());

        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isEqualTo(1);
        String written = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(new ObjectMapper().readTree(written)).isEqualTo(HooklabCli.lintJson(zip).json());
        try (var siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .containsExactlyInAnyOrder("app.zip", "report.json");
        }
    }

    @Test
    void outputFileForTextAndSarif() throws IOException {
        Path zip = revision().zip(tmp, "app.zip");
        Path text = tmp.resolve("report.txt");
        Path sarif = tmp.resolve("report.sarif");

        HooklabCli.Result t = HooklabCli.run("lint", zip.toString(), "-o", text.toString());
        HooklabCli.Result s = HooklabCli.run("lint", zip.toString(), "--format", "sarif", "--output", sarif.toString());

        assertThat(t.out()).isEmpty();
        assertThat(s.out()).isEmpty();
        assertThat(Files.readString(text)).contains("error [script-missing]").doesNotContain("\u001b[");
        assertThat(new ObjectMapper().readTree(sarif.toFile()).path("version").asText()).isEqualTo("2.1.0");
    }

    @Test
    void outputIntoAMissingFolderIsOneLineExit2() throws IOException {
        HooklabCli.Result r = HooklabCli.lintJson(revision().zip(tmp, "app.zip"), "-o",
                tmp.resolve("no/such/dir/report.json").toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).doesNotContain("\tat ", "internal error", ".tmp")
                .contains("report.json: cannot write the report: no such folder");
    }
}
