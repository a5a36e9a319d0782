package dev.hooklab.run;

import dev.hooklab.run.output.CapturedOutput;
import dev.hooklab.run.output.OutputChannel;
import dev.hooklab.run.output.OutputLine;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hook's outputs, the same for every way of running hooks: bounded memory, whole lines in scripts.log in the
 * agent's format, and outputs that background processes hold open (waited for as the agent does, or not).
 */
interface HookOutputContract extends HookRunnerFixture {

    /** Words of the note on a process that still held an output at the timeout (what happens to it then). */
    String heldAtTheTimeoutNote();

    /** Words of the note on a process that held stdout when the runner does not wait for outputs. */
    String notWaitedForNote();

    /**
     * After a script whose background process redirected all its outputs succeeded: is the process still there
     * (and is it noted)? Cleans up what it leaves.
     */
    void assertDetachedProcessAfterwards(ScriptRun run, String command);

    @Test
    default void fiftyMegabytesKeepABoundedHeadInMemoryAndAllOfItInTheSpillFile() throws Exception {
        sandbox().script("loud.sh", "#!/bin/bash\nyes \"$(printf '%0100d' 0)\" | head -c 50000000\n", true);
        AtomicLong lines = new AtomicLong();

        ScriptRun run = sandbox().run(runner(), sandbox().call("loud.sh", 600), line -> lines.incrementAndGet());

        assertThat(run.status()).isEqualTo(ScriptStatus.SUCCEEDED);
        CapturedOutput out = run.stdout();
        assertThat(out.bytes()).isEqualTo(50_000_000L);
        assertThat(out.text().length()).isLessThanOrEqualTo(RunLimits.defaults().headBytes());
        assertThat(out.complete()).isFalse();
        assertThat(out.spillFile()).hasSize(50_000_000L);
        assertThat(out.spillFile()).startsWith(sandbox().mounts.hooklabDir());
        assertThat(lines.get()).isEqualTo(495_050L);
        try (BufferedReader log = Files.newBufferedReader(sandbox().scriptsLog(), StandardCharsets.UTF_8)) {
            assertThat(log.lines().filter(line -> line.contains("[stdout]")).count()).isEqualTo(495_050L);
        }
    }

    @Test
    default void aGiantLineReachesTheListenerCutAndTheLogWhole() throws Exception {
        sandbox().script("giant.sh", "#!/bin/bash\nhead -c 3000000 /dev/zero | tr '\\0' x\necho\necho after\n", true);
        List<OutputLine> lines = new CopyOnWriteArrayList<>();

        ScriptRun run = sandbox().run(runner(), sandbox().call("giant.sh", 300), lines::add);

        assertThat(lines).hasSize(2);
        OutputLine giant = lines.get(0);
        assertThat(giant.truncated()).isTrue();
        assertThat(giant.bytes()).isEqualTo(3_000_000L);
        assertThat(giant.text()).startsWith("xxxx").endsWith("[... line truncated here: 3000000 bytes in all]")
                .hasSizeLessThan(RunLimits.defaults().maxLineBytes() + 100);
        assertThat(lines.get(1).text()).isEqualTo("after");
        assertThat(Files.readString(sandbox().scriptsLog())).contains("[stdout]" + "x".repeat(3_000_000) + "\n");
        // a single entry of 2048 characters or more empties the agent's tail
        assertThat(run.logTail()).isEqualTo("[stdout]after\n");
        assertThat(run.stdout().bytes()).isEqualTo(3_000_007L);
        assertThat(run.stdout().spillFile()).hasSize(3_000_007L);
    }

    @Test
    default void scriptsLogHasTheAgentsFormat() throws Exception {
        sandbox().script("scripts/hello.sh", "#!/bin/bash\necho hello\necho oops >&2\n", true);

        sandbox().run(runner(), sandbox().call("scripts/hello.sh", 10));
        sandbox().run(runner(), sandbox().call("scripts/hello.sh", 10));

        List<String> lines = Files.readAllLines(sandbox().scriptsLog());
        String stamp = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} ";
        assertThat(lines).hasSize(8);
        assertThat(lines.get(0)).matches(stamp + "LifecycleEvent - AfterInstall");
        assertThat(lines.get(1)).matches(stamp + "Script - scripts/hello.sh");
        assertThat(lines.subList(2, 4)).anyMatch(line -> line.matches(stamp + "\\[stdout\\]hello"))
                .anyMatch(line -> line.matches(stamp + "\\[stderr\\]oops"));
        assertThat(lines.get(4)).matches(stamp + "LifecycleEvent - AfterInstall");
    }

    @Test
    default void aLastLineWithoutNewlineIsLoggedWithoutOneAsTheAgentDoes() throws Exception {
        sandbox().script("printf.sh", "#!/bin/bash\nprintf 'no newline'\n", true);

        sandbox().run(runner(), sandbox().call("printf.sh", 10));

        assertThat(Files.readString(sandbox().scriptsLog())).endsWith("[stdout]no newline");
    }

    @Test
    default void outputsHeldByABackgroundProcessAreWaitedForAsTheAgentDoes() throws Exception {
        sandbox().script("start.sh", "#!/bin/bash\n(sleep 2; echo late) &\necho started\n", true);
        List<String> live = new CopyOnWriteArrayList<>();

        ScriptRun run = sandbox().run(runner(), sandbox().call("start.sh", 60), HookRunnerFixture.listener(live));

        assertThat(run.status()).as(String.join("\n", run.notes())).isEqualTo(ScriptStatus.SUCCEEDED);
        assertThat(run.stdout().text()).isEqualTo("started\nlate\n");
        assertThat(Files.readString(sandbox().scriptsLog())).contains("[stdout]late\n");
        // the live note names the holders seen when the script exits: on a busy machine the subshell may not
        // have started sleep yet, and then it is named as the script's copy
        assertThat(live).singleElement().satisfies(note -> assertThat(note)
                .contains("holds STDOUT", "timeout (60 s)", "waits as the agent does")
                .containsAnyOf("sleep 2", "start.sh"));
        assertThat(run.notes()).anyMatch(note -> note.contains("sleep 2") && note.contains("held STDOUT")
                && note.contains(" s after the script exited") && note.contains("takes that much longer"));
    }

    @Test
    default void outputsStillHeldAtTheTimeoutFailWithTheAgentsMessage() throws Exception {
        sandbox().script("start.sh", "#!/bin/bash\n(sleep 60.8; echo late) &\necho started\n", true);

        ScriptRun run = sandbox().run(runner(), sandbox().call("start.sh", 2));

        assertThat(run.status()).isEqualTo(ScriptStatus.OUTPUTS_LEFT_OPEN);
        assertThat(run.agentMessage()).isEqualTo("Script at specified location: start.sh failed to close STDOUT");
        assertThat(run.stdout().text()).isEqualTo("started\n");
        assertThat(run.notes()).anyMatch(note -> note.contains("sleep 60.8") && note.contains("at the timeout (2 s)")
                && note.contains(heldAtTheTimeoutNote()));
        // a lower bound on the run's own duration: the outputs were waited for up to the deadline (the agent's
        // waits count whole seconds, so a 2 s timeout lasts between 1 and 2 s after the start)
        assertThat(run.durationMs()).isGreaterThanOrEqualTo(900L);
        assertThat(HookSandbox.processesRunning("sleep 60.8")).isEmpty();
    }

    @Test
    default void withoutWaitingABackgroundProcessHoldingStdoutIsReportedAtOnceAndStopped() throws Exception {
        sandbox().script("start.sh", "#!/bin/bash\n(sleep 60.1; echo late) &\necho started\nexit 0\n", true);
        List<String> live = new CopyOnWriteArrayList<>();

        ScriptRun run = sandbox().run(runner(RunLimits.defaults().withWaitForOutputs(false)),
                sandbox().call("start.sh", 600), HookRunnerFixture.listener(live));

        assertThat(run.status()).isEqualTo(ScriptStatus.OUTPUTS_LEFT_OPEN);
        assertThat(run.agentMessage()).isEqualTo("Script at specified location: start.sh failed to close STDOUT");
        assertThat(run.exitCode()).isZero();
        // not waited for: neither the holder's own end (its "late") nor the 600 s deadline was reached
        assertThat(run.stdout().text()).isEqualTo("started\n");
        assertThat(run.durationMs()).isLessThan(600_000L);
        assertThat(run.outputHolders()).anyMatch(holder -> holder.channel() == OutputChannel.STDOUT
                && holder.process().command().equals("sleep 60.1"));
        assertThat(run.notes()).anyMatch(note -> note.contains("sleep 60.1") && note.contains(notWaitedForNote()));
        assertThat(live).anyMatch(note -> note.contains("holds STDOUT") && note.contains("does not wait"));
        assertThat(HookSandbox.processesRunning("sleep 60.1")).isEmpty();
    }

    @Test
    default void onlyStderrLeftOpenIsReportedAsStderr() throws Exception {
        sandbox().script("start.sh", "#!/bin/bash\nsleep 60.2 > /dev/null < /dev/null &\nexit 0\n", true);

        ScriptRun run = sandbox().run(runner(RunLimits.defaults().withWaitForOutputs(false)), sandbox().call("start.sh", 600));

        assertThat(run.status()).isEqualTo(ScriptStatus.OUTPUTS_LEFT_OPEN);
        assertThat(run.agentMessage()).isEqualTo("Script at specified location: start.sh failed to close STDERR");
        assertThat(HookSandbox.processesRunning("sleep 60.2")).isEmpty();
    }

    @Test
    default void aFullyRedirectedBackgroundProcessIsFine() throws Exception {
        sandbox().script("start.sh", "#!/bin/bash\nsleep 60.3 > /dev/null 2>&1 < /dev/null &\necho started\n", true);

        ScriptRun run = sandbox().run(runner(), sandbox().call("start.sh", 30));

        assertThat(run.status()).isEqualTo(ScriptStatus.SUCCEEDED);
        assertDetachedProcessAfterwards(run, "sleep 60.3");
    }
}
