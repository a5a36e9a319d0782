package dev.hooklab.ui.run.console;

import dev.hooklab.plan.RevisionSource;
import dev.hooklab.run.ScriptContext;
import dev.hooklab.run.session.ScriptState;
import dev.hooklab.run.session.StepState;
import dev.hooklab.run.session.StepStatus;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The details behind another tab: their labels follow the run at once (outside checks read {@code #exit-code}
 * wherever it is), while the environment table's rows wait until the tab shows, and then are the running script's.
 */
@ExtendWith(ApplicationExtension.class)
class ScriptDetailsHiddenTest {
    private ScriptDetailsView details;
    private TabPane tabs;

    @Start
    void start(Stage stage) {
        details = new ScriptDetailsView();
        tabs = new TabPane(new Tab("Output", new Pane()), new Tab("Script", details.node()));
        stage.setScene(new Scene(tabs, 900, 700));
        stage.show();
    }

    @Test
    void theEnvironmentWaitsForItsTabWhileTheLabelsFollowAtOnce(FxRobot robot) {
        ScriptContext context = new ScriptContext(List.of("/bin/bash", "-c", "x"), "/opt/codedeploy-agent", "root",
                Map.of("LIFECYCLE_EVENT", "AfterInstall", "DEPLOYMENT_ID", "d-ABCDEFGHI", "PATH", "/usr/bin"),
                60, 60, "bwrap");
        ScriptState running = new ScriptState("scripts/a.sh", null, true, null, context, "scripts/a.sh");
        StepState step = new StepState(4, "AfterInstall", RevisionSource.CURRENT, StepStatus.RUNNING,
                List.of(running), null, List.of(), 0);
        robot.interact(() -> details.selected(step, "scripts/a.sh"));
        WaitForAsyncUtils.waitForFxEvents();

        TableView<Map.Entry<String, String>> env = robot.lookup("#script-env").queryTableView();
        assertThat(env.getItems()).as("hidden behind the Output tab: no rows laid out yet").isEmpty();
        assertThat(robot.lookup("#script-status").queryAs(Label.class).getText()).isEqualTo("running");
        assertThat(robot.lookup("#script-user").queryAs(Label.class).getText()).isEqualTo("root");

        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(env.getItems()).extracting(Map.Entry::getKey)
                .containsExactly("LIFECYCLE_EVENT", "DEPLOYMENT_ID");

        robot.interact(() -> tabs.getSelectionModel().select(0));
        robot.interact(() -> details.selected(null, null));
        assertThat(env.getItems()).as("a change while hidden waits too").hasSize(2);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(env.getItems()).isEmpty();
    }
}
