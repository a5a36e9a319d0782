package dev.hooklab.ui.run.console;

import dev.hooklab.Await;
import dev.hooklab.RevisionFolder;
import dev.hooklab.TestSessions;
import dev.hooklab.run.session.ScriptState;
import dev.hooklab.run.session.SessionBuilder;
import dev.hooklab.run.session.StepSession;
import dev.hooklab.run.session.StepStatus;
import dev.hooklab.ui.run.PartsFeed;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The script details of a script still running: from the moment it started, its user, working directory, the agent's
 * command, hooklab's words and the environment it sees; its exit code once it ends, with the same variables.
 */
@Tag("process")
@ExtendWith(ApplicationExtension.class)
class ScriptDetailsWhileRunningTest {
    @TempDir
    Path tmp;

    private ScriptDetailsView details;

    @Start
    void start(Stage stage) {
        details = new ScriptDetailsView();
        stage.setScene(new Scene((javafx.scene.Parent) details.node(), 900, 700));
        stage.show();
    }

    @Test
    void showsWhatTheScriptSeesWhileItRuns(FxRobot robot) throws Exception {
        Path rev = RevisionFolder.with("""
                        version: 0.0
                        os: linux
                        hooks:
                          AfterInstall:
                            - location: scripts/wait.sh
                              timeout: 120
                        """)
                .held("scripts/wait.sh", "echo started", "exit 3")
                .writeTo(tmp.resolve("rev"));
        SessionBuilder.Prepared p = TestSessions.build(rev, tmp.resolve("sandbox"), "none",
                new PartsFeed(List.of(details)), null);
        robot.interact(() -> details.sessionChanged(p));
        try (StepSession s = p.session()) {
            int step = TestSessions.index(s, "AfterInstall");
            CompletableFuture<Void> run = s.runTo(step);
            WaitForAsyncUtils.waitFor(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS, () -> {
                List<ScriptState> scripts = s.steps().get(step).scripts();
                return !scripts.isEmpty() && scripts.get(0).context() != null;
            });
            robot.interact(() -> details.selected(s.steps().get(step), "scripts/wait.sh"));

            assertThat(text(robot, "#script-status")).isEqualTo("running");
            assertThat(text(robot, "#exit-code")).isEqualTo("none yet: running");
            assertThat(text(robot, "#script-user")).isEqualTo(System.getProperty("user.name"));
            assertThat(text(robot, "#script-timeout")).isEqualTo("120 s");
            assertThat(text(robot, "#script-command")).endsWith("deployment-archive/scripts/wait.sh");
            assertThat(text(robot, "#script-argv")).contains("scripts/wait.sh").endsWith("(isolation: none)");
            assertThat(text(robot, "#script-workdir")).isNotEqualTo("\u2014");
            TableView<Map.Entry<String, String>> env = robot.lookup("#script-env").queryTableView();
            List<Map.Entry<String, String>> whileRunning = List.copyOf(env.getItems());
            assertThat(whileRunning).contains(Map.entry("LIFECYCLE_EVENT", "AfterInstall"));
            assertThat(whileRunning).extracting(Map.Entry::getKey).contains("DEPLOYMENT_ID", "APPLICATION_NAME");
            assertThat(run).isNotDone();

            RevisionFolder.release(s, "scripts");
            run.get(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS);
            WaitForAsyncUtils.waitFor(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS,
                    () -> "3".equals(text(robot, "#exit-code")));
            assertThat(s.steps().get(step).status()).isEqualTo(StepStatus.FAILED);
            assertThat(text(robot, "#script-status")).isEqualTo("failed");
            assertThat(env.getItems()).as("the same variables as while it ran").isEqualTo(whileRunning);
        }
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
