package dev.hooklab.explain;

import dev.hooklab.bundle.AppSpecLookup;
import dev.hooklab.bundle.TestRevision;
import dev.hooklab.finding.Diagnostic;
import dev.hooklab.finding.DiagnosticCode;
import dev.hooklab.inspect.Inspection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Optional;

import static dev.hooklab.explain.Revisions.ARCHIVE;
import static dev.hooklab.explain.Revisions.DEPLOYMENT;
import static dev.hooklab.explain.Revisions.GROUP;
import static dev.hooklab.explain.Revisions.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

/** The explainer on every kind of agent message, alone and against a revision inspected from real files. */
class ExplainerTest {
    private static final String SEED_PATH = ARCHIVE + "/var/app/current/start_aplication.sh";
    private static final String SEED_MESSAGE = "Script does not exist at specified location: " + SEED_PATH;

    private final Explainer explainer = new Explainer();

    @TempDir
    Path tmp;

    @Test
    void theSeedStoryAloneNamesTheDeploymentAndTheInstallDestinationMistake() {
        Explanation e = explainer.explain(SEED_MESSAGE);

        Recognized r = e.recognized().orElseThrow();
        assertThat(r.kind()).isEqualTo(ErrorKind.SCRIPT_MISSING);
        assertThat(r.path()).isEqualTo(SEED_PATH);
        assertThat(r.rootDir()).isEqualTo(ROOT);
        assertThat(r.deploymentGroupId()).isEqualTo(GROUP);
        assertThat(r.deploymentId()).isEqualTo(DEPLOYMENT);
        assertThat(r.archivePath()).isEqualTo("var/app/current/start_aplication.sh");
        assertThat(r.message()).isEqualTo(SEED_MESSAGE);
        assertThat(e.withRevision()).isFalse();
        assertThat(e.script()).isEmpty();
        assertThat(e.happened()).contains("deployment-archive").contains("install destination");
        assertThat(e.change()).contains("location: start_aplication.sh");
    }

    @Test
    void theSeedStoryAgainstItsRevisionSelectsTheScriptAndGivesTheFindingsFix() throws Exception {
        Inspection in = Revisions.inspect(Revisions.seed(), tmp);

        Explanation e = explainer.explain("AfterInstall\n" + SEED_MESSAGE, Optional.of(in));

        assertThat(e.recognized().orElseThrow().event()).isEqualTo("AfterInstall");
        Explanation.ScriptMatch m = e.script().orElseThrow();
        assertThat(m.event()).isEqualTo("AfterInstall");
        assertThat(m.index()).isZero();
        assertThat(m.script().path()).isEqualTo(SEED_PATH);
        assertThat(e.findings()).extracting(Diagnostic::code)
                .contains(DiagnosticCode.SCRIPT_MISSING, DiagnosticCode.LOCATION_LEADING_SLASH);
        assertThat(e.findings().get(0).code()).isEqualTo(DiagnosticCode.SCRIPT_MISSING);
        assertThat(e.change()).isEqualTo("appspec.yml line 8: location: start_aplication.sh");
        assertThat(e.happened()).contains("AfterInstall's script /var/app/current/start_aplication.sh (appspec.yml line 8)");
    }

    @Test
    void anAgentLogExcerptWithPrefixesBacktraceAndJsonReadsTheSamePath() {
        String log = """
                2024-03-02T10:15:01 INFO  [codedeploy-agent(2231)]: InstanceAgent::Plugins::CodeDeployPlugin::CommandExecutor: Command AfterInstall has total script timeout 180 in appspec.
                2024-03-02T10:15:01 ERROR [codedeploy-agent(2231)]: InstanceAgent::Plugins::CodeDeployPlugin::CommandPoller: Error during perform: InstanceAgent::Plugins::CodeDeployPlugin::ScriptError - %s - /opt/codedeploy-agent/lib/instance_agent/plugins/codedeploy/hook_executor.rb:147:in `block (2 levels) in execute'
                /opt/codedeploy-agent/lib/instance_agent/plugins/codedeploy/hook_executor.rb:140:in `each'
                2024-03-02T10:15:01 INFO  [codedeploy-agent(2231)]: [Aws::CodeDeployCommand::Client 200 0.02 0 retries] put_host_command_complete(command_status:"Failed",diagnostics:{format:"JSON",payload:"{\\"error_code\\":1,\\"script_name\\":\\"\\",\\"message\\":\\"%s\\",\\"log\\":\\"\\"}"})
                """.formatted(SEED_MESSAGE, SEED_MESSAGE);

        Recognized r = explainer.read(log).orElseThrow();

        assertThat(r.kind()).isEqualTo(ErrorKind.SCRIPT_MISSING);
        assertThat(r.path()).isEqualTo(SEED_PATH);
        assertThat(r.message()).isEqualTo(SEED_MESSAGE);
        assertThat(r.event()).isEqualTo("AfterInstall");
        // the JSON line alone: the escaped closing quote is not part of the path
        String json = log.lines().filter(l -> l.contains("put_host_command_complete")).findFirst().orElseThrow();
        assertThat(explainer.read(json).orElseThrow().path()).isEqualTo(SEED_PATH);
    }

    @Test
    void anExitCodeIsMatchedByLocationAndExplainedByItsNumber() throws Exception {
        Inspection in = Revisions.inspect(Revisions.afterInstall("scripts/start.sh", 60)
                .script("scripts/start.sh", "#!/bin/bash\nnpm start\n"), tmp);
        String text = "[2024-03-02 10:15:01.000] [d-ABCDEFGHI]LifecycleEvent - AfterInstall\n"
                + "Script at specified location: scripts/start.sh failed with exit code 127";

        Explanation alone = explainer.explain(text);
        Recognized r = alone.recognized().orElseThrow();
        assertThat(r.kind()).isEqualTo(ErrorKind.EXIT_CODE);
        assertThat(r.location()).isEqualTo("scripts/start.sh");
        assertThat(r.exitCode()).isEqualTo(127);
        assertThat(r.killedBySignal()).isFalse();
        assertThat(r.deploymentId()).isEqualTo("d-ABCDEFGHI");
        assertThat(r.event()).isEqualTo("AfterInstall");
        assertThat(alone.happened()).contains("exited with code 127").contains("not found");

        Explanation e = explainer.explain(text, Optional.of(in));
        assertThat(e.script().orElseThrow().script().bundleEntry()).isEqualTo("scripts/start.sh");
        assertThat(e.happened()).contains("In the open revision it is AfterInstall's script scripts/start.sh");
    }

    @Test
    void anEmptyExitCodeIsADeathBySignalAndRunasIsRead() {
        Recognized r = explainer.read("Script at specified location: deploy.sh run as user app failed with exit code ")
                .orElseThrow();
        assertThat(r.kind()).isEqualTo(ErrorKind.EXIT_CODE);
        assertThat(r.location()).isEqualTo("deploy.sh");
        assertThat(r.runas()).isEqualTo("app");
        assertThat(r.exitCode()).isNull();
        assertThat(r.killedBySignal()).isTrue();
        assertThat(explainer.explain("Script at specified location: deploy.sh failed with exit code ").happened())
                .contains("killed by a signal");
    }

    @Test
    void aTimeoutNamesItsSecondsAndTheRevisionsOwnTimeout() throws Exception {
        Inspection in = Revisions.inspect(Revisions.afterInstall("scripts/serve.sh", 300)
                .script("scripts/serve.sh", "#!/bin/bash\npython3 -m http.server 8080\n"), tmp);

        Explanation e = explainer.explain("Script at specified location: scripts/serve.sh failed to complete in 30 seconds",
                Optional.of(in));

        Recognized r = e.recognized().orElseThrow();
        assertThat(r.kind()).isEqualTo(ErrorKind.TIMED_OUT);
        assertThat(r.seconds()).isEqualTo(30);
        assertThat(e.script()).isPresent();
        assertThat(e.happened()).contains("timeout of 30 seconds").contains("gives it timeout: 300");
        assertThat(e.change()).contains("background");
    }

    @Test
    void anOutputLeftOpenIsMatchedToTheBackgroundProcessFinding() throws Exception {
        Inspection in = Revisions.inspect(Revisions.afterInstall("scripts/start.sh", 60)
                .script("scripts/start.sh", "#!/bin/bash\nnohup python3 -m http.server 8080 &\n"), tmp);

        Explanation e = explainer.explain("Script at specified location: scripts/start.sh failed to close STDOUT",
                Optional.of(in));

        assertThat(e.recognized().orElseThrow().channel()).isEqualTo("STDOUT");
        assertThat(e.recognized().get().kind()).isEqualTo(ErrorKind.OUTPUTS_LEFT_OPEN);
        assertThat(e.findings()).extracting(Diagnostic::code).contains(DiagnosticCode.BACKGROUND_PROCESS_HOLDS_OUTPUT);
        assertThat(e.change()).startsWith("scripts/start.sh line 2: ").contains("/dev/null");
        assertThat(e.happened()).contains("timeout (60 s)");
    }

    @Test
    void aStartErrorOnACrlfScriptIsMatchedToTheCrlfFinding() throws Exception {
        Inspection in = Revisions.inspect(Revisions.afterInstall("scripts/start.sh", 60)
                .script("scripts/start.sh", "#!/bin/bash\r\necho hi\r\n"), tmp);
        String message = "Script at specified location: scripts/start.sh failed with error Errno::ENOENT with message "
                + "No such file or directory - " + ARCHIVE + "/scripts/start.sh";

        Explanation e = explainer.explain(message, Optional.of(in));

        Recognized r = e.recognized().orElseThrow();
        assertThat(r.kind()).isEqualTo(ErrorKind.START_ERROR);
        assertThat(r.errno()).isEqualTo("ENOENT");
        assertThat(r.location()).isEqualTo("scripts/start.sh");
        assertThat(e.findings()).extracting(Diagnostic::code).contains(DiagnosticCode.SCRIPT_CRLF);
        assertThat(explainer.explain(message).happened()).contains("line endings");
    }

    @Test
    void notExecutableAndOutsideTheArchiveAreRecognised() {
        Recognized chmod = explainer.read("Unable to set script at specified location: bin/run.sh as executable")
                .orElseThrow();
        assertThat(chmod.kind()).isEqualTo(ErrorKind.NOT_EXECUTABLE);
        assertThat(chmod.location()).isEqualTo("bin/run.sh");

        Explanation out = explainer.explain(
                "Script at specified location: ../../x.sh resolves outside the deployment archive");
        assertThat(out.recognized().orElseThrow().kind()).isEqualTo(ErrorKind.OUTSIDE_ARCHIVE);
        assertThat(out.recognized().get().location()).isEqualTo("../../x.sh");
        assertThat(out.happened()).contains("agent 2.1");
    }

    @Test
    void anAppSpecValidationMessageWrappedOverLinesIsMatchedToItsFinding() throws Exception {
        Inspection in = Revisions.inspect(TestRevision.withAppSpec("version: 1.0\nos: linux\n"), tmp);
        Diagnostic finding = in.diagnostics().stream().filter(d -> d.code() == DiagnosticCode.VERSION_INVALID)
                .findFirst().orElseThrow();
        String wrapped = "2024-03-02T10:15:01 ERROR [codedeploy-agent(1)]: Error during perform: RuntimeError - "
                + finding.agentMessage().replace(" application specification ", "\napplication specification\n");

        Explanation e = explainer.explain(wrapped, Optional.of(in));

        Recognized r = e.recognized().orElseThrow();
        assertThat(r.kind()).isEqualTo(ErrorKind.APPSPEC_INVALID);
        assertThat(r.code()).isEqualTo(DiagnosticCode.VERSION_INVALID);
        assertThat(r.message()).isEqualTo(finding.agentMessage());
        assertThat(e.findings()).containsExactly(finding);
        assertThat(e.change()).isEqualTo("appspec.yml line 1: " + finding.fix());
    }

    @Test
    void aYamlSyntaxErrorKeepsItsLineAndColumn() throws Exception {
        Inspection in = Revisions.inspect(TestRevision.withAppSpec("version: 0.0\nos: linux\nhooks:\n  - a\n b: c\n"), tmp);
        Diagnostic syntax = in.diagnostics().stream().filter(d -> d.code() == DiagnosticCode.YAML_SYNTAX)
                .findFirst().orElseThrow();

        Explanation e = explainer.explain(syntax.agentMessage(), Optional.of(in));

        Recognized r = e.recognized().orElseThrow();
        assertThat(r.code()).isEqualTo(DiagnosticCode.YAML_SYNTAX);
        assertThat(syntax.agentMessage()).endsWith(" at line " + r.line() + " column " + r.column());
        assertThat(e.findings()).contains(syntax);
        assertThat(e.happened()).contains("at line " + r.line());
    }

    @Test
    void aMissingAppSpecGivesTheArchiveAndItsIds() {
        String message = AppSpecLookup.agentNotFoundMessage(ARCHIVE, "appspec.yml")
                .replace(". The revision", ".\n        The revision");

        Explanation e = explainer.explain(message);

        Recognized r = e.recognized().orElseThrow();
        assertThat(r.kind()).isEqualTo(ErrorKind.APPSPEC_NOT_FOUND);
        assertThat(r.code()).isEqualTo(DiagnosticCode.APPSPEC_NOT_FOUND);
        assertThat(r.deploymentGroupId()).isEqualTo(GROUP);
        assertThat(r.deploymentId()).isEqualTo(DEPLOYMENT);
        assertThat(r.archivePath()).isEqualTo("appspec.yml");
        assertThat(e.happened()).contains("found no appspec.yml").contains(ARCHIVE);
        assertThat(e.change()).contains("root of the bundle");
    }

    @Test
    void anExistingFileNamesThePathAndTheBehaviour() {
        Explanation e = explainer.explain("The deployment failed because a specified file already exists at this "
                + "location: /var/www/html/index.html");
        Recognized r = e.recognized().orElseThrow();
        assertThat(r.kind()).isEqualTo(ErrorKind.FILE_EXISTS);
        assertThat(r.path()).isEqualTo("/var/www/html/index.html");
        assertThat(r.code()).isEqualTo(DiagnosticCode.FILE_EXISTS);
        assertThat(e.change()).contains("OVERWRITE");
    }

    @Test
    void aBarePathFillsTheIdsAndFindsItsScript() throws Exception {
        Inspection in = Revisions.inspect(Revisions.afterInstall("scripts/start.sh", 60).script("scripts/start.sh"), tmp);
        String other = "/opt/codedeploy-agent/deployment-root/0c5b2c1e-1111-2222-3333-444455556666/d-Z1Y2X3W4V"
                + "/deployment-archive/scripts/start.sh";

        Explanation e = explainer.explain("  '" + other + "'.  ", Optional.of(in));

        Recognized r = e.recognized().orElseThrow();
        assertThat(r.kind()).isEqualTo(ErrorKind.INSTANCE_PATH);
        assertThat(r.path()).isEqualTo(other);
        assertThat(r.deploymentGroupId()).isEqualTo("0c5b2c1e-1111-2222-3333-444455556666");
        assertThat(r.deploymentId()).isEqualTo("d-Z1Y2X3W4V");
        assertThat(r.archivePath()).isEqualTo("scripts/start.sh");
        // matched by the part below deployment-archive, whatever ids the revision was inspected with
        assertThat(e.script().orElseThrow().event()).isEqualTo("AfterInstall");
        assertThat(e.happened()).contains("which the revision has");
        assertThat(e.change()).isEmpty();
    }

    @Test
    void aWindowsPathIsSplitToo() {
        Recognized r = explainer.read("Script does not exist at specified location: "
                + "C:/ProgramData/Amazon/CodeDeploy/abc-group/d-ABCDEFGHI/deployment-archive/scripts/run.ps1").orElseThrow();
        assertThat(r.rootDir()).isEqualTo("C:/ProgramData/Amazon/CodeDeploy");
        assertThat(r.archivePath()).isEqualTo("scripts/run.ps1");
        assertThat(r.applyTo(dev.hooklab.plan.DeploymentLayout.defaults(dev.hooklab.appspec.TargetOs.LINUX,
                () -> "d-AAAAAAAAA")).os())
                .isEqualTo(dev.hooklab.appspec.TargetOs.WINDOWS);
    }

    @Test
    void aScriptTheRevisionDoesNotHaveIsSaidSo() throws Exception {
        Inspection in = Revisions.inspect(Revisions.afterInstall("scripts/start.sh", 60).script("scripts/start.sh"), tmp);

        Explanation e = explainer.explain("Script at specified location: other.sh failed with exit code 1",
                Optional.of(in));

        assertThat(e.script()).isEmpty();
        assertThat(e.findings()).isEmpty();
        assertThat(e.happened()).contains("No hook script of the open revision has location other.sh");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   \n", "hello world", "The overall deployment failed because too many individual "
            + "instances failed deployment", "/usr/local/bin/node"})
    void unrecognisedTextGetsOneSentence(String text) {
        Explanation e = explainer.explain(text);
        assertThat(e.isRecognized()).isFalse();
        assertThat(e.happened()).isEqualTo(Explainer.UNRECOGNIZED);
        assertThat(e.change()).isEmpty();
    }
}
