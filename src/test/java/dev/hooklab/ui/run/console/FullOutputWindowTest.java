package dev.hooklab.ui.run.console;

import dev.hooklab.Await;
import dev.hooklab.run.output.CapturedOutput;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** "Open full output": a window whose lists read a spill file's lines on demand, and a small output's text. */
@ExtendWith(ApplicationExtension.class)
class FullOutputWindowTest {
    @TempDir
    Path tmp;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private FullOutputWindow window;

    @Start
    void start(Stage stage) {
        window = new FullOutputWindow(background, null);
    }

    @Test
    void aSpillFileOfAMillionLinesAndASmallTextInTwoTabs(FxRobot robot) throws Exception {
        Path spill = tmp.resolve("stdout.log");
        try (BufferedWriter w = Files.newBufferedWriter(spill)) {
            for (int i = 1; i <= 1_000_000; i++) {
                w.write("line " + i + "\n");
            }
        }
        FullOutput output = new FullOutput("AfterInstall: scripts/loud.sh",
                new CapturedOutput("line 1\n", Files.size(spill), spill), new CapturedOutput("oops\n", 5, null));
        robot.interact(() -> window.accept(output));
        @SuppressWarnings("unchecked")
        ListView<String> out = robot.lookup("#full-output-stdout").queryAs(ListView.class);
        Await.until("the index", () -> out.getItems().size() == 1_000_000);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(out.getItems().get(999_999)).isEqualTo("line 1000000");
        robot.interact(() -> out.scrollTo(500_000));
        assertThat(robot.lookup(".full-output-list .list-cell").queryAll())
                .anyMatch(c -> "line 500001".equals(((javafx.scene.control.ListCell<?>) c).getText()));
        @SuppressWarnings("unchecked")
        ListView<String> err = robot.lookup("#full-output-stderr").queryAs(ListView.class);
        Await.until("the stderr text", () -> err.getItems().size() == 1);
        assertThat(err.getItems().get(0)).isEqualTo("oops");
        assertThat(window.windows()).hasSize(1);
        robot.interact(() -> window.windows().get(0).close());
        assertThat(window.windows()).isEmpty();
        background.shutdownNow();
    }
}
