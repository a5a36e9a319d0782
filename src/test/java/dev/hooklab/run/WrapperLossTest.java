package dev.hooklab.run;

import dev.hooklab.run.isolation.NoIsolation;
import dev.hooklab.run.output.HookLog;
import dev.hooklab.run.output.OutputListener;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * When hooklab's wrapper cannot say how the script ended, the result says why instead of "could not start
 * the hook": the hook killed the wrapper. A full sandbox disk no longer hides the script's end (it used to
 * stall the run for the script's whole timeout plus 12.5 s, waiting for a status file that could not grow;
 * the status now travels over a socket).
 */
@Tag("process")
class WrapperLossTest {
    @TempDir
    Path dir;

    @Test
    void aHookThatKillsItsParentIsReportedAsThatWithAnUnknownExitStatus() throws Exception {
        HookSandbox sandbox = new HookSandbox(dir);
        HookRunner runner = new HookRunner(sandbox.mounts, new NoIsolation(), RunLimits.defaults(), new HostAccounts(), sandbox.files());
        sandbox.script("killer.sh", "#!/bin/bash\necho before\nkill -9 $PPID\necho after\n", true);

        ScriptRun run = sandbox.run(runner, sandbox.call("killer.sh", 30));

        assertThat(run.status()).isEqualTo(ScriptStatus.FAILED);
        assertThat(run.exitCode()).isNull();
        assertThat(run.notes()).anyMatch(n -> n.startsWith("hooklab's wrapper, the script's parent process, was killed")
                && n.contains("the hook's exit status is unknown"));
        assertThat(run.notes()).noneMatch(n -> n.contains("could not start the hook"));
        // what the script wrote before the loss is kept; its line after the kill races with hooklab ending the
        // hook's process tree once the wrapper is gone (lost once on a loaded machine), so it may or may not be there
        assertThat(run.stdout().text()).isIn("before\n", "before\nafter\n");
    }

    @Test
    void aFullSandboxDiskIsNamedAndDoesNotStallTheRun() throws Exception {
        Path small = Files.createDirectories(dir.resolve("small"));
        assumeTrue(mount(small), "cannot mount a tmpfs here (needs root)");
        try {
            HookSandbox sandbox = new HookSandbox(small);
            HookRunner runner = new HookRunner(sandbox.mounts, new NoIsolation(), RunLimits.defaults(),
                    new HostAccounts(), sandbox.files());
            sandbox.script("second.sh", "#!/bin/bash\necho second\n", true);
            ScriptRun run;
            try (HookLog log = sandbox.log()) {
                fill(small.resolve("filler"));
                run = runner.run(sandbox.call("second.sh", 600), sandbox.environment(), log, OutputListener.NONE);
            }

            // the wrapper reports over a socket, not a file on the full disk: the script's end is known
            assertThat(run.status()).isEqualTo(ScriptStatus.SUCCEEDED);
            assertThat(run.exitCode()).isZero();
            assertThat(run.stdout().text()).isEqualTo("second\n");
            assertThat(run.notes()).noneMatch(n -> n.contains("could not start the hook") || n.contains("did not finish"));
            // the run's own duration: a stalled run lasted the wrapper's limit, the script's 600 s timeout + 12.5 s;
            // anything below the timeout shows the end was known without it (no tight bound on a busy machine)
            assertThat(run.durationMs()).isLessThan(600_000L);
        } finally {
            new ProcessBuilder("umount", "-l", small.toString()).inheritIO().start().waitFor();
        }
    }

    private static boolean mount(Path at) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", at.toString())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void fill(Path file) {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            // ENOSPC: the disk is full now
        }
    }
}
