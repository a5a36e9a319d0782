package dev.hooklab.run;

import dev.hooklab.run.output.OutputChannel;
import dev.hooklab.run.output.OutputLine;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Timeouts, signals and processes left behind, the same for every way of running hooks. No scenario measures
 * elapsed time against the clock: each shows the timeout fired (its status, its signal, and a marker the script
 * would write at its natural end that is not there) and uses the run's own recorded duration where a deadline
 * matters.
 */
interface HookTimeoutContract extends HookRunnerFixture {

    /** A script that writes {@code marker} (an instance path) only if it reaches its natural end. */
    private String endMarker(String marker) {
        return "echo natural end > " + seenAs(marker) + "\n";
    }

    private Path markerOnHost(String marker) throws Exception {
        Path host = sandbox().mounts.hostPath(marker);
        Files.createDirectories(host.getParent());
        return host;
    }

    @Test
    default void aTimeoutSendsTermAndReportsTheAgentsMessage() throws Exception {
        Path marker = markerOnHost("/var/app/current/slow-ended");
        sandbox().script("slow.sh", "#!/bin/bash\nsleep 30\n" + endMarker("/var/app/current/slow-ended"), true);

        ScriptRun run = sandbox().run(runner(), sandbox().call("slow.sh", 2));

        assertThat(run.status()).isEqualTo(ScriptStatus.TIMED_OUT);
        assertThat(run.agentMessage()).isEqualTo("Script at specified location: slow.sh failed to complete in 2 seconds");
        assertThat(run.signal()).isEqualTo("SIGTERM");
        assertThat(run.notes()).noneMatch(note -> note.contains("SIGKILL"));
        assertThat(marker).as("the script never reached its end").doesNotExist();
        // a lower bound on the run's own duration: the 2 s deadline was honoured, not cut short
        assertThat(run.durationMs()).isGreaterThanOrEqualTo(1_900L);
    }

    @Test
    default void aScriptThatTrapsTermIsKilledAfterTheGraceWithANoteThatTheAgentWouldHang() throws Exception {
        sandbox().script("stubborn.sh", """
                #!/bin/bash
                trap 'echo ignoring TERM' TERM
                while true; do sleep 0.2; done
                """, true);

        ScriptRun run = sandbox().run(runner(), sandbox().call("stubborn.sh", 2));

        assertThat(run.status()).isEqualTo(ScriptStatus.TIMED_OUT);
        assertThat(run.agentMessage()).isEqualTo("Script at specified location: stubborn.sh failed to complete in 2 seconds");
        assertThat(run.signal()).isEqualTo("SIGKILL");
        assertThat(run.stdout().text()).contains("ignoring TERM");
        assertThat(run.notes()).anyMatch(note -> note.contains("ignored SIGTERM") && note.contains("hung"));
    }

    @Test
    default void aLowerMaximumTimeoutIsNoted() throws Exception {
        sandbox().script("long.sh", "#!/bin/sh\nsleep 20\n", true);

        ScriptRun run = sandbox().run(runner(RunLimits.defaults().withMaxTimeout(1)), sandbox().call("long.sh", 3600));

        assertThat(run.status()).isEqualTo(ScriptStatus.TIMED_OUT);
        assertThat(run.agentMessage()).endsWith("failed to complete in 1 seconds");
        assertThat(run.notes()).anyMatch(note -> note.contains("asks for a timeout of 3600 s"));
    }

    @Test
    default void aTimeoutSendsOneSigtermToTheProcessGroup() throws Exception {
        HookRunner quick = runner(RunLimits.defaults().withKillGrace(Duration.ofMillis(1500)));
        for (int attempt = 0; attempt < 3; attempt++) {
            String count = "/var/app/current/terms-" + attempt;
            Path counted = markerOnHost(count);
            sandbox().script("count.sh", "#!/bin/bash\ntrap 'echo term >> " + seenAs(count) + "' TERM\n"
                    + "while true; do sleep 0.05; done\n", true);

            ScriptRun run = sandbox().run(quick, sandbox().call("count.sh", 1));

            assertThat(run.status()).isEqualTo(ScriptStatus.TIMED_OUT);
            assertThat(counted).hasContent("term");
        }
    }

    @Test
    default void aTimeoutEndsTheScriptsBackgroundProcessesToo() throws Exception {
        sandbox().script("slow.sh", "#!/bin/bash\nsleep 60.7 &\ntrap '' TERM\nsleep 30\n", true);

        ScriptRun run = sandbox().run(runner(), sandbox().call("slow.sh", 1));

        assertThat(run.status()).isEqualTo(ScriptStatus.TIMED_OUT);
        assertThat(run.agentMessage()).isEqualTo("Script at specified location: slow.sh failed to complete in 1 seconds");
        assertThat(HookSandbox.processesRunning("sleep 60.7")).isEmpty();
    }

    @Test
    default void theScriptStartsWithTheSignalsARubyParentLeaves() throws Exception {
        sandbox().script("signals.sh", "#!/bin/sh\ngrep -E '^Sig(Blk|Ign):' /proc/self/status\n", true);

        ScriptRun run = sandbox().run(runner(), sandbox().call("signals.sh", 10));

        // nothing blocked; INT, QUIT, TERM (the agent traps them) and 32, 33 (the JVM ignores them) not ignored
        assertThat(run.stdout().text()).contains("SigBlk:\t0000000000000000\n");
        String ignored = run.stdout().text().replaceAll("(?s).*SigIgn:\\s*([0-9a-f]+).*", "$1");
        long mask = Long.parseUnsignedLong(ignored, 16);
        for (int signal : new int[] {2, 3, 15, 32, 33}) {
            assertThat(mask & (1L << (signal - 1))).as("signal %d ignored in %s", signal, ignored).isZero();
        }
    }

    @Test
    default void aHookCannotForgeItsExitStatus() throws Exception {
        sandbox().script("forge.sh", "#!/bin/bash\n" + forge() + "exit 3\n", true);

        ScriptRun run = sandbox().run(runner(), sandbox().call("forge.sh", 10));

        assertThat(run.status()).as(run.stdout().text()).isEqualTo(ScriptStatus.FAILED);
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.stdout().text()).doesNotContain("forged");
    }

    @Test
    default void aHookCannotForgeItsWayPastItsTimeout() throws Exception {
        sandbox().script("forge.sh", "#!/bin/bash\n" + forge() + "sleep 30\n", true);

        ScriptRun run = sandbox().run(runner(), sandbox().call("forge.sh", 1));

        assertThat(run.status()).as(run.stdout().text()).isEqualTo(ScriptStatus.TIMED_OUT);
    }

    /** Tries every way to the wrapper's status: its descriptor through /proc, the old paths. */
    private String forge() {
        return """
                for f in /proc/$PPID/fd/3 /proc/$PPID/fd/4 /run/hooklab/status %s/runs/*/control/status; do
                  printf 'exit 0\\ndone\\n' >> "$f" && echo "forged $f"
                done 2>/dev/null
                """.formatted(sandbox().mounts.hooklabDir());
    }

    /**
     * A trap on SIGTERM prints after the timeout: the agent closes the outputs as it sends the signal and loses the
     * line, so it is not in scripts.log or the log tail; hooklab keeps it in the output, marked.
     */
    @Test
    default void linesATermHandlerWritesAfterTheTimeoutAreKeptMarkedButNotLogged() throws Exception {
        sandbox().script("trap.sh", "#!/bin/bash\ntrap 'echo bye-from-trap; echo err-from-trap >&2; exit 0' TERM\n"
                + "echo before\nsleep 30\n", true);
        List<OutputLine> lines = new CopyOnWriteArrayList<>();

        ScriptRun run = sandbox().run(runner(), sandbox().call("trap.sh", 1), lines::add);

        assertThat(run.status()).isEqualTo(ScriptStatus.TIMED_OUT);
        assertThat(run.stdout().text()).isEqualTo("before\nbye-from-trap\n");
        // bash also says "Terminated" for the sleep the SIGTERM ended, after the timeout too
        assertThat(run.stderr().text()).endsWith("err-from-trap\n");
        int stderrLines = run.stderr().text().split("\n").length;
        assertThat(run.stdout().afterTimeoutLines()).isEqualTo(1);
        assertThat(run.stderr().afterTimeoutLines()).isEqualTo(stderrLines);
        assertThat(lines).filteredOn(line -> line.channel() == OutputChannel.STDOUT)
                .extracting(OutputLine::text, OutputLine::afterTimeout)
                .containsExactly(tuple("before", false), tuple("bye-from-trap", true));
        assertThat(lines).filteredOn(line -> line.channel() == OutputChannel.STDERR).hasSize(stderrLines)
                .allMatch(OutputLine::afterTimeout);
        assertThat(Files.readString(sandbox().scriptsLog())).contains("[stdout]before\n").doesNotContain("from-trap");
        assertThat(run.logTail()).contains("[stdout]before\n").doesNotContain("from-trap");
        assertThat(run.notes()).anyMatch(note -> note.startsWith((1 + stderrLines) + " lines (stdout 1, stderr "
                + stderrLines + ") came after the timeout") && note.contains("would have lost them"));
    }
}
