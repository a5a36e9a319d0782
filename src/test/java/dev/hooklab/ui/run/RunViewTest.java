package dev.hooklab.ui.run;

import dev.hooklab.Await;
import dev.hooklab.app.DesktopApp;
import dev.hooklab.app.Hooklab;
import dev.hooklab.explain.Explainer;
import dev.hooklab.report.ReportWriter;
import dev.hooklab.run.session.StepStatus;
import dev.hooklab.sample.Samples;
import dev.hooklab.ui.actions.Action;
import dev.hooklab.ui.actions.Actions;
import dev.hooklab.ui.model.RevisionModel;
import dev.hooklab.ui.shell.CrashLog;
import dev.hooklab.ui.shell.ShellState;
import dev.hooklab.ui.shell.ShellWindow;
import dev.hooklab.ui.shell.Theme;
import dev.hooklab.ui.shell.Themes;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The run view in the window as the application builds it, driven through its buttons, rows and shortcuts. */
@ExtendWith(ApplicationExtension.class)
@Tag("process")
@Tag("bwrap")
class RunViewTest {
    @TempDir
    Path tmp;

    private final Hooklab hooklab = Hooklab.create(() -> "d-RUNVIEW01");
    private final ExecutorService work = hooklab.inspectionWorker();
    private final ExecutorService runWork = hooklab.runWorker();
    private final RevisionModel model = new RevisionModel();
    private final Actions actions = new Actions();
    private DesktopApp.Opened window;
    private Path state;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        assumeTrue(hooklab.isolationProbe().bubblewrap(false).isPresent());
        state = tmp.resolve("state");
        Themes themes = new Themes(Map.of());
        themes.apply(Theme.LIGHT);
        window = DesktopApp.open(stage, new ShellWindow.Context(hooklab.inspector(), hooklab.deploymentIds(), work,
                model, ShellState.load(state), themes, new CrashLog(state, Clock.systemUTC()), actions, List.of(),
                "test", new Explainer(), new ReportWriter(), (owner, name) -> Optional.empty()), f -> { }, hooklab,
                runWork, run -> List.of(new RunView.TitledPart("Recording", new RunHarness.Recording())));
    }

    @AfterEach
    void stop() {
        window.run().close();
        work.shutdownNow();
        runWork.shutdownNow();
    }

    private void openHealthy(FxRobot robot) throws Exception {
        Path sample = Files.createDirectories(tmp.resolve("healthy"));
        new Samples().byName(Samples.HEALTHY_SERVICE).orElseThrow().materialize(sample);
        robot.interact(() -> window.shell().open(sample));
        Await.until("the run's steps", () -> RunHarness.get(() -> window.run().rows().size()) == 7);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> rowTexts(FxRobot robot) {
        ListView<StepRow> steps = robot.lookup("#run-steps").queryListView();
        return RunHarness.get(() -> steps.getItems().stream().map(StepRow::text).toList());
    }

    private List<String> cellTexts(FxRobot robot) {
        return RunHarness.get(() -> robot.lookup(".run-step-cell").queryAll().stream()
                .map(n -> ((javafx.scene.control.ListCell<?>) n).getText()).filter(t -> t != null).toList());
    }

    @Test
    void theRunViewIsThereBehindThePlanAndItsButtonsStepThroughTheHealthySample(FxRobot robot) throws Exception {
        openHealthy(robot);
        TabPane centre = robot.lookup("#centre-tabs").queryAs(TabPane.class);
        assertThat(centre.getSelectionModel().getSelectedItem().getId()).isEqualTo("tab-plan");
        assertThat(robot.lookup("#run-view").tryQuery()).as("in the scene graph while the Plan tab shows").isPresent();
        for (String id : List.of("#step-button", "#run-to-end-button", "#run-to-here-button", "#skip-button",
                "#rerun-button", "#stop-button", "#reset-button", "#run-steps", "#run-details-tabs")) {
            assertThat(robot.lookup(id).tryQuery()).as(id).isPresent();
        }
        assertThat(robot.lookup("#stop-button").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#rerun-button").queryButton().isDisabled()).isTrue();

        robot.interact(() -> actions.fire(Action.RUN_VIEW));
        assertThat(centre.getSelectionModel().getSelectedItem().getId()).isEqualTo("tab-run");
        for (int i = 1; i <= 7; i++) {
            int done = i;
            robot.clickOn("#step-button");
            Await.until("step " + i, () -> RunHarness.get(() -> window.run().rows().stream()
                    .filter(r -> r.state().status() == StepStatus.SUCCEEDED).count()) == done
                    && !RunHarness.get(() -> window.run().busyProperty().get()));
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rowTexts(robot)).containsExactly("ApplicationStop  succeeded", "DownloadBundle  succeeded",
                "BeforeInstall  succeeded", "Install  succeeded", "AfterInstall  succeeded",
                "ApplicationStart  succeeded", "ValidateService  succeeded");
        assertThat(cellTexts(robot)).contains("ValidateService  succeeded");
        assertThat(robot.lookup("#step-button").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#rerun-button").queryButton().isDisabled()).as("ValidateService is selected")
                .isFalse();
        assertThat(robot.lookup("#run-status").queryAs(Label.class).getText()).contains("Every step ran");
        ListView<StepRow> steps = robot.lookup("#run-steps").queryListView();
        assertThat(steps.getSelectionModel().getSelectedItem().event()).isEqualTo("ValidateService");
    }

    @Test
    void aBreakpointToggledInItsRowMakesF9PauseBeforeThatStep(FxRobot robot) throws Exception {
        openHealthy(robot);
        robot.interact(() -> actions.fire(Action.RUN_VIEW));
        WaitForAsyncUtils.waitForFxEvents();
        Node cell = robot.lookup(".run-step-cell").queryAll().stream()
                .filter(n -> "ApplicationStart  pending".equals(((javafx.scene.control.ListCell<?>) n).getText()))
                .findFirst().orElseThrow();
        robot.clickOn(robot.from(cell).lookup(".breakpoint-toggle").queryAs(ToggleButton.class));
        assertThat(RunHarness.get(() -> window.run().rows().get(5).breakpoint())).isTrue();
        robot.clickOn("#run-steps").type(KeyCode.F9);
        Await.until("paused", () -> RunHarness.get(() -> window.run().statusProperty().get())
                .equals("Paused before ApplicationStart (breakpoint)."));
        assertThat(rowTexts(robot)).contains("AfterInstall  succeeded", "ApplicationStart  pending");
    }

    @Test
    void runSettingsSayWhatNoIsolationMeansAndAreRemembered(FxRobot robot) throws Exception {
        openHealthy(robot);
        robot.interact(() -> {
            actions.fire(Action.RUN_VIEW);
            robot.lookup("#run-details-tabs").queryAs(TabPane.class).getSelectionModel().select(
                    robot.lookup("#run-details-tabs").queryAs(TabPane.class).getTabs().stream()
                            .filter(t -> "run-tab-settings".equals(t.getId())).findFirst().orElseThrow());
        });
        ChoiceBox<String> isolation = robot.lookup("#run-isolation").queryAs(ChoiceBox.class);
        robot.interact(() -> isolation.setValue("none"));
        assertThat(robot.lookup("#run-isolation-warning").queryAs(Label.class).getText())
                .contains("absolute paths in scripts", "reach this machine");
        robot.clickOn("#run-max-timeout").write("7").type(KeyCode.ENTER);
        assertThat(RunSettings.load(state)).isEqualTo(RunSettings.defaults().withIsolation("none").withMaxTimeout(7));
        Await.until("the fresh session without isolation", () -> RunHarness.get(() ->
                window.run().preparedProperty().get() != null
                        && window.run().preparedProperty().get().isolation().name().equals("none")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#run-warning").queryAs(Label.class).getText()).startsWith("No isolation: ");

        robot.clickOn("#run-max-timeout").eraseText(1).write("x").type(KeyCode.ENTER);
        assertThat(robot.lookup("#run-settings-error").queryAs(Label.class).getText()).contains("whole number");
    }

    @Test
    void thePreviousRevisionSlotNamesTheOlderBundleOrSaysWhyThoseEventsDoNothing(FxRobot robot) throws Exception {
        openHealthy(robot);
        Label text = robot.lookup("#run-previous-text").queryAs(Label.class);
        assertThat(text.getText()).contains("No previous revision", "ApplicationStop, BeforeBlockTraffic and "
                + "AfterBlockTraffic do nothing");
        Path old = Files.createDirectories(tmp.resolve("old"));
        robot.interact(() -> model.previousRevisionProperty().set(old));
        assertThat(text.getText()).contains(old.toString(), "run its scripts");
        robot.interact(() -> actions.fire(Action.RUN_VIEW));
        robot.clickOn("#run-previous-clear");
        assertThat(model.getPreviousRevision()).isNull();
    }

    @Test
    void withoutBubblewrapTheSettingsSayHowToInstallItAndOfferNone(FxRobot robot) throws Exception {
        RunModel[] built = new RunModel[1];
        robot.interact(() -> {
            built[0] = new RunModel(hooklab.sessions(), hooklab.inspector(), new RevisionModel(),
                    RunSettings.defaults(), s -> { }, () -> "bwrap is not on the PATH (Debian/Ubuntu: apt-get "
                    + "install bubblewrap)", runWork, javafx.application.Platform::runLater);
            RunSettingsView view = new RunSettingsView(built[0], () -> null);
            Stage stage = new Stage();
            stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(view.node()), 800, 500));
            stage.show();
        });
        Await.until("the probe's answer", () -> RunHarness.get(() -> built[0].bubblewrapProblemProperty().get())
                != null);
        WaitForAsyncUtils.waitForFxEvents();
        Label warning = robot.lookup("#run-isolation-warning").queryAllAs(Label.class).stream()
                .filter(Node::isVisible).findFirst().orElseThrow();
        assertThat(warning.getText()).contains("Bubblewrap cannot run hooks here", "sudo apt-get install bubblewrap");
        Button none = robot.lookup("#run-use-none").queryAllAs(Button.class).stream().filter(Node::isVisible)
                .findFirst().orElseThrow();
        robot.clickOn(none);
        assertThat(built[0].settingsProperty().get().isolation()).isEqualTo("none");
        built[0].close();
    }

    @Test
    void closingTheWindowDuringARunStopsItEndsItsProcessesAndRemovesTheSandbox(FxRobot robot) throws Exception {
        Path rev = dev.hooklab.bundle.TestRevision.withAppSpec("""
                version: 0.0
                os: linux
                hooks:
                  AfterInstall:
                    - location: scripts/wait.sh
                """).script("scripts/wait.sh", "#!/bin/bash\ntrap '' TERM\nsleep 987126\n").folder(tmp, "rev");
        robot.interact(() -> window.shell().open(rev));
        Await.until("the run's steps", () -> RunHarness.get(() -> window.run().rows().size()) == 7);
        robot.interact(() -> actions.fire(Action.RUN_TO_END));
        Await.until("the hook runs", () -> !RunModelTest.processes("987126").isEmpty());
        Path sandbox = RunHarness.get(() -> window.run().preparedProperty().get().session().sandbox().root());
        assertThat(sandbox).isDirectory();
        robot.interact(() -> stage.close());
        assertThat(sandbox).doesNotExist();
        Await.until("no process of the hook left", () -> RunModelTest.processes("987126").isEmpty());
    }
}
