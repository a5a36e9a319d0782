package dev.hooklab.run;

import dev.hooklab.run.isolation.NoIsolation;
import dev.hooklab.run.output.OutputChannel;
import dev.hooklab.run.output.OutputLine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The hook's process as the agent makes it, without isolation: its result cannot be forged, held
 * outputs are waited for, stdin is a pipe, signals start as a Ruby parent leaves them, one SIGTERM.
 * {@link BubblewrapHookRunnerTest} runs the same checks in the bubblewrap sandbox.
 */
@Tag("process")
class HookProcessParityTest {
    @TempDir
    Path dir;

    private HookSandbox sandbox;
    private HookRunner runner;

    @BeforeEach
    void setUp() {
        sandbox = new HookSandbox(dir);
        runner = new HookRunner(sandbox.mounts, new NoIsolation(), RunLimits.defaults(), new HostAccounts(), sandbox.files());
    }

    /** Tries every way to the wrapper's status: its descriptor through /proc, the old paths. */
    static String forge(HookSandbox sandbox) {
        return """
                for f in /proc/$PPID/fd/3 /proc/$PPID/fd/4 /run/hooklab/status %s/runs/*/control/status; do
                  printf 'exit 0\\ndone\\n' >> "$f" && echo "forged $f"
                done 2>/dev/null
                """.formatted(sandbox.mounts.hooklabDir());
    }

    @Test
    void aHookCannotForgeItsExitStatus() throws Exception {
        sandbox.script("forge.sh", "#!/bin/bash\n" + forge(sandbox) + "exit 3\n", true);

        ScriptRun run = sandbox.run(runner, sandbox.call("forge.sh", 10));

        assertThat(run.status()).as(run.stdout().text()).isEqualTo(ScriptStatus.FAILED);
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.stdout().text()).doesNotContain("forged");
    }

    @Test
    void aHookCannotForgeItsWayPastItsTimeout() throws Exception {
        sandbox.script("forge.sh", "#!/bin/bash\n" + forge(sandbox) + "sleep 30\n", true);

        ScriptRun run = sandbox.run(runner, sandbox.call("forge.sh", 1));

        assertThat(run.status()).as(run.stdout().text()).isEqualTo(ScriptStatus.TIMED_OUT);
    }

    @Test
    void outputsHeldByABackgroundProcessAreWaitedForAsTheAgentDoes() throws Exception {
        sandbox.script("start.sh", "#!/bin/bash\n(sleep 2; echo late) &\necho started\n", true);
        List<String> live = new CopyOnWriteArrayList<>();

        ScriptRun run = sandbox.run(runner, sandbox.call("start.sh", 6), HookRunnerTest.listener(live));

        assertThat(run.status()).as(String.join("\n", run.notes())).isEqualTo(ScriptStatus.SUCCEEDED);
        assertThat(run.stdout().text()).isEqualTo("started\nlate\n");
        assertThat(Files.readString(sandbox.scriptsLog())).contains("[stdout]late\n");
        assertThat(run.durationMs()).isGreaterThanOrEqualTo(1_900L);
        assertThat(live).singleElement().satisfies(note -> assertThat(note)
                .contains("sleep 2", "holds STDOUT", "timeout (6 s)", "waits as the agent does"));
        assertThat(run.notes()).anyMatch(note -> note.contains("sleep 2") && note.contains("held STDOUT") && note.contains(" s after the script exited")
                && note.contains("takes that much longer"));
    }

    @Test
    void outputsStillHeldAtTheTimeoutFailWithTheAgentsMessage() throws Exception {
        sandbox.script("start.sh", "#!/bin/bash\n(sleep 60.8; echo late) &\necho started\n", true);

        long start = System.nanoTime();
        ScriptRun run = sandbox.run(runner, sandbox.call("start.sh", 2));

        // the agent's waits count whole seconds: a 2 s timeout lasts between 1 and 2 s after the start
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(900L);
        assertThat(run.status()).isEqualTo(ScriptStatus.OUTPUTS_LEFT_OPEN);
        assertThat(run.agentMessage()).isEqualTo("Script at specified location: start.sh failed to close STDOUT");
        assertThat(run.notes()).anyMatch(note -> note.contains("sleep 60.8") && note.contains("at the timeout (2 s)")
                && note.contains("kills nothing"));
        assertThat(HookSandbox.processesRunning("sleep 60.8")).isEmpty();
    }

    @Test
    void theScriptRunsByThePathTheAgentJoinsWithItsDotDotKept() throws Exception {
        sandbox.script("scripts/ok.sh", "#!/bin/bash\necho \"$0\"\n", true);
        String joined = HookSandbox.ARCHIVE + "/../deployment-archive/scripts/ok.sh";

        ScriptRun run = sandbox.run(runner, sandbox.call("../deployment-archive/scripts/ok.sh", 10));

        assertThat(run.status()).as(run.stderr().text()).isEqualTo(ScriptStatus.SUCCEEDED);
        assertThat(run.stdout().text()).isEqualTo(sandbox.mounts.root() + joined + "\n");
        assertThat(run.command()).isEqualTo(joined);
        assertThat(Files.readString(sandbox.scriptsLog())).contains("[stdout]" + sandbox.mounts.root() + joined);
    }

    @Test
    void aJoinedPathWhoseDotDotWouldClimbAboveTheSandboxFolderRunsNormalised() throws Exception {
        sandbox.script("scripts/ok.sh", "#!/bin/bash\necho \"$0\"\n", true);
        String location = "../../../../../../../" + HookSandbox.ARCHIVE.substring(1) + "/scripts/ok.sh";

        ScriptRun run = sandbox.run(runner, sandbox.call(location, 10));

        assertThat(run.status()).as(run.stderr().text()).isEqualTo(ScriptStatus.SUCCEEDED);
        // on this machine seven `..` from the sandbox folder's copy would leave the folder: the normalised path runs
        assertThat(run.stdout().text()).isEqualTo(sandbox.mounts.hostPath(HookSandbox.ARCHIVE + "/scripts/ok.sh") + "\n");
        assertThat(run.command()).isEqualTo(HookSandbox.ARCHIVE + "/" + location);
        assertThat(run.notes()).anyMatch(note -> note.contains("hooklab ran the script by that normalised path"));
    }

    @Test
    void aMissingScriptIsNamedByItsNormalisedPathAsTheAgentDoes() throws Exception {
        ScriptRun run = sandbox.run(runner, sandbox.call("../deployment-archive/scripts/nope.sh", 10));

        assertThat(run.status()).isEqualTo(ScriptStatus.MISSING);
        assertThat(run.agentMessage()).isEqualTo("Script does not exist at specified location: "
                + HookSandbox.ARCHIVE + "/scripts/nope.sh");
    }

    @Test
    void linesATermHandlerWritesAfterTheTimeoutAreKeptMarkedButNotLogged() throws Exception {
        assertTrapLinesAfterTheTimeout(sandbox, runner);
    }

    /**
     * A trap on SIGTERM prints after the timeout: the agent closes the outputs as it sends the signal and loses the
     * line, so it is not in scripts.log or the log tail; hooklab keeps it in the output, marked.
     */
    static void assertTrapLinesAfterTheTimeout(HookSandbox sandbox, HookRunner runner) throws Exception {
        sandbox.script("trap.sh", "#!/bin/bash\ntrap 'echo bye-from-trap; echo err-from-trap >&2; exit 0' TERM\n"
                + "echo before\nsleep 30\n", true);
        List<OutputLine> lines = new CopyOnWriteArrayList<>();

        ScriptRun run = sandbox.run(runner, sandbox.call("trap.sh", 1), lines::add);

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
        assertThat(Files.readString(sandbox.scriptsLog())).contains("[stdout]before\n")
                .doesNotContain("from-trap");
        assertThat(run.logTail()).contains("[stdout]before\n").doesNotContain("from-trap");
        assertThat(run.notes()).anyMatch(note -> note.startsWith((1 + stderrLines) + " lines (stdout 1, stderr " + stderrLines
                + ") came after the timeout")
                && note.contains("would have lost them"));
    }

    @Test
    void stdinIsAPipeThatReadsEof() throws Exception {
        sandbox.script("stdin.sh", "#!/bin/bash\nreadlink /proc/self/fd/0\n[ -p /dev/stdin ] && echo pipe\n"
                + "read -r line || echo eof\n", true);

        ScriptRun run = sandbox.run(runner, sandbox.call("stdin.sh", 10));

        assertThat(run.stdout().text()).startsWith("pipe:[").endsWith("\npipe\neof\n");
    }

    @Test
    void theScriptStartsWithTheSignalsARubyParentLeaves() throws Exception {
        sandbox.script("signals.sh", "#!/bin/sh\ngrep -E '^Sig(Blk|Ign):' /proc/self/status\n", true);

        ScriptRun run = sandbox.run(runner, sandbox.call("signals.sh", 10));

        assertAgentSignals(run);
    }

    /** Nothing blocked; INT, QUIT, TERM (the agent traps them) and 32, 33 (the JVM ignores them) not ignored. */
    static void assertAgentSignals(ScriptRun run) {
        assertThat(run.stdout().text()).contains("SigBlk:\t0000000000000000\n");
        String ignored = run.stdout().text().replaceAll("(?s).*SigIgn:\\s*([0-9a-f]+).*", "$1");
        long mask = Long.parseUnsignedLong(ignored, 16);
        for (int signal : new int[] {2, 3, 15, 32, 33}) {
            assertThat(mask & (1L << (signal - 1))).as("signal %d ignored in %s", signal, ignored).isZero();
        }
    }

    @Test
    void aTimeoutSendsOneSigtermToTheProcessGroup() throws Exception {
        HookRunner quick = new HookRunner(sandbox.mounts, new NoIsolation(),
                RunLimits.defaults().withKillGrace(Duration.ofMillis(1500)), new HostAccounts(), sandbox.files());
        for (int attempt = 0; attempt < 3; attempt++) {
            Path count = dir.resolve("terms-" + attempt);
            sandbox.script("count.sh", "#!/bin/bash\ntrap 'echo term >> " + count + "' TERM\n"
                    + "while true; do sleep 0.05; done\n", true);

            ScriptRun run = sandbox.run(quick, sandbox.call("count.sh", 1));

            assertThat(run.status()).isEqualTo(ScriptStatus.TIMED_OUT);
            assertThat(count).hasContent("term");
        }
    }
}
