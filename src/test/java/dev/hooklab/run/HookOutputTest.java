package dev.hooklab.run;

import dev.hooklab.run.isolation.NoIsolation;
import dev.hooklab.run.output.CapturedOutput;
import dev.hooklab.run.output.OutputLine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Output capture with real scripts: bounded memory, whole lines in scripts.log, the agent's log format. */
@Tag("process")
class HookOutputTest {
    @TempDir
    Path dir;

    private HookSandbox sandbox;
    private HookRunner runner;

    @BeforeEach
    void setUp() {
        sandbox = new HookSandbox(dir);
        runner = new HookRunner(sandbox.mounts, new NoIsolation(), RunLimits.defaults(), new HostAccounts(),
                sandbox.files());
    }

    @Test
    void fiftyMegabytesKeepABoundedHeadInMemoryAndAllOfItInTheSpillFile() throws Exception {
        sandbox.script("loud.sh", "#!/bin/bash\nyes \"$(printf '%0100d' 0)\" | head -c 50000000\n", true);
        AtomicLong lines = new AtomicLong();

        ScriptRun run = sandbox.run(runner, sandbox.call("loud.sh", 60), line -> lines.incrementAndGet());

        assertThat(run.status()).isEqualTo(ScriptStatus.SUCCEEDED);
        CapturedOutput out = run.stdout();
        assertThat(out.bytes()).isEqualTo(50_000_000L);
        assertThat(out.text().length()).isLessThanOrEqualTo(RunLimits.defaults().headBytes());
        assertThat(out.complete()).isFalse();
        assertThat(out.spillFile()).hasSize(50_000_000L);
        assertThat(out.spillFile()).startsWith(sandbox.mounts.hooklabDir());
        assertThat(lines.get()).isEqualTo(495_050L);
        try (BufferedReader log = Files.newBufferedReader(sandbox.scriptsLog(), StandardCharsets.UTF_8)) {
            assertThat(log.lines().filter(line -> line.contains("[stdout]")).count()).isEqualTo(495_050L);
        }
    }

    @Test
    void aGiantLineReachesTheListenerCutAndTheLogWhole() throws Exception {
        sandbox.script("giant.sh", "#!/bin/bash\nhead -c 3000000 /dev/zero | tr '\\0' x\necho\necho after\n", true);
        List<OutputLine> lines = new CopyOnWriteArrayList<>();

        ScriptRun run = sandbox.run(runner, sandbox.call("giant.sh", 30), lines::add);

        assertThat(lines).hasSize(2);
        OutputLine giant = lines.get(0);
        assertThat(giant.truncated()).isTrue();
        assertThat(giant.bytes()).isEqualTo(3_000_000L);
        assertThat(giant.text()).startsWith("xxxx").endsWith("[... line truncated here: 3000000 bytes in all]")
                .hasSizeLessThan(RunLimits.defaults().maxLineBytes() + 100);
        assertThat(lines.get(1).text()).isEqualTo("after");
        String logged = Files.readString(sandbox.scriptsLog());
        assertThat(logged).contains("[stdout]" + "x".repeat(3_000_000) + "\n");
        // a single entry of 2048 characters or more empties the agent's tail
        assertThat(run.logTail()).isEqualTo("[stdout]after\n");
        assertThat(run.stdout().bytes()).isEqualTo(3_000_007L);
        assertThat(run.stdout().spillFile()).hasSize(3_000_007L);
    }

    @Test
    void scriptsLogHasTheAgentsFormat() throws Exception {
        sandbox.script("scripts/hello.sh", "#!/bin/bash\necho hello\necho oops >&2\n", true);

        sandbox.run(runner, sandbox.call("scripts/hello.sh", 10));
        sandbox.run(runner, sandbox.call("scripts/hello.sh", 10));

        List<String> lines = Files.readAllLines(sandbox.scriptsLog());
        String stamp = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} ";
        assertThat(lines).hasSize(8);
        assertThat(lines.get(0)).matches(stamp + "LifecycleEvent - AfterInstall");
        assertThat(lines.get(1)).matches(stamp + "Script - scripts/hello.sh");
        assertThat(lines.subList(2, 4)).anyMatch(line -> line.matches(stamp + "\\[stdout\\]hello"))
                .anyMatch(line -> line.matches(stamp + "\\[stderr\\]oops"));
        assertThat(lines.get(4)).matches(stamp + "LifecycleEvent - AfterInstall");
    }

    @Test
    void aLastLineWithoutNewlineIsLoggedWithoutOneAsTheAgentDoes() throws Exception {
        sandbox.script("printf.sh", "#!/bin/bash\nprintf 'no newline'\n", true);

        sandbox.run(runner, sandbox.call("printf.sh", 10));

        assertThat(Files.readString(sandbox.scriptsLog())).endsWith("[stdout]no newline");
    }
}
