package dev.hooklab.run;

import dev.hooklab.run.isolation.NoIsolation;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real hook scripts run without isolation, through hooklab's wrapper: the hook-runner contracts, and what only
 * a hook that runs straight on this machine shows.
 */
@Tag("process")
class HookRunnerTest implements HookRunnerContract, HookTimeoutContract, HookOutputContract {
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
        return new HookRunner(sandbox.mounts, new NoIsolation(), limits, new HostAccounts(), sandbox.files());
    }

    @Override
    public String seenAs(String instancePath) {
        return sandbox.mounts.hostPathAsWritten(instancePath);
    }

    @Override
    public void assertKilledBySignal9(ScriptRun run) {
        assertThat(run.exitCode()).isNull();
        assertThat(run.signal()).isEqualTo("SIGKILL");
        assertThat(run.agentMessage()).isEqualTo("Script at specified location: die.sh failed with exit code ");
        assertThat(run.notes()).anyMatch(note -> note.contains("killed by signal SIGKILL (9)"));
    }

    @Override
    public String heldAtTheTimeoutNote() {
        return "kills nothing";
    }

    @Override
    public String notWaitedForNote() {
        return "did not wait";
    }

    @Override
    public void assertDetachedProcessAfterwards(ScriptRun run, String command) {
        // without isolation it keeps running, as on an instance; clean up after ourselves
        List<Long> left = HookSandbox.processesRunning(command);
        assertThat(left).isNotEmpty();
        left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void theRunSaysItIsNotIsolated() throws Exception {
        sandbox.script("ok.sh", "#!/bin/sh\necho ok\n", true);

        ScriptRun run = sandbox.run(runner(), sandbox.call("ok.sh", 10));

        assertThat(run.status()).isEqualTo(ScriptStatus.SUCCEEDED);
        assertThat(run.notes()).anyMatch(note -> note.startsWith("No isolation"));
    }

    @Test
    void aJoinedPathWhoseDotDotWouldClimbAboveTheSandboxFolderRunsNormalised() throws Exception {
        sandbox.script("scripts/ok.sh", "#!/bin/bash\necho \"$0\"\n", true);
        String location = "../../../../../../../" + HookSandbox.ARCHIVE.substring(1) + "/scripts/ok.sh";

        ScriptRun run = sandbox.run(runner(), sandbox.call(location, 10));

        assertThat(run.status()).as(run.stderr().text()).isEqualTo(ScriptStatus.SUCCEEDED);
        // on this machine seven `..` from the sandbox folder's copy would leave the folder: the normalised path runs
        assertThat(run.stdout().text()).isEqualTo(sandbox.mounts.hostPath(HookSandbox.ARCHIVE + "/scripts/ok.sh") + "\n");
        assertThat(run.command()).isEqualTo(HookSandbox.ARCHIVE + "/" + location);
        assertThat(run.notes()).anyMatch(note -> note.contains("hooklab ran the script by that normalised path"));
    }
}
