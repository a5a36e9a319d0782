package dev.hooklab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static dev.hooklab.cli.HooklabCli.ARCHIVE;
import static dev.hooklab.cli.HooklabCli.DEPLOYMENT;
import static dev.hooklab.cli.HooklabCli.GROUP;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code hooklab explain}: the text as arguments or on stdin, alone or against a revision; exit 0 or 2. */
class ExplainCommandTest {
    private static final String SEED_PATH = ARCHIVE + "/var/app/current/start_aplication.sh";
    private static final String SEED_MESSAGE = "Script does not exist at specified location: " + SEED_PATH;

    @TempDir
    Path tmp;

    @Test
    void theSeedStoryAsOneArgumentIsExplainedInText() {
        HooklabCli.Result r = HooklabCli.run("explain", SEED_MESSAGE);

        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("Recognized  script-missing")
                .contains("Group id    " + GROUP)
                .contains("Deployment  " + DEPLOYMENT)
                .contains("In archive  var/app/current/start_aplication.sh")
                .contains("What happened").contains("What to change")
                .contains("location: start_aplication.sh");
    }

    @Test
    void unquotedWordsAreJoinedAsTheShellSplitThem() {
        HooklabCli.Result r = HooklabCli.run(("explain " + SEED_MESSAGE).split(" "));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Path        " + SEED_PATH);
    }

    @Test
    void aLogExcerptOnStdinAgainstTheRevisionSelectsTheScriptInJson() throws IOException {
        Path rev = SeedStoryTest.seed("/var/app/current/start_aplication.sh").folder(tmp, "rev");
        String log = "2024-03-02T10:15:01 ERROR [codedeploy-agent(2231)]: InstanceAgent::Plugins::CodeDeployPlugin::"
                + "CommandPoller: Error during perform: InstanceAgent::Plugins::CodeDeployPlugin::ScriptError - "
                + SEED_MESSAGE + " - /opt/codedeploy-agent/lib/instance_agent/plugins/codedeploy/hook_executor.rb:147:"
                + "in `execute'\n/opt/codedeploy-agent/lib/instance_agent/plugins/codedeploy/hook_executor.rb:140\n";

        HooklabCli.Result r = HooklabCli.runWithStdin(log, "explain", "-", "--revision", rev.toString(),
                "--format", "json");

        assertThat(r.exit()).isZero();
        JsonNode j = r.json();
        assertThat(j.path("recognized").asBoolean()).isTrue();
        assertThat(j.path("kind").asText()).isEqualTo("script-missing");
        assertThat(j.path("path").asText()).isEqualTo(SEED_PATH);
        assertThat(j.path("rootDir").asText()).isEqualTo("/opt/codedeploy-agent/deployment-root");
        assertThat(j.path("deploymentGroupId").asText()).isEqualTo(GROUP);
        assertThat(j.path("deploymentId").asText()).isEqualTo(DEPLOYMENT);
        assertThat(j.path("archivePath").asText()).isEqualTo("var/app/current/start_aplication.sh");
        assertThat(j.path("revision").asText()).isEqualTo(rev.toString());
        // the revision is inspected in the deployment the text names, so the paths are the ones the agent printed
        assertThat(j.path("script").path("event").asText()).isEqualTo("AfterInstall");
        assertThat(j.path("script").path("path").asText()).isEqualTo(SEED_PATH);
        assertThat(j.path("script").path("line").asInt()).isEqualTo(8);
        assertThat(r.diagnostic("script-missing").path("agentMessage").asText()).isEqualTo(SEED_MESSAGE);
        assertThat(j.path("change").asText()).isEqualTo("appspec.yml line 8: location: start_aplication.sh");
    }

    @Test
    void anExitCodeAloneInJsonHasNoScriptAndNoFindings() {
        HooklabCli.Result r = HooklabCli.run("explain", "Script at specified location: scripts/start.sh run as user app "
                + "failed with exit code 127", "--format", "json");

        assertThat(r.exit()).isZero();
        JsonNode j = r.json();
        assertThat(j.path("kind").asText()).isEqualTo("exit-code");
        assertThat(j.path("exitCode").asInt()).isEqualTo(127);
        assertThat(j.path("runas").asText()).isEqualTo("app");
        assertThat(j.path("revision").isNull()).isTrue();
        assertThat(j.path("script").isNull()).isTrue();
        assertThat(j.path("diagnostics").isEmpty()).isTrue();
        assertThat(j.path("happened").asText()).contains("127");
    }

    @Test
    void unrecognisedTextIsOneLineOnStderrAndExitTwo() {
        HooklabCli.Result r = HooklabCli.run("explain", "the", "deployment", "is", "slow", "--format", "json");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith("hooklab: hooklab recognises no CodeDeploy agent error in this text");
    }

    @Test
    void emptyStdinAndAMissingRevisionAreBadInput() {
        HooklabCli.Result empty = HooklabCli.runWithStdin("", "explain", "-");
        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.errLines()).containsExactly("hooklab: nothing to explain on stdin");

        HooklabCli.Result missing = HooklabCli.run("explain", SEED_MESSAGE, "--revision", tmp.resolve("nope.zip").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.errLines()).hasSize(1);
        assertThat(missing.err()).contains("nope.zip: no such file or folder");

        HooklabCli.Result noText = HooklabCli.run("explain");
        assertThat(noText.exit()).isEqualTo(2);
        assertThat(noText.errLines()).hasSize(1);
    }

    @Test
    void helpNamesTheExitStatus() {
        HooklabCli.Result r = HooklabCli.run("explain", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("Usage: hooklab explain").contains("TEXT", "--revision", "Exit status:");
    }
}
