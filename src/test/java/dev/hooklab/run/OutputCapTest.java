package dev.hooklab.run;

import dev.hooklab.run.isolation.NoIsolation;
import dev.hooklab.run.output.CapturedOutput;
import dev.hooklab.run.output.OutputLine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** A hook that floods its outputs: scripts.log, the spill files and the listener stop at the cap, with a marker. */
@Tag("process")
class OutputCapTest {
    private static final long CAP = 2L << 20;

    @TempDir
    Path dir;

    private HookSandbox sandbox;
    private HookRunner runner;

    @BeforeEach
    void setUp() {
        sandbox = new HookSandbox(dir);
        runner = new HookRunner(sandbox.mounts, new NoIsolation(),
                RunLimits.defaults().withHeadBytes(64 << 10).withMaxOutputBytes(CAP), new HostAccounts(), sandbox.files());
    }

    @Test
    void twentyMegabytesAreCutAtTheCapWithAMarkerWhileTheAgentsTailSeesTheEnd() throws Exception {
        // 20 MB of 101-byte lines on stdout, a few lines on stderr, then a last line after the flood
        sandbox.script("flood.sh", "#!/bin/bash\necho starting >&2\nyes \"$(printf '%0100d' 7)\" | head -c 20200000\n"
                + "echo 'still going' >&2\necho THE-END\n", true);
        List<OutputLine> heard = new CopyOnWriteArrayList<>();

        ScriptRun run = sandbox.run(runner, sandbox.call("flood.sh", 120), heard::add);

        assertThat(run.status()).isEqualTo(ScriptStatus.SUCCEEDED);
        CapturedOutput out = run.stdout();
        long marker = 200;
        assertThat(out.bytes()).isBetween(CAP - (64 << 10), CAP + marker);
        assertThat(out.bytes() + out.droppedBytes()).isBetween(20_200_009L, 20_200_009L + marker);
        assertThat(out.complete()).isFalse();
        String spill = Files.readString(out.spillFile());
        assertThat(spill).endsWith("[hooklab] stdout cut here: this script's output reached 2 MiB (this "
                + "run's cap per script); the rest was read and dropped\n");
        assertThat(spill.lines().filter(l -> !l.startsWith("[hooklab]")).allMatch(l -> l.length() == 100)).isTrue();
        assertThat(spill).doesNotContain("THE-END");

        String log = Files.readString(sandbox.scriptsLog());
        assertThat(Files.size(sandbox.scriptsLog())).isLessThan(CAP * 2);
        assertThat(log).contains("[stderr]starting\n", "[hooklab] stdout cut here").doesNotContain("THE-END");
        assertThat(heard).extracting(OutputLine::text).contains("starting")
                .anyMatch(t -> t.startsWith("[hooklab] stdout cut here")).doesNotContain("THE-END");
        assertThat(heard.size()).isLessThan(30_000);
        assertThat(run.notes()).anyMatch(n -> n.contains("more than the 2 MiB of output hooklab keeps per script")
                && n.contains(out.droppedBytes() + run.stderr().droppedBytes() + " more bytes were read and dropped"));
        // the agent's tail is what the agent would send: the last lines, after the cut included (stdout's last
        // line; stderr's is read by another thread and may already have been pushed out by the flood)
        assertThat(run.logTail()).contains("[stdout]THE-END\n").doesNotContain("[hooklab]");
    }

    @Test
    void outputUnderTheCapIsKeptWhole() throws Exception {
        sandbox.script("small.sh", "#!/bin/bash\nyes \"$(printf '%0100d' 7)\" | head -c 1010000\n", true);

        ScriptRun run = sandbox.run(runner, sandbox.call("small.sh", 60));

        assertThat(run.stdout().bytes()).isEqualTo(1_010_000L);
        assertThat(run.stdout().droppedBytes()).isZero();
        assertThat(run.stdout().spillFile()).hasSize(1_010_000L);
        assertThat(Files.readString(sandbox.scriptsLog())).doesNotContain("[hooklab]");
        assertThat(run.notes()).noneMatch(n -> n.contains("of output hooklab keeps per script"));
    }
}
