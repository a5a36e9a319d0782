package dev.hooklab.run;

import dev.hooklab.run.isolation.NoIsolation;
import dev.hooklab.run.output.HookLog;
import dev.hooklab.run.output.OutputChannel;
import dev.hooklab.run.output.OutputLine;
import dev.hooklab.run.output.OutputListener;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Real hook scripts run without isolation, judged by the agent's rules. */
@Tag("process")
class HookRunnerTest {
    @TempDir
    Path dir;

    private HookSandbox sandbox;
    private HookRunner runner;

    @BeforeEach
    void setUp() {
        sandbox = new HookSandbox(dir);
        runner = new HookRunner(sandbox.mounts, new NoIsolation(), RunLimits.defaults(), new HostAccounts(),
                sandbox.files());
    }

    @Test
    void theScriptSeesTheAgentsVariablesButNotTheClearedCredentials() throws Exception {
        sandbox.script("env.sh", """
                #!/bin/sh
                echo "event=$LIFECYCLE_EVENT id=$DEPLOYMENT_ID app=$APPLICATION_NAME"
                echo "group=$DEPLOYMENT_GROUP_NAME groupId=$DEPLOYMENT_GROUP_ID commit=$BUNDLE_COMMIT"
                echo "key=${AWS_SECRET_ACCESS_KEY-unset} cwd=$(pwd)"
                """, true);

        ScriptRun run = sandbox.run(runner, sandbox.call("env.sh", 10));

        assertThat(run.status()).isEqualTo(ScriptStatus.SUCCEEDED);
        assertThat(run.exitCode()).isZero();
        assertThat(run.agentMessage()).isNull();
        assertThat(run.stdout().text()).isEqualTo("""
                event=AfterInstall id=d-TEST12345 app=shop
                group=shop-prod groupId=dg-1234 commit=0123abc
                key=unset cwd=%s
                """.formatted(sandbox.mounts.hostPath("/opt/codedeploy-agent")));
        assertThat(run.notes()).anyMatch(note -> note.startsWith("No isolation"));
    }

    @Test
    void stderrIsKeptApartAndAFailingExitGetsTheAgentsMessage() throws Exception {
        sandbox.script("scripts/fail.sh", "#!/bin/bash\necho out\necho err >&2\nexit 3\n", true);

        ScriptRun run = sandbox.run(runner, sandbox.call("scripts/fail.sh", 10));

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
    void stdinIsClosed() throws Exception {
        sandbox.script("read.sh", "#!/bin/bash\nif read -r line; then echo \"got $line\"; else echo eof; fi\n", true);

        ScriptRun run = sandbox.run(runner, sandbox.call("read.sh", 10));

        assertThat(run.stdout().text()).isEqualTo("eof\n");
    }

    @Test
    void aScriptKilledByASignalHasNoExitCodeInTheMessage() throws Exception {
        sandbox.script("die.sh", "#!/bin/bash\necho dying\nkill -9 $$\n", true);

        ScriptRun run = sandbox.run(runner, sandbox.call("die.sh", 10));

        assertThat(run.status()).isEqualTo(ScriptStatus.FAILED);
        assertThat(run.exitCode()).isNull();
        assertThat(run.signal()).isEqualTo("SIGKILL");
        assertThat(run.agentMessage()).isEqualTo("Script at specified location: die.sh failed with exit code ");
        assertThat(run.notes()).anyMatch(note -> note.contains("killed by signal SIGKILL (9)"));
    }

    @Test
    void aScriptThatIsMissingGetsTheAgentsMessageWithTheInstancePath() throws Exception {
        ScriptRun run = sandbox.run(runner, sandbox.call("scripts/../start.sh", 10));

        assertThat(run.status()).isEqualTo(ScriptStatus.MISSING);
        assertThat(run.agentMessage()).isEqualTo("Script does not exist at specified location: "
                + "/opt/codedeploy-agent/deployment-root/dg-1234/d-TEST12345/deployment-archive/start.sh");
        assertThat(run.exitCode()).isNull();
        assertThat(Files.readString(sandbox.scriptsLog())).doesNotContain("Script - ");
    }

    @Test
    void aScriptThatIsNotExecutableIsMadeExecutableWithTheAgentsWarning() throws Exception {
        Path script = sandbox.script("plain.sh", "#!/bin/sh\necho ran\n", false);

        ScriptRun run = sandbox.run(runner, sandbox.call("plain.sh", 10));

        assertThat(run.status()).isEqualTo(ScriptStatus.SUCCEEDED);
        assertThat(run.agentWarnings()).containsExactly(
                "Script at specified location: plain.sh is not executable.  Trying to make it executable.");
        assertThat(Files.getPosixFilePermissions(script)).contains(PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
    }

    @Test
    void aFileWithoutShebangRunsUnderSh() throws Exception {
        sandbox.script("noshebang.sh", "echo \"shell=$0\"\n", true);

        ScriptRun run = sandbox.run(runner, sandbox.call("noshebang.sh", 10));

        assertThat(run.status()).isEqualTo(ScriptStatus.SUCCEEDED);
        assertThat(run.stdout().text()).startsWith("shell=").contains("noshebang.sh");
        assertThat(run.notes()).anyMatch(note -> note.contains("no #! line") && note.contains("/bin/sh"));
    }

    @Test
    void aCrlfShebangIsASpawnErrorNamingTheScriptWithTheRealCauseInANote() throws Exception {
        sandbox.script("scripts/crlf.sh", "#!/bin/bash\r\necho hi\r\n", true);

        ScriptRun run = sandbox.run(runner, sandbox.call("scripts/crlf.sh", 10));

        assertThat(run.status()).isEqualTo(ScriptStatus.SPAWN_ERROR);
        assertThat(run.exitCode()).isNull();
        assertThat(run.agentMessage()).isEqualTo("Script at specified location: scripts/crlf.sh failed with error"
                + " Errno::ENOENT with message No such file or directory - "
                + HookSandbox.ARCHIVE + "/scripts/crlf.sh");
        assertThat(run.notes()).anyMatch(note -> note.contains("`/bin/bash\\r` does not exist") && note.contains("LF"));
    }

    @Test
    void aPathWithASpaceIsSplitLikeRubyDoes() throws Exception {
        sandbox.script("my scripts/start.sh", "#!/bin/sh\necho ran\n", true);

        ScriptRun run = sandbox.run(runner, sandbox.call("my scripts/start.sh", 10));

        assertThat(run.status()).isEqualTo(ScriptStatus.SPAWN_ERROR);
        assertThat(run.agentMessage()).endsWith("with message No such file or directory - " + HookSandbox.ARCHIVE + "/my");
        assertThat(run.notes()).anyMatch(note -> note.contains("contains a space"));
    }

    @Test
    void aPathWithAShellMetacharacterGoesThroughSh() throws Exception {
        sandbox.script("scripts/a$b.sh", "#!/bin/sh\necho ran\n", true);

        ScriptRun run = sandbox.run(runner, sandbox.call("scripts/a$b.sh", 10));

        // sh expands $b to nothing and cannot find scripts/a.sh: exit 127, as on an instance
        assertThat(run.status()).isEqualTo(ScriptStatus.FAILED);
        assertThat(run.exitCode()).isEqualTo(127);
        assertThat(run.stderr().text()).contains("scripts/a.sh");
    }

    @Test
    void aTimeoutSendsTermAndReportsTheAgentsMessage() throws Exception {
        sandbox.script("slow.sh", "#!/bin/bash\nsleep 30\n", true);

        long start = System.nanoTime();
        ScriptRun run = sandbox.run(runner, sandbox.call("slow.sh", 2));

        assertThat(run.status()).isEqualTo(ScriptStatus.TIMED_OUT);
        assertThat(run.agentMessage()).isEqualTo("Script at specified location: slow.sh failed to complete in 2 seconds");
        assertThat(run.signal()).isEqualTo("SIGTERM");
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(1_900L, 5_000L);
        assertThat(run.notes()).noneMatch(note -> note.contains("SIGKILL"));
    }

    @Test
    void aScriptThatTrapsTermIsKilledAfterTheGraceWithANoteThatTheAgentWouldHang() throws Exception {
        sandbox.script("stubborn.sh", """
                #!/bin/bash
                trap 'echo ignoring TERM' TERM
                while true; do sleep 0.2; done
                """, true);

        long start = System.nanoTime();
        ScriptRun run = sandbox.run(runner, sandbox.call("stubborn.sh", 2));

        assertThat(run.status()).isEqualTo(ScriptStatus.TIMED_OUT);
        assertThat(run.agentMessage()).isEqualTo(
                "Script at specified location: stubborn.sh failed to complete in 2 seconds");
        assertThat(run.signal()).isEqualTo("SIGKILL");
        assertThat(run.stdout().text()).contains("ignoring TERM");
        assertThat(run.notes()).anyMatch(note -> note.contains("ignored SIGTERM") && note.contains("hung"));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(8_000L);
    }

    @Test
    void aLowerMaximumTimeoutIsNoted() throws Exception {
        HookRunner capped = new HookRunner(sandbox.mounts, new NoIsolation(), RunLimits.defaults().withMaxTimeout(1),
                new HostAccounts(), sandbox.files());
        sandbox.script("long.sh", "#!/bin/sh\nsleep 20\n", true);

        ScriptRun run = sandbox.run(capped, sandbox.call("long.sh", 3600));

        assertThat(run.status()).isEqualTo(ScriptStatus.TIMED_OUT);
        assertThat(run.agentMessage()).endsWith("failed to complete in 1 seconds");
        assertThat(run.notes()).anyMatch(note -> note.contains("asks for a timeout of 3600 s"));
    }

    private HookRunner notWaiting() {
        return new HookRunner(sandbox.mounts, new NoIsolation(), RunLimits.defaults().withWaitForOutputs(false),
                new HostAccounts(), sandbox.files());
    }

    @Test
    void withoutWaitingABackgroundProcessHoldingStdoutIsReportedAtOnceAndStopped() throws Exception {
        sandbox.script("start.sh", "#!/bin/bash\n(sleep 60.1; echo late) &\necho started\nexit 0\n", true);
        List<String> live = new CopyOnWriteArrayList<>();

        long start = System.nanoTime();
        ScriptRun run = sandbox.run(notWaiting(), sandbox.call("start.sh", 30), listener(live));

        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000L);
        assertThat(run.status()).isEqualTo(ScriptStatus.OUTPUTS_LEFT_OPEN);
        assertThat(run.agentMessage()).isEqualTo("Script at specified location: start.sh failed to close STDOUT");
        assertThat(run.exitCode()).isZero();
        assertThat(run.outputHolders()).anyMatch(holder -> holder.channel() == OutputChannel.STDOUT
                && holder.process().command().equals("sleep 60.1"));
        assertThat(run.notes()).anyMatch(note -> note.contains("until the deadline (30 s)") && note.contains("sleep 60.1")
                && note.contains("did not wait"));
        assertThat(live).anyMatch(note -> note.contains("sleep 60.1") && note.contains("holds STDOUT")
                && note.contains("does not wait"));
        assertThat(HookSandbox.processesRunning("sleep 60.1")).isEmpty();
    }

    @Test
    void onlyStderrLeftOpenIsReportedAsStderr() throws Exception {
        sandbox.script("start.sh", "#!/bin/bash\nsleep 60.2 > /dev/null < /dev/null &\nexit 0\n", true);

        ScriptRun run = sandbox.run(notWaiting(), sandbox.call("start.sh", 30));

        assertThat(run.status()).isEqualTo(ScriptStatus.OUTPUTS_LEFT_OPEN);
        assertThat(run.agentMessage()).isEqualTo("Script at specified location: start.sh failed to close STDERR");
        assertThat(HookSandbox.processesRunning("sleep 60.2")).isEmpty();
    }

    @Test
    void aFullyRedirectedBackgroundProcessIsFine() throws Exception {
        sandbox.script("start.sh", "#!/bin/bash\nsleep 60.3 > /dev/null 2>&1 < /dev/null &\necho $! > /dev/null\n", true);

        ScriptRun run = sandbox.run(runner, sandbox.call("start.sh", 30));

        assertThat(run.status()).isEqualTo(ScriptStatus.SUCCEEDED);
        // without isolation it keeps running, as on an instance; clean up after ourselves
        List<Long> left = HookSandbox.processesRunning("sleep 60.3");
        assertThat(left).isNotEmpty();
        left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    static OutputListener listener(List<String> notes) {
        return new OutputListener() {
            @Override
            public void line(OutputLine line) {
            }

            @Override
            public void note(String text) {
                notes.add(text);
            }
        };
    }

    @Test
    void outputReachesTheListenerLineByLine() throws Exception {
        sandbox.script("talk.sh", "#!/bin/bash\necho one\necho two >&2\nprintf three\n", true);
        List<OutputLine> lines = new CopyOnWriteArrayList<>();

        ScriptRun run = sandbox.run(runner, sandbox.call("talk.sh", 10), lines::add);

        assertThat(run.status()).isEqualTo(ScriptStatus.SUCCEEDED);
        assertThat(lines).extracting(OutputLine::channel, OutputLine::text).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(OutputChannel.STDOUT, "one"),
                org.assertj.core.groups.Tuple.tuple(OutputChannel.STDERR, "two"),
                org.assertj.core.groups.Tuple.tuple(OutputChannel.STDOUT, "three"));
        assertThat(lines).allMatch(line -> line.time() != null && !line.truncated());
    }

    @Test
    void stopEndsARunningScript() throws Exception {
        sandbox.script("forever.sh", "#!/bin/bash\necho up\nsleep 60.4\n", true);
        try (HookLog log = sandbox.log()) {
            RunningHook hook = runner.start(sandbox.call("forever.sh", 60), sandbox.environment(), log,
                    OutputListener.NONE);
            Thread.sleep(300);
            hook.stop();
            ScriptRun run = hook.await();

            assertThat(run.status()).isEqualTo(ScriptStatus.STOPPED);
            assertThat(run.agentMessage()).isNull();
        }
        assertThat(HookSandbox.processesRunning("sleep 60.4")).isEmpty();
    }
}
