package dev.hooklab.ui.run.console;

import dev.hooklab.Await;
import dev.hooklab.RevisionFolder;
import dev.hooklab.TestSessions;
import dev.hooklab.run.RunningHook;
import dev.hooklab.run.output.OutputChannel;
import dev.hooklab.run.session.SessionBuilder;
import dev.hooklab.run.session.StepSession;
import dev.hooklab.run.session.StepStatus;
import dev.hooklab.ui.run.PartsFeed;
import javafx.scene.control.Button;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** "Full output" of a script still running: what it printed so far, from the file the engine writes, whole. */
@Tag("process")
@ExtendWith(ApplicationExtension.class)
class FullOutputWhileRunningTest {
    private static final int LINES = 100_000;

    @TempDir
    Path tmp;

    private ConsoleView console;
    private final List<FullOutput> opened = new ArrayList<>();

    @Start
    void start(Stage stage) {
        console = ConsoleFixture.show(stage, new ConsoleView(new ConsoleLines(500, 1000), opened::add));
    }

    @Test
    void showsWhatARunningScriptPrintedSoFarThenItsWholeOutput(FxRobot robot) throws Exception {
        Path rev = RevisionFolder.with("""
                        version: 0.0
                        os: linux
                        hooks:
                          AfterInstall:
                            - location: scripts/busy.sh
                        """)
                .held("scripts/busy.sh", "seq 1 " + LINES + " | sed 's/^/line /'\necho warn >&2", "echo done")
                .writeTo(tmp.resolve("rev"));
        SessionBuilder.Prepared p = TestSessions.build(rev, tmp.resolve("sandbox"), "none",
                new PartsFeed(List.of(console)), null);
        robot.interact(() -> console.sessionChanged(p));
        try (StepSession s = p.session()) {
            int step = TestSessions.index(s, "AfterInstall");
            CompletableFuture<Void> run = s.runTo(step);
            Button full = robot.lookup("#console-open-full").queryAs(Button.class);
            WaitForAsyncUtils.waitFor(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS, () -> {
                Optional<RunningHook> hook = s.running(step, "scripts/busy.sh");
                return hook.isPresent() && hook.get().outputSoFar(OutputChannel.STDERR).bytes() > 0
                        && !full.isDisable();
            });

            robot.clickOn(full);
            assertThat(opened).hasSize(1);
            assertThat(opened.get(0).title()).isEqualTo("AfterInstall: scripts/busy.sh (so far: it is still running)");
            assertThat(opened.get(0).stdout().spillFile()).as("past the head kept in memory: on disk").isNotNull();
            try (OutputLines out = FullOutput.lines(opened.get(0).stdout());
                 OutputLines err = FullOutput.lines(opened.get(0).stderr())) {
                assertThat(out.count()).isEqualTo(LINES);
                assertThat(out.line(0)).isEqualTo("line 1");
                assertThat(out.line(LINES - 1)).isEqualTo("line " + LINES);
                assertThat(err.count()).isEqualTo(1);
                assertThat(err.line(0)).isEqualTo("warn");
            }
            assertThat(run).isNotDone();

            RevisionFolder.release(s, "scripts");
            run.get(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(s.steps().get(step).status()).isEqualTo(StepStatus.SUCCEEDED);
            assertThat(s.running(step, "scripts/busy.sh")).isEmpty();
            robot.clickOn(full);
            assertThat(opened).hasSize(2);
            assertThat(opened.get(1).title()).isEqualTo("AfterInstall: scripts/busy.sh");
            try (OutputLines out = FullOutput.lines(opened.get(1).stdout())) {
                assertThat(out.count()).isEqualTo(LINES + 1);
                assertThat(out.line(LINES)).isEqualTo("done");
            }
        }
    }
}
