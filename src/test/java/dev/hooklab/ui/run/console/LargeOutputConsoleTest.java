package dev.hooklab.ui.run.console;

import dev.hooklab.Await;
import dev.hooklab.RevisionFolder;
import dev.hooklab.TestSessions;
import dev.hooklab.run.ScriptRun;
import dev.hooklab.run.session.SessionBuilder;
import dev.hooklab.run.session.StepSession;
import dev.hooklab.ui.run.PartsFeed;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hook printing 300,000 lines through the batching path into the console while a probe pings the FX thread: the
 * thread keeps answering, the console holds at most its bound, and the whole output is on disk.
 */
@Tag("process")
@ExtendWith(ApplicationExtension.class)
class LargeOutputConsoleTest {
    private static final int LINES = 300_000;

    @TempDir
    Path tmp;

    private ConsoleLines store;
    private ConsoleView console;

    @Start
    void start(Stage stage) {
        store = new ConsoleLines();
        console = ConsoleFixture.show(stage, new ConsoleView(store, output -> { }));
    }

    @Test
    void theFxThreadKeepsAnsweringWhileAHookPrints300kLines(FxRobot robot) throws Exception {
        Path rev = RevisionFolder.afterInstall("scripts/loud.sh",
                        "#!/bin/bash\nawk 'BEGIN { for (i = 1; i <= " + LINES + "; i++) {"
                        + " print \"line \" i; if (i % 1000 == 0) print \"err \" i > \"/dev/stderr\" } }'\n")
                .writeTo(tmp.resolve("rev"));
        long[] worst = new long[3];
        dev.hooklab.ui.run.RunPart timed = new dev.hooklab.ui.run.RunPart() {
            @Override
            public javafx.scene.Node node() {
                return console.node();
            }

            @Override
            public void stepChanged(dev.hooklab.run.session.StepState step) {
                console.stepChanged(step);
            }

            @Override
            public void selected(dev.hooklab.run.session.StepState step, String location) {
                console.selected(step, location);
            }

            @Override
            public void output(int step, String location, List<dev.hooklab.run.output.OutputLine> lines) {
                long t0 = System.nanoTime();
                console.output(step, location, lines);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (ms > worst[0]) {
                    worst[0] = ms;
                    worst[1] = lines.size();
                }
                worst[2]++;
            }
        };
        PartsFeed feed = new PartsFeed(List.of(timed));
        SessionBuilder.Prepared p = TestSessions.build(rev, tmp.resolve("sandbox"), "none", feed, null);
        robot.interact(() -> console.sessionChanged(p));
        try (StepSession s = p.session(); FxStallProbe probe = new FxStallProbe()) {
            int after = TestSessions.index(s, "AfterInstall");
            s.runTo(after).get(Await.GENEROUS.toSeconds() * 3, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            probe.close();

            // a generous liveness bound, not a speed test (bench/run-window.sh measures the stalls): the FX thread
            // never went away for five seconds while 300k lines went through it. Alone on two cores the longest wait
            // is tens of milliseconds; five seconds leaves room for a machine shared with other builds (measured:
            // up to 3.8 s at a load average of 11 on two cores, the FX thread itself busy for a fraction of that),
            // while a console that handed the FX thread every line, or kept every line, takes far longer.
            assertThat(probe.pings()).isPositive();
            assertThat(probe.longestPingMs()).as("longest wait of a runLater; FX thread CPU %s; stalls sampled:%n%s",
                    probe.fxCpu(), probe.stalls()).isLessThan(5000);

            assertThat(console.shown()).isEqualTo(new ScriptKey(after, "scripts/loud.sh"));
            // #console read as an outside check would, not through the view: the step's end brings it up to date,
            // from the end backwards in a few FX events of their own
            org.fxmisc.richtext.StyleClassedTextArea shownArea = robot.lookup("#console")
                    .queryAs(org.fxmisc.richtext.StyleClassedTextArea.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> shownArea
                    .getParagraphs().size()).get() == store.perScript());
            String direct = WaitForAsyncUtils.asyncFx(() -> shownArea.getText()).get();
            // stdout and stderr are two pipes, each read by its own thread (and awk may buffer the file it opens for
            // /dev/stderr): the "err" lines can arrive a little before or after the "line" ones near them
            List<String> shownLines = direct.lines().toList();
            List<String> stdout = shownLines.stream().filter(l -> l.startsWith("line ")).toList();
            assertThat(stdout.get(stdout.size() - 1)).isEqualTo("line " + LINES);
            assertThat(shownLines).contains("err " + LINES);
            assertThat(direct.lines().count()).isEqualTo(store.perScript());
            assertThat(console.lineCount()).isLessThanOrEqualTo(store.perScript()).isEqualTo(store.perScript());
            assertThat(store.size()).isLessThanOrEqualTo(store.total());
            assertThat(console.text().lines()).contains("line " + LINES).doesNotContain("line 1");
            Label dropped = robot.lookup("#console-dropped").queryAs(Label.class);
            assertThat(dropped.isVisible()).isTrue();
            long printed = LINES + LINES / 1000;
            assertThat(dropped.getText()).startsWith(String.format("%,d earlier lines", printed - store.perScript()));

            ScriptRun run = s.steps().get(after).scripts().get(0).run();
            assertThat(run.succeeded()).isTrue();
            assertThat(run.stdout().spillFile()).isRegularFile();
            try (OutputLines out = FullOutput.lines(run.stdout()); OutputLines err = FullOutput.lines(run.stderr())) {
                assertThat(out.count()).isEqualTo(LINES);
                assertThat(out.line(0)).isEqualTo("line 1");
                assertThat(out.line(LINES - 1)).isEqualTo("line " + LINES);
                assertThat(err.count()).isEqualTo(LINES / 1000);
            }
            System.out.printf("300k lines: longest runLater wait %d ms, longest pulse gap %d ms, %d pings%n",
                    probe.longestPingMs(), probe.longestPulseGapMs(), probe.pings());
            System.out.println("FX thread CPU " + probe.fxCpu() + "\n" + probe.stalls());
            System.out.printf("slowest output(): %d ms for %d lines; %d batches%n", worst[0], worst[1], worst[2]);
        }
    }
}
