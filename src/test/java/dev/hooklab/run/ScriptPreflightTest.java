package dev.hooklab.run;

import dev.hooklab.run.isolation.NoIsolation;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** The agent's checks before a script runs, made on the sandbox only and from what was there before the hook. */
@Tag("process")
class ScriptPreflightTest {
    @TempDir
    Path dir;

    private HookSandbox sandbox;
    private HookRunner runner;

    @BeforeEach
    void setUp() throws Exception {
        sandbox = new HookSandbox(Files.createDirectories(dir.resolve("sandbox")));
        runner = new HookRunner(sandbox.mounts, new NoIsolation(), RunLimits.defaults(), new HostAccounts(),
                sandbox.files());
    }

    @Test
    void aRelativeLinkClimbingOutStopsAtTheSandboxRootAndNothingIsChmodded() throws Exception {
        Path host = Files.writeString(dir.resolve("host.txt"), "echo host\n");
        Files.setPosixFilePermissions(host, PosixFilePermissions.fromString("rw-r--r--"));
        Path link = sandbox.mounts.hostPath(HookSandbox.ARCHIVE + "/scripts/x.sh");
        Files.createDirectories(link.getParent());
        // eight levels up from scripts/ is dir itself for this machine's kernel; for the instance it stops at /
        Files.createSymbolicLink(link, Path.of("../../../../../../../../host.txt"));
        assertThat(link.toRealPath()).isEqualTo(host.toRealPath());

        ScriptRun run = sandbox.run(runner, sandbox.call("scripts/x.sh", 10));

        assertThat(run.status()).isEqualTo(ScriptStatus.FAILED);
        assertThat(run.notes()).anyMatch(n -> n.contains("it leads to /host.txt") && n.contains("outside the sandbox"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(host))).isEqualTo("rw-r--r--");
        assertThat(run.stdout().text()).isEmpty();
    }

    @Test
    void aScriptThatDeletesItselfGetsNoWordAboutAMissingShebangLine() throws Exception {
        sandbox.script("gone.sh", "#!/bin/sh\nrm -f \"$0\"\necho gone\n", true);

        ScriptRun run = sandbox.run(runner, sandbox.call("gone.sh", 10));

        assertThat(run.status()).isEqualTo(ScriptStatus.SUCCEEDED);
        assertThat(run.stdout().text()).isEqualTo("gone\n");
        assertThat(Files.exists(sandbox.mounts.hostPath(HookSandbox.ARCHIVE + "/gone.sh"))).isFalse();
        assertThat(run.notes()).noneMatch(n -> n.contains("#! line"));
    }

    @Test
    void aScriptWithoutShebangThatDeletesItselfStillGetsTheNote() throws Exception {
        sandbox.script("plain.sh", "rm -f \"$0\"\necho plain\n", true);

        ScriptRun run = sandbox.run(runner, sandbox.call("plain.sh", 10));

        assertThat(run.stdout().text()).isEqualTo("plain\n");
        assertThat(run.notes()).anyMatch(n -> n.startsWith("The script has no #! line"));
    }

    @Test
    void aFifoInPlaceOfTheScriptIsNeverOpened() throws Exception {
        Path fifo = sandbox.mounts.hostPath(HookSandbox.ARCHIVE + "/pipe.sh");
        Files.createDirectories(fifo.getParent());
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        ScriptRun run = sandbox.run(runner, sandbox.call("pipe.sh", 10));

        assertThat(run.status()).isEqualTo(ScriptStatus.SPAWN_ERROR);
        assertThat(run.agentMessage()).isEqualTo("Script at specified location: pipe.sh failed with error"
                + " Errno::EACCES with message Permission denied - " + HookSandbox.ARCHIVE + "/pipe.sh");
    }
}
