package dev.hooklab.ui.run;

import dev.hooklab.RevisionFolder;
import atlantafx.base.theme.PrimerLight;
import dev.hooklab.run.ScriptRun;
import dev.hooklab.ui.run.console.ConsoleLines;
import dev.hooklab.ui.run.console.ConsoleView;
import dev.hooklab.ui.run.console.FullOutput;
import dev.hooklab.ui.run.console.FxStallProbe;
import dev.hooklab.ui.run.console.OutputLines;
import dev.hooklab.ui.run.console.ScriptDetailsView;
import dev.hooklab.ui.run.console.ScriptKey;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console and the script details driven by the run view's own model ({@link RunModel}: its relay batches the
 * session's events to the FX thread) under bubblewrap: a hook printing 300,000 lines while a probe pings the FX
 * thread, then a failing script.
 */
@Tag("bwrap")
@ExtendWith(ApplicationExtension.class)
class ConsoleOnRunModelTest {
    private static final int LINES = 300_000;

    @TempDir
    Path tmp;

    private ConsoleLines store;
    private ConsoleView console;
    private ScriptDetailsView details;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        store = new ConsoleLines();
        console = new ConsoleView(store, output -> { });
        details = new ScriptDetailsView();
        stage.setScene(new Scene(new SplitPane(console.node(), details.node()), 1280, 800));
        stage.show();
    }

    @Test
    void aLoudHookThenAFailingOneThroughTheModel(FxRobot robot) throws Exception {
        Path rev = RevisionFolder.with("""
                        version: 0.0
                        os: linux
                        hooks:
                          AfterInstall:
                            - location: scripts/loud.sh
                          ApplicationStart:
                            - location: scripts/fail.sh
                        """)
                .script("scripts/loud.sh", "#!/bin/bash\nawk 'BEGIN { for (i = 1; i <= " + LINES + "; i++) {"
                        + " print \"line \" i; if (i % 1000 == 0) print \"err \" i > \"/dev/stderr\" } }'\n")
                .script("scripts/fail.sh", "#!/bin/bash\necho failing now\nexit 7\n")
                .writeTo(tmp.resolve("rev"));
        try (RunHarness h = new RunHarness(RunHarness.bwrap())) {
            RunHarness.fx(() -> {
                h.model.attach(console);
                h.model.attach(details);
                return null;
            });
            h.open(rev);
            int after = h.index("AfterInstall");
            FxStallProbe probe = new FxStallProbe();
            try {
                h.run(() -> {
                    h.model.select(after);
                    return h.model.runToHere();
                });
            } finally {
                probe.close();
            }
            // a generous liveness bound, as in LargeOutputConsoleTest; bench/run-window.sh measures
            assertThat(probe.pings()).isPositive();
            assertThat(probe.longestPingMs()).as("longest wait of a runLater; FX thread CPU %s; stalls:%n%s",
                    probe.fxCpu(), probe.stalls()).isLessThan(5000);
            System.out.printf("through RunModel, 300k lines: longest runLater wait %d ms, pulse gap %d ms, FX CPU %s%n",
                    probe.longestPingMs(), probe.longestPulseGapMs(), probe.fxCpu());
            String text = RunHarness.get(() -> console.text());
            assertThat(RunHarness.get(() -> console.shown())).isEqualTo(new ScriptKey(after, "scripts/loud.sh"));
            assertThat(RunHarness.get(() -> console.lineCount())).isEqualTo(store.perScript());
            assertThat(RunHarness.get(() -> store.size())).isLessThanOrEqualTo(store.total());
            assertThat(text.lines()).contains("line " + LINES).doesNotContain("line 1");
            assertThat(robot.lookup("#console-dropped").queryAs(Label.class).isVisible()).isTrue();
            ScriptRun run = h.row("AfterInstall").state().scripts().get(0).run();
            try (OutputLines out = FullOutput.lines(run.stdout())) {
                assertThat(out.count()).as("the whole output on disk").isEqualTo(LINES);
            }
            assertThat(RunHarness.get(() -> robot.lookup("#exit-code").queryAs(Label.class).getText())).isEqualTo("0");

            h.run(() -> h.model.step());
            assertThat(RunHarness.get(() -> console.text())).isEqualTo("failing now");
            assertThat(RunHarness.get(() -> robot.lookup("#exit-code").queryAs(Label.class).getText()))
                    .isEqualTo("7");
            assertThat(RunHarness.get(() -> robot.lookup("#agent-message").queryAs(Label.class).getText()))
                    .isEqualTo("Script at specified location: scripts/fail.sh failed with exit code 7");
            assertThat(RunHarness.get(() -> robot.lookup("#script-workdir").queryAs(Label.class).getText()))
                    .isEqualTo("/opt/codedeploy-agent");
        }
    }
}
