package dev.hooklab.run;

import dev.hooklab.run.isolation.Isolation;
import dev.hooklab.run.isolation.IsolationProbe;
import dev.hooklab.run.process.HookStarter;
import dev.hooklab.work.Workers;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Real hooks in a bubblewrap sandbox: they see the sandbox at the instance's paths and nothing else writable. */
@Tag("process")
@Tag("bwrap")
class BubblewrapHookRunnerTest {
    private static final Path HOST_APP = Path.of("/var/app/current");

    @TempDir
    Path dir;

    private HookSandbox sandbox;
    private HookRunner runner;
    private Isolation bwrap;

    @BeforeEach
    void setUp() {
        HostAccounts host = new HostAccounts();
        IsolationProbe probe = new IsolationProbe(host);
        assumeTrue(probe.bubblewrap(false).isPresent(), () -> "no bubblewrap here: " + probe.bubblewrapProblem());
        sandbox = new HookSandbox(dir, "/var/app/current");
        bwrap = probe.bubblewrap(false).orElseThrow();
        runner = new HookRunner(sandbox.mounts, bwrap, RunLimits.defaults(), host, sandbox.files());
    }

    @Test
    void theHookSeesTheSandboxAtTheInstancePathsAndWritesOnlyThere() throws Exception {
        boolean hostAppExisted = Files.exists(HOST_APP);
        Files.createDirectories(sandbox.mounts.hostPath("/var/app/current"));
        Files.writeString(sandbox.mounts.hostPath("/var/app/current/x"), "from the sandbox\n");
        sandbox.script("scripts/check.sh", """
                #!/bin/bash
                cat /var/app/current/x
                echo marked > /var/app/current/marker && echo "marker written"
                echo nope > /etc/hooklab-test || echo "etc is read-only"
                echo private > /tmp/hooklab-private && echo "tmp is writable"
                echo "cwd=$(pwd) script=$0"
                """, true);

        ScriptRun run = sandbox.run(runner, sandbox.call("scripts/check.sh", 10));

        assertThat(run.status()).as(run.stderr().text()).isEqualTo(ScriptStatus.SUCCEEDED);
        assertThat(run.stdout().text()).contains("from the sandbox", "marker written", "etc is read-only",
                "tmp is writable", "cwd=/opt/codedeploy-agent script=" + HookSandbox.ARCHIVE + "/scripts/check.sh");
        assertThat(sandbox.mounts.hostPath("/var/app/current/marker")).hasContent("marked");
        assertThat(Path.of("/etc/hooklab-test")).doesNotExist();
        assertThat(Path.of("/tmp/hooklab-private")).doesNotExist();
        assertThat(Files.exists(HOST_APP)).isEqualTo(hostAppExisted);
        assertThat(HOST_APP.resolve("marker")).doesNotExist();
        assertThat(run.command()).isEqualTo(HookSandbox.ARCHIVE + "/scripts/check.sh");
    }

    @Test
    void theScriptRunsByThePathTheAgentJoinsWithItsDotDotKept() throws Exception {
        sandbox.script("scripts/ok.sh", "#!/bin/bash\necho \"$0\"\n", true);
        String joined = HookSandbox.ARCHIVE + "/../deployment-archive/scripts/ok.sh";
        // above / the kernel stays at /, inside the sandbox as on an instance
        String climbing = "../../../../../../../" + HookSandbox.ARCHIVE.substring(1) + "/scripts/ok.sh";

        ScriptRun run = sandbox.run(runner, sandbox.call("../deployment-archive/scripts/ok.sh", 10));
        ScriptRun climbed = sandbox.run(runner, sandbox.call(climbing, 10));

        assertThat(run.status()).as(run.stderr().text()).isEqualTo(ScriptStatus.SUCCEEDED);
        assertThat(run.stdout().text()).isEqualTo(joined + "\n");
        assertThat(run.command()).isEqualTo(joined);
        assertThat(climbed.status()).as(climbed.stderr().text()).isEqualTo(ScriptStatus.SUCCEEDED);
        assertThat(climbed.stdout().text()).isEqualTo(HookSandbox.ARCHIVE + "/" + climbing + "\n");
        assertThat(climbed.command()).isEqualTo(HookSandbox.ARCHIVE + "/" + climbing);
    }

    @Test
    void linesATermHandlerWritesAfterTheTimeoutAreKeptMarkedButNotLogged() throws Exception {
        HookProcessParityTest.assertTrapLinesAfterTheTimeout(sandbox, runner);
    }

    @Test
    void theHookHasNoNetwork() throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            sandbox.script("net.sh", """
                    #!/bin/bash
                    if (exec 3<>/dev/tcp/127.0.0.1/%d) 2>/dev/null; then echo connected; else echo refused; fi
                    sed -n 's/^ *\\([^:]*\\):.*/\\1/p' /proc/net/dev
                    """.formatted(listening.getLocalPort()), true);

            ScriptRun run = sandbox.run(runner, sandbox.call("net.sh", 10));

            assertThat(run.stdout().text()).isEqualTo("refused\nlo\n");
        }
    }

    @Test
    void withoutWaitingABackgroundHolderIsNamedAndDiesWithTheSandbox() throws Exception {
        HookRunner notWaiting = new HookRunner(sandbox.mounts, bwrap, RunLimits.defaults().withWaitForOutputs(false),
                new HostAccounts(), sandbox.files());
        sandbox.script("start.sh", "#!/bin/bash\n(sleep 60.5; echo late) &\necho started\nexit 0\n", true);

        long start = System.nanoTime();
        ScriptRun run = sandbox.run(notWaiting, sandbox.call("start.sh", 30));

        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000L);
        assertThat(run.status()).isEqualTo(ScriptStatus.OUTPUTS_LEFT_OPEN);
        assertThat(run.agentMessage()).isEqualTo("Script at specified location: start.sh failed to close STDOUT");
        assertThat(run.outputHolders()).anyMatch(holder -> holder.process().command().equals("sleep 60.5"));
        assertThat(run.notes()).anyMatch(note -> note.contains("PID namespace"));
        assertThat(HookSandbox.processesRunning("sleep 60.5")).isEmpty();
    }

    @Test
    void aDetachedBackgroundProcessSucceedsAndEndsWithTheSandbox() throws Exception {
        sandbox.script("start.sh", "#!/bin/bash\nsleep 60.6 > /dev/null 2>&1 < /dev/null &\necho started\n", true);

        ScriptRun run = sandbox.run(runner, sandbox.call("start.sh", 30));

        assertThat(run.status()).isEqualTo(ScriptStatus.SUCCEEDED);
        // named by its command line when it had got that far when the script ended, else as the script's copy,
        // or by its program's name alone in the moment of the exec where the kernel has not yet set its arguments
        assertThat(run.notes()).anyMatch(note -> (note.contains("sleep 60.6") || note.contains("start.sh")
                || note.contains("`[sleep]`")) && note.contains("keeps running"));
        assertThat(HookSandbox.processesRunning("sleep 60.6")).isEmpty();
    }

    @Test
    void aTimeoutEndsEveryProcessOfTheSandbox() throws Exception {
        sandbox.script("slow.sh", "#!/bin/bash\nsleep 60.7 &\ntrap '' TERM\nsleep 30\n", true);

        ScriptRun run = sandbox.run(runner, sandbox.call("slow.sh", 1));

        assertThat(run.status()).isEqualTo(ScriptStatus.TIMED_OUT);
        assertThat(run.agentMessage()).isEqualTo("Script at specified location: slow.sh failed to complete in 1 seconds");
        assertThat(HookSandbox.processesRunning("sleep 60.7")).isEmpty();
    }

    @Test
    void aHookCannotForgeItsResultInside() throws Exception {
        sandbox.script("forge.sh", "#!/bin/bash\n" + HookProcessParityTest.forge(sandbox) + "exit 3\n", true);
        sandbox.script("forge-sleep.sh", "#!/bin/bash\n" + HookProcessParityTest.forge(sandbox) + "sleep 30\n", true);

        ScriptRun failed = sandbox.run(runner, sandbox.call("forge.sh", 10));
        ScriptRun slow = sandbox.run(runner, sandbox.call("forge-sleep.sh", 1));

        assertThat(failed.status()).as(failed.stdout().text()).isEqualTo(ScriptStatus.FAILED);
        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(failed.stdout().text()).doesNotContain("forged");
        assertThat(slow.status()).as(slow.stdout().text()).isEqualTo(ScriptStatus.TIMED_OUT);
    }

    @Test
    void heldOutputsAreWaitedForInsideAndFailOnlyAtTheTimeout() throws Exception {
        sandbox.script("late.sh", "#!/bin/bash\n(sleep 2; echo late) &\necho started\n", true);
        sandbox.script("never.sh", "#!/bin/bash\n(sleep 60.9; echo late) &\necho started\n", true);
        List<String> live = new CopyOnWriteArrayList<>();

        ScriptRun late = sandbox.run(runner, sandbox.call("late.sh", 6), HookRunnerTest.listener(live));
        ScriptRun never = sandbox.run(runner, sandbox.call("never.sh", 2));

        assertThat(late.status()).as(String.join("\n", late.notes())).isEqualTo(ScriptStatus.SUCCEEDED);
        assertThat(late.stdout().text()).isEqualTo("started\nlate\n");
        assertThat(Files.readString(sandbox.scriptsLog())).contains("[stdout]late\n");
        // the live note names the holders seen when the script exits: on a busy machine the subshell may not
        // have started sleep yet, and then it is named, as the script's copy
        assertThat(live).singleElement().satisfies(note -> assertThat(note).contains("holds STDOUT", "timeout (6 s)")
                .containsAnyOf("sleep 2", HookSandbox.ARCHIVE + "/late.sh"));
        assertThat(late.notes()).anyMatch(note -> note.contains("sleep 2") && note.contains("held STDOUT"));
        assertThat(never.status()).isEqualTo(ScriptStatus.OUTPUTS_LEFT_OPEN);
        assertThat(never.agentMessage()).isEqualTo("Script at specified location: never.sh failed to close STDOUT");
        assertThat(never.notes()).anyMatch(note -> note.contains("at the timeout (2 s)") && note.contains("PID namespace"));
        assertThat(HookSandbox.processesRunning("sleep 60.9")).isEmpty();
    }

    @Test
    void theProcessStartsAsTheAgentsDoesInside() throws Exception {
        Files.createDirectories(sandbox.mounts.hostPath("/var/app/current"));
        sandbox.script("start.sh", "#!/bin/bash\nreadlink /proc/self/fd/0\nread -r line || echo eof\n"
                + "grep -E '^Sig(Blk|Ign):' /proc/self/status\n", true);
        sandbox.script("count.sh", "#!/bin/bash\ntrap 'echo term >> /var/app/current/terms' TERM\n"
                + "while true; do sleep 0.05; done\n", true);

        ScriptRun run = sandbox.run(runner, sandbox.call("start.sh", 10));
        ScriptRun counted = sandbox.run(runner, sandbox.call("count.sh", 1));

        assertThat(run.stdout().text()).startsWith("pipe:[").contains("\neof\n");
        HookProcessParityTest.assertAgentSignals(run);
        assertThat(counted.status()).isEqualTo(ScriptStatus.TIMED_OUT);
        assertThat(sandbox.mounts.hostPath("/var/app/current/terms")).hasContent("term");
    }

    @Test
    void aCrlfShebangIsTheSameSpawnErrorInside() throws Exception {
        sandbox.script("crlf.sh", "#!/bin/bash\r\necho hi\r\n", true);

        ScriptRun run = sandbox.run(runner, sandbox.call("crlf.sh", 10));

        assertThat(run.status()).isEqualTo(ScriptStatus.SPAWN_ERROR);
        assertThat(run.agentMessage()).isEqualTo("Script at specified location: crlf.sh failed with error"
                + " Errno::ENOENT with message No such file or directory - " + HookSandbox.ARCHIVE + "/crlf.sh");
    }

    @Test
    void withoutTheWrapperAFailedExecIsStillASpawnErrorAndAHookCannotFakeOne() throws Exception {
        // the exec is bwrap's as root, prlimit's (which sets the process limit) as an ordinary user
        HookRunner plain = new HookRunner(sandbox.mounts, bwrap, RunLimits.defaults(), new HostAccounts(),
                sandbox.files(), HookStarter.withoutWrapper(Workers.daemons()));
        sandbox.script("crlf.sh", "#!/bin/bash\r\necho hi\r\n", true);
        sandbox.script("fake.sh", """
                #!/bin/bash
                echo "bwrap: execvp /x: No such file or directory" >&2
                echo "prlimit: failed to execute /x: No such file or directory" >&2
                echo more >&2
                exit 127
                """, true);

        ScriptRun crlf = sandbox.run(plain, sandbox.call("crlf.sh", 10));
        ScriptRun fake = sandbox.run(plain, sandbox.call("fake.sh", 10));

        assertThat(crlf.status()).as(crlf.stderr().text()).isEqualTo(ScriptStatus.SPAWN_ERROR);
        assertThat(crlf.agentMessage()).isEqualTo("Script at specified location: crlf.sh failed with error"
                + " Errno::ENOENT with message No such file or directory - " + HookSandbox.ARCHIVE + "/crlf.sh");
        assertThat(fake.status()).isEqualTo(ScriptStatus.FAILED);
        assertThat(fake.exitCode()).isEqualTo(127);
    }
}
