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
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real hooks in a bubblewrap sandbox: the hook-runner contracts, and what only the sandbox shows: hooks see it
 * at the instance's paths and nothing else writable, have no network, and leave nothing running.
 */
@Tag("process")
@Tag("bwrap")
class BubblewrapHookRunnerTest implements HookRunnerContract, HookTimeoutContract, HookOutputContract {
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
        runner = runner(RunLimits.defaults());
    }

    @Override
    public HookSandbox sandbox() {
        return sandbox;
    }

    @Override
    public HookRunner runner(RunLimits limits) {
        return new HookRunner(sandbox.mounts, bwrap, limits, new HostAccounts(), sandbox.files());
    }

    @Override
    public String seenAs(String instancePath) {
        return instancePath;
    }

    @Override
    public void assertKilledBySignal9(ScriptRun run) {
        assertThat(run.exitCode()).isNull();
        assertThat(run.signal()).isEqualTo("SIGKILL");
        assertThat(run.agentMessage()).isEqualTo("Script at specified location: die.sh failed with exit code ");
    }

    @Override
    public String heldAtTheTimeoutNote() {
        return "PID namespace";
    }

    @Override
    public String notWaitedForNote() {
        return "PID namespace";
    }

    @Override
    public void assertDetachedProcessAfterwards(ScriptRun run, String command) {
        // named by its command line when it had got that far when the script ended, else as the script's copy,
        // or by its program's name alone in the moment of the exec where the kernel has not yet set its arguments
        assertThat(run.notes()).anyMatch(note -> (note.contains(command) || note.contains("start.sh")
                || note.contains("`[sleep]`")) && note.contains("keeps running"));
        assertThat(HookSandbox.processesRunning(command)).isEmpty();
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
    void aJoinedPathThatClimbsAboveSlashStaysAtSlashInside() throws Exception {
        sandbox.script("scripts/ok.sh", "#!/bin/bash\necho \"$0\"\n", true);
        // above / the kernel stays at /, inside the sandbox as on an instance
        String climbing = "../../../../../../../" + HookSandbox.ARCHIVE.substring(1) + "/scripts/ok.sh";

        ScriptRun climbed = sandbox.run(runner, sandbox.call(climbing, 10));

        assertThat(climbed.status()).as(climbed.stderr().text()).isEqualTo(ScriptStatus.SUCCEEDED);
        assertThat(climbed.stdout().text()).isEqualTo(HookSandbox.ARCHIVE + "/" + climbing + "\n");
        assertThat(climbed.command()).isEqualTo(HookSandbox.ARCHIVE + "/" + climbing);
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
