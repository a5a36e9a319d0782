package dev.hooklab.realworld;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hooklab.cli.HooklabCli;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import static dev.hooklab.cli.HooklabCli.ARCHIVE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revisions of the real-world corpus read by hand against the agent facts (agent/semantics.md, cited per
 * test), with the verdict the agent would give. Each revision is rebuilt from its listing as a folder
 * deployed in place, first deployment, deployment group and id of the seed story.
 */
@Tag("corpus")
class RealWorldSpotChecksTest {
    @TempDir
    Path tmp;

    HooklabCli.Result lint(String id, String... more) {
        try {
            return HooklabCli.lintJson(RealWorldRevision.load(id).writeFolder(tmp), more);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int line(String id, String needle) {
        String text = RealWorldRevision.load(id).appspecText();
        int at = text.indexOf(needle);
        assertThat(at).as(needle + " in " + id).isNotNegative();
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    static List<String> locations(JsonNode event) {
        return event.path("scripts").findValuesAsText("location");
    }

    @Test
    void awsSampleLinux01_everyScriptIsFoundAndApplicationStopIsThePreviousRevisions() {
        // 4.2: extension-less scripts are joined onto deployment-archive and exist; 4.1: ApplicationStop runs
        // the last successful revision's scripts (nothing on a first deployment); 8.2: source /index.html exists
        HooklabCli.Result r = lint("01-aws-samples__aws-codedeploy-samples");

        assertThat(r.exit()).isZero();
        assertThat(locations(r.event("BeforeInstall"))).containsExactly("scripts/install_dependencies", "scripts/start_server");
        assertThat(r.script("BeforeInstall").path("path").asText()).isEqualTo(ARCHIVE + "/scripts/install_dependencies");
        assertThat(r.script("BeforeInstall").path("runas").asText()).isEqualTo("root");
        assertThat(r.script("BeforeInstall").path("timeout").asInt()).isEqualTo(300);
        assertThat(r.event("ApplicationStop").path("revision").asText()).isEqualTo("previous");
        assertThat(r.diagnostic("previous-revision-event").path("line").asInt()).isEqualTo(14);
        assertThat(r.codes()).doesNotContain("script-missing", "files-source-not-in-revision", "script-no-shebang");
    }

    @Test
    void elbSample02_twoScriptsWithTheDefaultTimeoutExceedTheServicesHour() {
        // 5: no timeout means 3600 s per script; the service allows 3600 s per event; the agent itself accepts it
        HooklabCli.Result r = lint("02-aws-samples__aws-codedeploy-samples");

        assertThat(r.exit()).isZero();
        assertThat(r.diagnostics("event-timeout-over-3600")).hasSize(2)
                .allSatisfy(d -> assertThat(d.path("message").asText()).contains("7200 s"));
        assertThat(r.script("ApplicationStart").path("timeout").asInt()).isEqualTo(3600);
    }

    @Test
    void brazilTechTalk05_leadingSlashesStayInsideTheArchive() {
        // 4.2: File.join swallows the leading '/', so /scripts/app-start.sh is <archive>/scripts/app-start.sh
        HooklabCli.Result r = lint("05-aws-samples__aws-braziltechtalk2019-cicd-demo");

        assertThat(r.exit()).isZero();
        assertThat(r.script("ApplicationStart").path("path").asText()).isEqualTo(ARCHIVE + "/scripts/app-start.sh");
        assertThat(r.script("ApplicationStart").path("bundleEntry").asText()).isEqualTo("scripts/app-start.sh");
        assertThat(r.diagnostics("location-leading-slash")).extracting(d -> d.path("fix").asText())
                .containsExactlyInAnyOrder("location: scripts/npm-install.sh", "location: scripts/app-start.sh",
                        "location: scripts/app-stop.sh");
        assertThat(r.codes()).doesNotContain("script-missing");
    }

    @Test
    void springBootDocker08_overwriteIsNotAKeyAndCommentsEndTheLocation() {
        // 3.2: unknown keys anywhere are ignored (file_exists_behavior is the key); 3.1: '# ...' after a plain
        // scalar is a comment, so the location is stop.sh
        String id = "08-SOOHYUNLIM__SpringBoot-DockerImage";
        HooklabCli.Result r = lint(id);

        assertThat(r.exit()).isZero();
        JsonNode overwrite = r.diagnostic("unknown-key");
        assertThat(overwrite.path("line").asInt()).isEqualTo(line(id, "overwrite"));
        assertThat(overwrite.path("fix").asText()).contains("file_exists_behavior: OVERWRITE");
        assertThat(r.script("AfterInstall").path("location").asText()).isEqualTo("stop.sh");
        assertThat(r.script("AfterInstall").path("runas").asText()).isEqualTo("ec2-user");
        assertThat(r.script("AfterInstall").path("bundleEntry").asText()).isEqualTo("stop.sh");
    }

    @Test
    void cicdTest16_scriptsNamedAtTheRootLiveInScripts() {
        // 4.3: "Script does not exist at specified location: <archive>/start.sh"; the files are scripts/start.sh
        HooklabCli.Result r = lint("16-0hyunCho__CICD_TEST");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.json().path("appspec").path("valid").asBoolean()).isTrue();
        assertThat(r.diagnostics("script-missing")).hasSize(2);
        assertThat(r.diagnostics("script-missing")).extracting(d -> d.path("agentMessage").asText())
                .containsExactlyInAnyOrder("Script does not exist at specified location: " + ARCHIVE + "/start.sh",
                        "Script does not exist at specified location: " + ARCHIVE + "/stop.sh");
        assertThat(r.diagnostics("script-missing")).extracting(d -> d.path("fix").asText())
                .containsExactlyInAnyOrder("location: scripts/start.sh", "location: scripts/stop.sh");
    }

    @Test
    void nodeDemo25_tomcatsOwnPathsAreLookedUpInTheArchive() {
        // 4.2 and agent issue #33: an absolute instance path is resolved inside deployment-archive; 8.2: the
        // war is a build output missing from the revision, Install fails on it
        HooklabCli.Result r = lint("25-00farhan00__node-demo");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.script("AfterInstall").path("path").asText()).isEqualTo(ARCHIVE + "/opt/tomcat/bin/startup.sh");
        assertThat(r.diagnostics("script-missing")).extracting(d -> d.path("agentMessage").asText()).contains(
                "Script does not exist at specified location: " + ARCHIVE + "/opt/tomcat/bin/startup.sh");
        assertThat(r.diagnostics("location-leading-slash")).hasSize(2);
        assertThat(r.diagnostic("files-source-not-in-revision").path("agentMessage").asText())
                .isEqualTo("No such file or directory @ rb_sysopen - " + ARCHIVE + "/webapp.war");
    }

    @Test
    void nodejsCiCd26_osTypoAndPluralKeys() {
        // 3.2 rule 3: os must be exactly linux; rule 9: a files entry without source fails; unknown keys ignored
        String id = "26-07rv__nodejs_ci_cd";
        HooklabCli.Result r = lint(id);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.json().path("appspec").path("valid").asBoolean()).isFalse();
        assertThat(r.diagnostic("os-unsupported").path("agentMessage").asText()).isEqualTo("The deployment failed because "
                + "the application specification file specifies an unsupported operating system (linus). Specify either "
                + "\"linux\" or \"windows\" in the os section of the AppSpec file, and then try again.");
        assertThat(r.diagnostic("files-source-missing").path("agentMessage").asText())
                .contains("specifies a destination file, but no source file");
        assertThat(r.diagnostics("unknown-key")).extracting(d -> d.path("fix").asText())
                .containsExactlyInAnyOrder("Write source instead of sources.", "Write destination instead of destinations.");
    }

    @Test
    void nodejsApp27_timeoutAndRunasAsSeparateListItemsAreScriptsWithoutLocation() {
        // 3.2 rule 5: each list item is a script and needs a location
        String id = "27-karthikn9480__Nodejs_App";
        HooklabCli.Result r = lint(id);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.json().path("appspec").path("valid").asBoolean()).isFalse();
        assertThat(r.diagnostics("hook-location-missing")).hasSize(4)
                .allSatisfy(d -> assertThat(d.path("agentMessage").asText()).isEqualTo("The deployment failed because "
                        + "the application specification file specifies a script with no location value. Specify the "
                        + "location in the hooks section of the AppSpec file, and then try again."));
        assertThat(r.diagnostics("hook-location-missing")).extracting(d -> d.path("line").asInt())
                .containsExactly(10, 11, 15, 16);
    }

    @Test
    void pythonSample36_permissionIsNotPermissions() {
        // 3.2: keys are case- and spelling-sensitive, permission: is ignored; 4.3 the scripts are in scripts/
        String id = "36-dev-chulbuji__devops_sample_app_python";
        HooklabCli.Result r = lint(id);

        assertThat(r.diagnostics("unknown-key")).anySatisfy(d -> {
            assertThat(d.path("message").asText()).contains("did you mean 'permissions'");
            assertThat(d.path("line").asInt()).isEqualTo(line(id, "permission:"));
        });
        assertThat(r.diagnostics("script-missing")).extracting(d -> d.path("fix").asText())
                .containsExactlyInAnyOrder("location: scripts/kill_process.sh", "location: scripts/run_process.sh");
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void caddyHugo52_unquotedModeIsAppliedAs420() {
        // 3.2 mode trap: 0644 is YAML 1.1 octal 420, accepted and applied as mode 420 (r---w----)
        String id = "52-bimlendu__caddy-hugo";
        HooklabCli.Result r = lint(id);

        JsonNode mode = r.diagnostic("mode-octal");
        assertThat(mode.path("line").asInt()).isEqualTo(line(id, "mode: 0644"));
        assertThat(mode.path("column").asInt()).isEqualTo(11);
        assertThat(mode.path("message").asText()).contains("applies mode 420 (r---w----)");
        assertThat(r.json().path("appspec").path("valid").asBoolean()).as("the agent accepts 420").isTrue();
        // caddy and info are build outputs, not in the repository's tree: Install fails copying them
        assertThat(r.diagnostics("files-source-not-in-revision")).hasSize(2);
        assertThat(r.codes()).doesNotContain("script-missing");
    }

    @Test
    void deploymentApp55_eventsDedentedOutOfHooksNeverRun() {
        // 3.2: hooks holds the events; a top-level ApplicationStart is an unknown key, ignored
        String id = "55-00-ani-00__deployment-app";
        HooklabCli.Result r = lint(id);

        assertThat(r.exit()).isZero();
        assertThat(r.event("ApplicationStart").path("scripts")).isEmpty();
        assertThat(r.script("AfterInstall").path("bundleEntry").asText()).isEqualTo("scripts/install_nginx.sh");
        assertThat(r.diagnostics("unknown-key")).anySatisfy(d -> {
            assertThat(d.path("message").asText()).contains("lifecycle event written at the top level");
            assertThat(d.path("fix").asText()).isEqualTo("Indent ApplicationStart under hooks:.");
            assertThat(d.path("line").asInt()).isEqualTo(line(id, "ApplicationStart:"));
        });
    }

    @Test
    void codeDeploy56_mistypedAfterInstallNeverRuns() {
        // 3.3: without AllPossibleLifecycleEvents a mistyped name is accepted and silently never runs
        String id = "56-GOKULRAMA-B__CodeDeploy";
        HooklabCli.Result r = lint(id);

        JsonNode typo = r.diagnostic("unknown-event");
        assertThat(typo.path("fix").asText()).isEqualTo("Rename the event to AfterInstall.");
        assertThat(typo.path("line").asInt()).isEqualTo(line(id, "AfterInnstall"));
        assertThat(r.event("AfterInnstall").path("runs").asBoolean()).isFalse();
        // the revision root is scripts/, so scripts/start_nginx.sh is start_nginx.sh in deployment-archive
        assertThat(r.diagnostic("script-missing").path("fix").asText()).isEqualTo("location: start_nginx.sh");
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void respriter62_beforeAllowTrafficRunsOnlyBehindALoadBalancer() {
        // 7.1: in-place without a load balancer runs no traffic events; with one, BeforeAllowTraffic runs
        String id = "62-0xradical__respriter";
        HooklabCli.Result plain = lint(id);
        assertThat(plain.exit()).isZero();
        assertThat(plain.event("BeforeAllowTraffic").path("runs").asBoolean()).isFalse();
        assertThat(plain.diagnostic("event-not-run-for-deployment-type").path("line").asInt())
                .isEqualTo(line(id, "BeforeAllowTraffic"));

        HooklabCli.Result withLb = lint(id, "--deployment-type", "in-place-with-lb");
        assertThat(withLb.event("BeforeAllowTraffic").path("runs").asBoolean()).isTrue();
        assertThat(withLb.script("BeforeAllowTraffic").path("path").asText())
                .isEqualTo(ARCHIVE + "/deploy/check_instance_health");
        assertThat(withLb.codes()).doesNotContain("event-not-run-for-deployment-type");
    }

    @Test
    void dotnetWebapp64_onlyAppSpecYaml() {
        // 2.4: Install falls back to appspec.yaml, hook events read only the deployment's AppSpecFilename
        String id = "64-apurv-soni__dotnet-webapp";
        HooklabCli.Result r = lint(id);

        assertThat(r.json().path("appspec").path("entry").asText()).isEqualTo("appspec.yaml");
        assertThat(r.diagnostic("appspec-yaml-only").path("severity").asText()).isEqualTo("warning");
        HooklabCli.Result named = lint(id, "--appspec-filename", "appspec.yaml");
        assertThat(named.codes()).doesNotContain("appspec-yaml-only", "appspec-not-found");
        // the locations are written from the repository root (codedeploy/scripts/...), the revision root is codedeploy/
        assertThat(named.diagnostics("script-missing")).hasSize(3);
    }

    @Test
    void windowsSample72_backslashLocationOnTheWindowsAgent() {
        // 4.2 + 4.4: on Windows '\' is a separator, the leading one is swallowed; .bat runs directly
        String id = "72-aws-samples__aws-codedeploy-samples";
        HooklabCli.Result win = lint(id, "--os", "windows");

        assertThat(win.exit()).isZero();
        assertThat(win.script("BeforeInstall").path("path").asText()).isEqualTo("C:/ProgramData/Amazon/CodeDeploy/"
                + HooklabCli.GROUP + "/" + HooklabCli.DEPLOYMENT + "/deployment-archive/before-install.bat");
        assertThat(win.script("BeforeInstall").path("bundleEntry").asText()).isEqualTo("before-install.bat");
        assertThat(win.script("BeforeInstall").path("timeout").asInt()).isEqualTo(900);
        assertThat(win.json().path("summary").path("warnings").asInt()).isZero();

        // 3.2 rule 3: a Linux agent accepts only os: linux
        HooklabCli.Result linux = lint(id);
        assertThat(linux.diagnostic("os-unsupported").path("agentMessage").asText()).contains("(windows)");
        assertThat(linux.exit()).isEqualTo(1);
    }

    @Test
    void lambda78_anAwsLambdaAppSpecIsNotForTheEc2Agent() {
        // 7.2: Lambda AppSpecs have Resources and a Hooks list; the EC2 agent checks version then os (3.2)
        String id = "78-mvpjava__aws-codedeploy-lambda";
        HooklabCli.Result r = lint(id);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.json().path("appspec").path("valid").asBoolean()).isFalse();
        assertThat(r.codes()).doesNotContain("version-invalid");
        assertThat(r.diagnostic("os-unsupported").path("agentMessage").asText())
                .contains("unsupported operating system ()");
        assertThat(r.diagnostics("unknown-key")).anySatisfy(d ->
                assertThat(d.path("message").asText()).contains("ECS/Lambda"));
        for (JsonNode e : r.json().path("events")) {
            assertThat(e.path("scripts")).isEmpty();
        }
    }

    @Test
    void ciCd69_anEmptyLocationIsNotAWronglyCasedKey() {
        // 3.2 rule 5: location: with no value is nil, "a script with no location value"
        HooklabCli.Result r = lint("69-0578__CI-CD");

        JsonNode d = r.diagnostic("hook-location-missing");
        assertThat(d.path("line").asInt()).isEqualTo(8);
        assertThat(d.path("message").asText()).doesNotContain("is ignored");
    }

    @Test
    void ecsTemplate80_psychsWordsForABadAnchor() {
        // 3.1: syntax errors surface as "(<unknown>): <libyaml problem> <context> at line L column C"
        HooklabCli.Result r = lint("80-aws-donggyus-lab__ecs_codeDeploy");

        assertThat(r.diagnostic("yaml-syntax").path("agentMessage").asText()).isEqualTo("(<unknown>): did not find "
                + "expected alphabetic or numeric character while scanning an anchor at line 1 column 18");
    }
}
