package dev.hooklab.run;

import dev.hooklab.run.isolation.NoIsolation;
import dev.hooklab.run.process.HookStarter;
import dev.hooklab.work.Workers;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Without perl: the same messages where Java can tell, and notes where it cannot. */
@Tag("process")
class PlainHookProcessTest {
    @TempDir
    Path dir;

    private HookSandbox sandbox;
    private HookRunner runner;

    @BeforeEach
    void setUp() {
        sandbox = new HookSandbox(dir);
        runner = new HookRunner(sandbox.mounts, new NoIsolation(), RunLimits.defaults(), new HostAccounts(),
                sandbox.files(), HookStarter.withoutWrapper(Workers.daemons()));
    }

    @Test
    void exitCodesAndOutputsAreStillCaptured() throws Exception {
        sandbox.script("fail.sh", "#!/bin/sh\necho out\necho err >&2\nexit 3\n", true);

        ScriptRun run = sandbox.run(runner, sandbox.call("fail.sh", 10));

        assertThat(run.status()).isEqualTo(ScriptStatus.FAILED);
        assertThat(run.agentMessage()).isEqualTo("Script at specified location: fail.sh failed with exit code 3");
        assertThat(run.stdout().text()).isEqualTo("out\n");
        assertThat(run.stderr().text()).isEqualTo("err\n");
        assertThat(run.notes()).anyMatch(note -> note.contains("perl is not installed"));
    }

    @Test
    void aCrlfShebangIsStillASpawnError() throws Exception {
        sandbox.script("crlf.sh", "#!/bin/bash\r\necho hi\r\n", true);

        ScriptRun run = sandbox.run(runner, sandbox.call("crlf.sh", 10));

        assertThat(run.status()).isEqualTo(ScriptStatus.SPAWN_ERROR);
        assertThat(run.agentMessage()).isEqualTo("Script at specified location: crlf.sh failed with error"
                + " Errno::ENOENT with message No such file or directory - " + HookSandbox.ARCHIVE + "/crlf.sh");
    }

    @Test
    void aTimeoutStillStopsTheScript() throws Exception {
        sandbox.script("slow.sh", "#!/bin/sh\nsleep 30\n", true);

        ScriptRun run = sandbox.run(runner, sandbox.call("slow.sh", 1));

        assertThat(run.status()).isEqualTo(ScriptStatus.TIMED_OUT);
        assertThat(run.agentMessage()).isEqualTo("Script at specified location: slow.sh failed to complete in 1 seconds");
    }

    @Test
    void aSignalLooksLikeAnExitCodeAbove128() throws Exception {
        sandbox.script("die.sh", "#!/bin/sh\nkill -9 $$\n", true);

        ScriptRun run = sandbox.run(runner, sandbox.call("die.sh", 10));

        assertThat(run.exitCode()).isEqualTo(137);
        assertThat(run.notes()).anyMatch(note -> note.contains("above 128 may really be death by a signal"));
    }
}
