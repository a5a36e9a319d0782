package dev.hooklab.run;

import dev.hooklab.Await;
import dev.hooklab.run.output.HookLog;
import dev.hooklab.run.output.OutputChannel;
import dev.hooklab.run.output.OutputLine;
import dev.hooklab.run.output.OutputListener;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * How a hook script starts, runs and ends, judged by the agent's rules: the same scenarios for every way of
 * running hooks (each implementing class is one). Timeouts and background processes are in
 * {@link HookTimeoutContract}, output capture in {@link HookOutputContract}.
 */
interface HookRunnerContract extends HookRunnerFixture {

    @Test
    default void theScriptSeesTheAgentsVariablesButNotTheClearedCredentials() throws Exception {
        sandbox().script("env.sh", """
                #!/bin/sh
                echo "event=$LIFECYCLE_EVENT id=$DEPLOYMENT_ID app=$APPLICATION_NAME"
                echo "group=$DEPLOYMENT_GROUP_NAME groupId=$DEPLOYMENT_GROUP_ID commit=$BUNDLE_COMMIT"
                echo "key=${AWS_SECRET_ACCESS_KEY-unset} cwd=$(pwd)"
                """, true);

        ScriptRun run = sandbox().run(runner(), sandbox().call("env.sh", 10));

        assertThat(run.status()).as(run.stderr().text()).isEqualTo(ScriptStatus.SUCCEEDED);
        assertThat(run.exitCode()).isZero();
        assertThat(run.agentMessage()).isNull();
        assertThat(run.stdout().text()).isEqualTo("""
                event=AfterInstall id=d-TEST12345 app=shop
                group=shop-prod groupId=dg-1234 commit=0123abc
                key=unset cwd=%s
                """.formatted(seenAs("/opt/codedeploy-agent")));
    }

    @Test
    default void stderrIsKeptApartAndAFailingExitGetsTheAgentsMessage() throws Exception {
        sandbox().script("scripts/fail.sh", "#!/bin/bash\necho out\necho err >&2\nexit 3\n", true);

        ScriptRun run = sandbox().run(runner(), sandbox().call("scripts/fail.sh", 10));

        assertThat(run.status()).isEqualTo(ScriptStatus.FAILED);
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.stdout().text()).isEqualTo("out\n");
        assertThat(run.stderr().text()).isEqualTo("err\n");
        assertThat(run.agentMessage()).isEqualTo("Script at specified location: scripts/fail.sh failed with exit code 3");
        // the two streams are read apart: their order in the log is not guaranteed, as with the agent
        assertThat(run.logTail()).startsWith("LifecycleEvent - AfterInstall\nScript - scripts/fail.sh\n")
                .contains("[stdout]out\n", "[stderr]err\n");
    }

    @Test
    default void stdinIsAPipeThatReadsEof() throws Exception {
        sandbox().script("stdin.sh", "#!/bin/bash\nreadlink /proc/self/fd/0\n[ -p /dev/stdin ] && echo pipe\n"
                + "if read -r line; then echo \"got $line\"; else echo eof; fi\n", true);

        ScriptRun run = sandbox().run(runner(), sandbox().call("stdin.sh", 10));

        assertThat(run.stdout().text()).startsWith("pipe:[").endsWith("\npipe\neof\n");
    }

    @Test
    default void aScriptKilledBySigkillFails() throws Exception {
        sandbox().script("die.sh", "#!/bin/bash\necho dying\nkill -9 $$\n", true);

        ScriptRun run = sandbox().run(runner(), sandbox().call("die.sh", 10));

        assertThat(run.status()).isEqualTo(ScriptStatus.FAILED);
        assertThat(run.stdout().text()).isEqualTo("dying\n");
        assertKilledBySignal9(run);
    }

    @Test
    default void aScriptThatIsMissingGetsTheAgentsMessageWithTheInstancePath() throws Exception {
        ScriptRun run = sandbox().run(runner(), sandbox().call("scripts/../start.sh", 10));

        assertThat(run.status()).isEqualTo(ScriptStatus.MISSING);
        assertThat(run.agentMessage()).isEqualTo("Script does not exist at specified location: "
                + "/opt/codedeploy-agent/deployment-root/dg-1234/d-TEST12345/deployment-archive/start.sh");
        assertThat(run.exitCode()).isNull();
        assertThat(Files.readString(sandbox().scriptsLog())).doesNotContain("Script - ");
    }

    @Test
    default void aMissingScriptIsNamedByItsNormalisedPathAsTheAgentDoes() throws Exception {
        ScriptRun run = sandbox().run(runner(), sandbox().call("../deployment-archive/scripts/nope.sh", 10));

        assertThat(run.status()).isEqualTo(ScriptStatus.MISSING);
        assertThat(run.agentMessage()).isEqualTo("Script does not exist at specified location: "
                + HookSandbox.ARCHIVE + "/scripts/nope.sh");
    }

    @Test
    default void aScriptThatIsNotExecutableIsMadeExecutableWithTheAgentsWarning() throws Exception {
        Path script = sandbox().script("plain.sh", "#!/bin/sh\necho ran\n", false);

        ScriptRun run = sandbox().run(runner(), sandbox().call("plain.sh", 10));

        assertThat(run.status()).isEqualTo(ScriptStatus.SUCCEEDED);
        assertThat(run.stdout().text()).isEqualTo("ran\n");
        assertThat(run.agentWarnings()).containsExactly(
                "Script at specified location: plain.sh is not executable.  Trying to make it executable.");
        assertThat(Files.getPosixFilePermissions(script)).contains(PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
    }

    @Test
    default void aFileWithoutShebangRunsUnderSh() throws Exception {
        sandbox().script("noshebang.sh", "echo \"shell=$0\"\n", true);

        ScriptRun run = sandbox().run(runner(), sandbox().call("noshebang.sh", 10));

        assertThat(run.status()).isEqualTo(ScriptStatus.SUCCEEDED);
        assertThat(run.stdout().text()).startsWith("shell=").contains("noshebang.sh");
        assertThat(run.notes()).anyMatch(note -> note.contains("no #! line") && note.contains("/bin/sh"));
    }

    @Test
    default void aCrlfShebangIsASpawnErrorNamingTheScriptWithTheRealCauseInANote() throws Exception {
        sandbox().script("scripts/crlf.sh", "#!/bin/bash\r\necho hi\r\n", true);

        ScriptRun run = sandbox().run(runner(), sandbox().call("scripts/crlf.sh", 10));

        assertThat(run.status()).as(run.stderr().text()).isEqualTo(ScriptStatus.SPAWN_ERROR);
        assertThat(run.exitCode()).isNull();
        assertThat(run.agentMessage()).isEqualTo("Script at specified location: scripts/crlf.sh failed with error"
                + " Errno::ENOENT with message No such file or directory - "
                + HookSandbox.ARCHIVE + "/scripts/crlf.sh");
        assertThat(run.notes()).anyMatch(note -> note.contains("`/bin/bash\\r` does not exist") && note.contains("LF"));
    }

    @Test
    default void aPathWithASpaceIsSplitLikeRubyDoes() throws Exception {
        sandbox().script("my scripts/start.sh", "#!/bin/sh\necho ran\n", true);

        ScriptRun run = sandbox().run(runner(), sandbox().call("my scripts/start.sh", 10));

        assertThat(run.status()).isEqualTo(ScriptStatus.SPAWN_ERROR);
        assertThat(run.agentMessage()).endsWith("with message No such file or directory - " + HookSandbox.ARCHIVE + "/my");
        assertThat(run.notes()).anyMatch(note -> note.contains("contains a space"));
    }

    @Test
    default void aPathWithAShellMetacharacterGoesThroughSh() throws Exception {
        sandbox().script("scripts/a$b.sh", "#!/bin/sh\necho ran\n", true);

        ScriptRun run = sandbox().run(runner(), sandbox().call("scripts/a$b.sh", 10));

        // sh expands $b to nothing and cannot find scripts/a.sh: exit 127, as on an instance
        assertThat(run.status()).isEqualTo(ScriptStatus.FAILED);
        assertThat(run.exitCode()).isEqualTo(127);
        assertThat(run.stderr().text()).contains("scripts/a.sh");
    }

    @Test
    default void theScriptRunsByThePathTheAgentJoinsWithItsDotDotKept() throws Exception {
        sandbox().script("scripts/ok.sh", "#!/bin/bash\necho \"$0\"\n", true);
        String joined = HookSandbox.ARCHIVE + "/../deployment-archive/scripts/ok.sh";

        ScriptRun run = sandbox().run(runner(), sandbox().call("../deployment-archive/scripts/ok.sh", 10));

        assertThat(run.status()).as(run.stderr().text()).isEqualTo(ScriptStatus.SUCCEEDED);
        assertThat(run.stdout().text()).isEqualTo(seenAs(joined) + "\n");
        assertThat(run.command()).isEqualTo(joined);
        assertThat(Files.readString(sandbox().scriptsLog())).contains("[stdout]" + seenAs(joined) + "\n");
    }

    @Test
    default void outputReachesTheListenerLineByLine() throws Exception {
        sandbox().script("talk.sh", "#!/bin/bash\necho one\necho two >&2\nprintf three\n", true);
        List<OutputLine> lines = new CopyOnWriteArrayList<>();

        ScriptRun run = sandbox().run(runner(), sandbox().call("talk.sh", 10), lines::add);

        assertThat(run.status()).isEqualTo(ScriptStatus.SUCCEEDED);
        assertThat(lines).extracting(OutputLine::channel, OutputLine::text).containsExactlyInAnyOrder(
                tuple(OutputChannel.STDOUT, "one"), tuple(OutputChannel.STDERR, "two"), tuple(OutputChannel.STDOUT, "three"));
        assertThat(lines).allMatch(line -> line.time() != null && !line.truncated());
    }

    @Test
    default void stopEndsARunningScript() throws Exception {
        sandbox().script("forever.sh", "#!/bin/bash\necho up\nsleep 60.4\necho natural end\n", true);
        List<OutputLine> lines = new CopyOnWriteArrayList<>();
        ScriptRun run;
        try (HookLog log = sandbox().log()) {
            RunningHook hook = runner().start(sandbox().call("forever.sh", 60), sandbox().environment(), log,
                    lines::add);
            Await.until("the script's first line", () -> !lines.isEmpty());
            hook.stop();
            run = hook.await();
        }

        assertThat(run.status()).isEqualTo(ScriptStatus.STOPPED);
        assertThat(run.agentMessage()).isNull();
        assertThat(run.stdout().text()).isEqualTo("up\n");
        assertThat(HookSandbox.processesRunning("sleep 60.4")).isEmpty();
    }

    @Test
    default void stopEndsAScriptThatIgnoresSigtermAndItsChildrenSoon() throws Exception {
        sandbox().script("stubborn.sh", "#!/bin/bash\ntrap '' TERM\nsleep 60.7 &\necho up\nsleep 60.8\n", true);
        List<OutputLine> lines = new CopyOnWriteArrayList<>();
        ScriptRun run;
        long stoppedAt;
        try (HookLog log = sandbox().log()) {
            RunningHook hook = runner().start(sandbox().call("stubborn.sh", 60), sandbox().environment(), log,
                    lines::add);
            Await.until("the script's first line", () -> !lines.isEmpty());
            stoppedAt = System.nanoTime();
            hook.stop();
            run = hook.await();
        }
        long tookMs = (System.nanoTime() - stoppedAt) / 1_000_000;

        assertThat(run.status()).isEqualTo(ScriptStatus.STOPPED);
        assertThat(HookSandbox.processesRunning("sleep 60.7")).isEmpty();
        assertThat(HookSandbox.processesRunning("sleep 60.8")).isEmpty();
        // SIGKILL follows a Stop's SIGTERM after a second, not after the timeout's grace; a generous bound
        assertThat(tookMs).as("Stop to the end of the run").isLessThan(30_000);
    }
}
