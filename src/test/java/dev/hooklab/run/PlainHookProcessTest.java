package dev.hooklab.run;

import dev.hooklab.run.isolation.NoIsolation;
import dev.hooklab.run.process.HookStarter;
import dev.hooklab.work.Workers;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without hooklab's wrapper, as on a machine without perl, and without isolation: {@link HookRunnerContract} holds,
 * with the same messages where Java can tell and notes where it cannot. The timeout and held-output contracts
 * need the wrapper (one SIGTERM with a grace, the signal that ended the script, outputs held past its exit, the
 * signals a Ruby parent leaves, a status the hook cannot forge), so only a plain timeout is checked here.
 */
@Tag("process")
class PlainHookProcessTest implements HookRunnerContract {
    @TempDir
    Path dir;

    private HookSandbox sandbox;

    @BeforeEach
    void setUp() {
        sandbox = new HookSandbox(dir, "/var/app/current");
    }

    @Override
    public HookSandbox sandbox() {
        return sandbox;
    }

    @Override
    public HookRunner runner(RunLimits limits) {
        return new HookRunner(sandbox.mounts, new NoIsolation(), limits, new HostAccounts(), sandbox.files(),
                HookStarter.withoutWrapper(Workers.daemons()));
    }

    @Override
    public String seenAs(String instancePath) {
        return sandbox.mounts.hostPathAsWritten(instancePath);
    }

    @Override
    public void assertKilledBySignal9(ScriptRun run) {
        assertThat(run.exitCode()).isEqualTo(137);
        assertThat(run.notes()).anyMatch(note -> note.contains("above 128 may really be death by a signal"));
    }

    @Test
    void theRunSaysPerlIsMissing() throws Exception {
        sandbox.script("fail.sh", "#!/bin/sh\nexit 3\n", true);

        ScriptRun run = sandbox.run(runner(), sandbox.call("fail.sh", 10));

        assertThat(run.status()).isEqualTo(ScriptStatus.FAILED);
        assertThat(run.notes()).anyMatch(note -> note.contains("perl is not installed"));
    }

    @Test
    void aTimeoutStillStopsTheScript() throws Exception {
        Path marker = sandbox.mounts.hostPath("/var/app/current/slow-ended");
        sandbox.script("slow.sh", "#!/bin/sh\nsleep 30\necho natural end > " + seenAs("/var/app/current/slow-ended")
                + "\n", true);
        Files.createDirectories(marker.getParent());

        ScriptRun run = sandbox.run(runner(), sandbox.call("slow.sh", 1));

        assertThat(run.status()).isEqualTo(ScriptStatus.TIMED_OUT);
        assertThat(run.agentMessage()).isEqualTo("Script at specified location: slow.sh failed to complete in 1 seconds");
        assertThat(marker).as("the script never reached its end").doesNotExist();
    }
}
