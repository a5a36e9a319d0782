package dev.hooklab.ui.run.console;

import atlantafx.base.theme.PrimerLight;
import dev.hooklab.Await;
import dev.hooklab.run.ScriptRun;
import dev.hooklab.run.session.SessionBuilder;
import dev.hooklab.run.session.StepSession;
import javafx.application.Application;
import javafx.scene.Scene;
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
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        store = new ConsoleLines();
        console = new ConsoleView(store, output -> { });
        stage.setScene(new Scene((javafx.scene.Parent) console.node(), 1000, 700));
        stage.show();
    }

    @Test
    void theFxThreadKeepsAnsweringWhileAHookPrints300kLines(FxRobot robot) throws Exception {
        Path rev = ConsoleFixture.with("""
                        version: 0.0
                        os: linux
                        hooks:
                          AfterInstall:
                            - location: scripts/loud.sh
                        """)
                .script("scripts/loud.sh", "#!/bin/bash\nawk 'BEGIN { for (i = 1; i <= " + LINES + "; i++) {"
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
        SessionBuilder.Prepared p = ConsoleFixture.session(rev, tmp.resolve("sandbox"), "none", feed, null);
        robot.interact(() -> console.sessionChanged(p));
        try (StepSession s = p.session(); FxStallProbe probe = new FxStallProbe()) {
            int after = ConsoleFixture.index(s, "AfterInstall");
            s.runTo(after).get(Await.GENEROUS.toSeconds() * 3, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            probe.close();

            // a generous liveness bound, not a speed test (bench/run-window.sh measures): the FX thread never went
            // away for two seconds. Alone on two cores the longest wait is tens of milliseconds; two seconds leaves
            // room for a machine shared with other builds and a garbage collection pause.
            assertThat(probe.pings()).isPositive();
            assertThat(probe.longestPingMs()).as("longest wait of a runLater; stalls sampled:%n%s", probe.stalls())
                    .isLessThan(2000);

            assertThat(console.shown()).isEqualTo(new ScriptKey(after, "scripts/loud.sh"));
            assertThat(console.lineCount()).isLessThanOrEqualTo(store.perScript()).isEqualTo(store.perScript());
            assertThat(store.size()).isLessThanOrEqualTo(store.total());
            assertThat(console.text()).endsWith("line " + LINES);
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
            System.out.printf("slowest output(): %d ms for %d lines; %d batches%n", worst[0], worst[1], worst[2]);
        }
    }
}
