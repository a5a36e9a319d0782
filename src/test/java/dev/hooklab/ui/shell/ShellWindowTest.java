package dev.hooklab.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.hooklab.app.Hooklab;
import dev.hooklab.appspec.TargetOs;
import dev.hooklab.plan.DeploymentIds;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.plan.DeploymentType;
import dev.hooklab.explain.Explainer;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.plan.PlannedScript;
import dev.hooklab.report.ReportWriter;
import dev.hooklab.ui.actions.Actions;
import dev.hooklab.ui.model.RevisionModel;
import dev.hooklab.ui.model.Selection;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The shell, headless under Monocle: opening, drops through real drag events, reload, themes, remembered state. */
@ExtendWith(ApplicationExtension.class)
class ShellWindowTest {
    @TempDir
    Path tmp;

    private final ExecutorService work = Executors.newSingleThreadExecutor();
    private final RevisionModel model = new RevisionModel();
    private final Hooklab hooklab = Hooklab.create();
    private Themes themes;
    private ShellWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = newWindow(stage, model, hooklab.deploymentIds());
    }

    private ShellWindow newWindow(Stage on, RevisionModel m, DeploymentIds ids) {
        Path state = tmp.resolve("state");
        ShellState s = ShellState.load(state);
        themes = new Themes(Map.of());
        themes.apply(s.theme());
        Workspace ws = new Workspace(new Label("tree"), new Label("plan"), new Label("appspec"), new Label("findings"),
                new Label("settings"));
        Sample seed = new Sample("seed-story", "Seed story", "the path that misses", () -> {
            try {
                return Revisions.seedFolder(tmp.resolve("sample"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        ShellWindow w = new ShellWindow(new ShellWindow.Context(hooklab.inspector(), ids, work, m, s, themes,
                new CrashLog(state, Clock.systemUTC()), new Actions(), List.of(seed), "test", new Explainer(),
                new ReportWriter(), (owner, name) -> Optional.empty()), ws);
        w.show(on);
        return w;
    }

    @AfterEach
    void stop() {
        work.shutdownNow();
    }

    @Test
    void theSeedSampleOpensFromTheWelcomeViewWithItsPathAndItsError(FxRobot robot) {
        assertThat(robot.lookup("#drop-zone").queryAs(Node.class).isVisible()).isTrue();
        robot.clickOn("#sample-seed-story");
        Inspection in = awaitInspection(null);

        PlannedScript s = in.plan().event("AfterInstall").orElseThrow().scripts().get(0);
        assertThat(s.path()).matches("/opt/codedeploy-agent/deployment-root/[^/]+/d-[A-Z0-9]{9}/deployment-archive"
                + "/var/app/current/start_aplication.sh");
        assertThat(in.diagnostics()).extracting(d -> d.code().slug()).contains("script-missing");
        assertThat(robot.lookup("#welcome").queryAs(Node.class).isVisible()).isFalse();
        assertThat(robot.lookup("#revision-input").queryAs(Label.class).getText())
                .isEqualTo(tmp.resolve("sample").toString());
        assertThat(robot.lookup("#status-counts").queryAs(Label.class).getText()).startsWith("1 error · 1 warning");
    }

    @Test
    void aBundleDroppedOnTheWindowOpensWhateverItsName(FxRobot robot) throws Exception {
        Path bundle = Revisions.zip(tmp.resolve("build/revision.bin"), Map.of("appspec.yml", Revisions.HEALTHY_APPSPEC,
                "start_aplication.sh", "#!/bin/bash\necho ok\n"));
        robot.interact(() -> DragSupport.drop(robot.lookup("#drop-zone").query(), List.of(bundle.toFile())));
        Inspection in = awaitInspection(null);

        assertThat(in.input()).isEqualTo(bundle);
        assertThat(in.plan().event("AfterInstall").orElseThrow().scripts().get(0).bundleEntry())
                .isEqualTo("start_aplication.sh");
        assertThat(window.bannerMessage()).isEmpty();
    }

    @Test
    void refusedDropsSayWhyInTheBanner(FxRobot robot) throws Exception {
        Path a = Revisions.zip(tmp.resolve("a.zip"), Map.of("x", "y"));
        Path notes = Revisions.text(tmp.resolve("notes.txt"), "just some notes");

        robot.interact(() -> DragSupport.drop(robot.lookup("#drop-zone").query(), List.of(a.toFile(), notes.toFile())));
        assertThat(banner(robot)).startsWith("2 files were dropped (a.zip, notes.txt)");
        robot.interact(() -> DragSupport.drop(robot.lookup("#drop-zone").query(), List.of(notes.toFile())));
        assertThat(banner(robot)).startsWith("notes.txt is neither a bundle (zip, tar, tgz) nor an AppSpec");
        assertThat(model.getInspection()).isNull();

        robot.clickOn("#banner-close");
        assertThat(banner(robot)).isEmpty();
        assertThat(robot.lookup("#banner").queryAs(Node.class).getParent().isVisible()).isFalse();
    }

    @Test
    void aCorruptArchiveDroppedOnAnOpenRevisionLeavesItOpenAndSaysWhatTheCliSays(FxRobot robot) throws Exception {
        Path seed = Revisions.seedFolder(tmp.resolve("seed"));
        robot.interact(() -> window.open(seed));
        Inspection open = awaitInspection(null);
        Path broken = Revisions.corruptZip(tmp.resolve("broken.zip"));

        robot.interact(() -> DragSupport.drop(robot.lookup("#workspace").query(), List.of(broken.toFile())));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.bannerMessage().isEmpty());

        assertThat(model.getInspection()).isSameAs(open);
        assertThat(robot.lookup("#revision-input").queryAs(Label.class).getText()).isEqualTo(seed.toString());
        assertThat("hooklab: " + banner(robot)).isEqualTo(cliError(broken));
    }

    @Test
    void anAppSpecDroppedOnAnOpenRevisionReplacesItsOwnAndSaysSo(FxRobot robot) throws Exception {
        Path seed = Revisions.seedFolder(tmp.resolve("seed"));
        robot.interact(() -> window.open(seed));
        Inspection before = awaitInspection(null);
        String deploymentId = before.plan().layout().deploymentId();
        Path fixed = Revisions.text(tmp.resolve("fix/appspec.yml"), Revisions.HEALTHY_APPSPEC);

        robot.interact(() -> DragSupport.drop(robot.lookup("#workspace").query(), List.of(fixed.toFile())));
        Inspection after = awaitInspection(before);

        assertThat(model.getOptions().appspecOverride()).isEqualTo(fixed);
        assertThat(after.diagnostics()).extracting(d -> d.code().slug()).doesNotContain("script-missing");
        assertThat(after.plan().layout().deploymentId()).isEqualTo(deploymentId);
        assertThat(robot.lookup("#appspec-override").queryAs(Label.class).getText())
                .isEqualTo("AppSpec replaced by " + fixed);
    }

    @Test
    void aBundleDroppedOnThePreviousRevisionSlotIsKeptForTheRun(FxRobot robot) throws Exception {
        Path seed = Revisions.seedFolder(tmp.resolve("seed"));
        robot.interact(() -> window.open(seed));
        awaitInspection(null);
        Path old = Revisions.zip(tmp.resolve("old-release.zip"), Map.of("appspec.yml", Revisions.HEALTHY_APPSPEC));

        robot.interact(() -> DragSupport.drop(robot.lookup("#previous-slot").query(), List.of(old.toFile())));

        assertThat(model.getPreviousRevision()).isEqualTo(old);
        assertThat(model.getInspection().input()).isEqualTo(seed);
        assertThat(robot.lookup("#previous-revision").queryAs(Label.class).getText())
                .isEqualTo("Previous revision: old-release.zip");
    }

    @Test
    void changedSettingsAreJudgedAgainWithTheSameDrawnDeploymentId(FxRobot robot) throws Exception {
        Path seed = Revisions.seedFolder(tmp.resolve("seed"));
        robot.interact(() -> window.open(seed));
        Inspection before = awaitInspection(null);

        assertThat(model.getLayout().deploymentId()).isEqualTo(before.layout().deploymentId()).isNotBlank();

        robot.interact(() -> model.layoutProperty().set(new DeploymentLayout(TargetOs.LINUX, "/srv/agent", "my-group",
                "")));
        Inspection after = awaitInspection(before);
        assertThat(after.layout().deploymentGroupId()).isEqualTo("my-group");
        assertThat(after.layout().deploymentId()).isEqualTo(before.layout().deploymentId());
        assertThat(after.opened()).isSameAs(before.opened()); // judged again, not read again
        assertThat(model.getLayout()).isEqualTo(after.layout());

        robot.interact(() -> model.optionsProperty().set(model.getOptions().withType(DeploymentType.IN_PLACE_WITH_LB)));
        Inspection typed = awaitInspection(after);
        assertThat(typed.options().type()).isEqualTo(DeploymentType.IN_PLACE_WITH_LB);
        assertThat(typed.layout()).isEqualTo(after.layout());
        assertThat(typed.opened()).isSameAs(before.opened());
    }

    @Test
    void reloadReadsTheRevisionAgainAndFocusReloadsOnlyWhenItChanged(FxRobot robot) throws Exception {
        Path seed = Revisions.seedFolder(tmp.resolve("seed"));
        robot.interact(() -> window.open(seed));
        Inspection first = awaitInspection(null);
        assertThat(window.opener().reloadIfChanged()).isFalse();

        Files.writeString(seed.resolve("appspec.yml"), Revisions.HEALTHY_APPSPEC);
        Files.setLastModifiedTime(seed.resolve("appspec.yml"), FileTime.fromMillis(1_000_000_000_000L));
        robot.clickOn("#tool-reload");
        Inspection reloaded = awaitInspection(first);
        assertThat(reloaded.diagnostics()).extracting(d -> d.code().slug()).doesNotContain("script-missing");

        Files.writeString(seed.resolve("appspec.yml"), Revisions.SEED_APPSPEC);
        Files.setLastModifiedTime(seed.resolve("appspec.yml"), FileTime.fromMillis(1_100_000_000_000L));
        assertThat(WaitForAsyncUtils.asyncFx(() -> window.opener().reloadIfChanged()).get(10, TimeUnit.SECONDS))
                .isTrue();
        assertThat(awaitInspection(reloaded).diagnostics()).extracting(d -> d.code().slug()).contains("script-missing");
    }

    @Test
    void copyPathCopiesTheSelectedScriptsPathOnTheInstance(FxRobot robot) throws Exception {
        Path seed = Revisions.seedFolder(tmp.resolve("seed"));
        robot.interact(() -> window.open(seed));
        Inspection in = awaitInspection(null);
        assertThat(robot.lookup("#tool-copy-path").queryAs(Node.class).isDisabled()).isTrue();

        robot.interact(() -> model.select(new Selection(null, 0, 0, "AfterInstall", 0, "test")));
        robot.clickOn("#tool-copy-path");

        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString())
                .get(10, TimeUnit.SECONDS);
        assertThat(copied).isEqualTo(in.plan().event("AfterInstall").orElseThrow().scripts().get(0).path())
                .endsWith("/deployment-archive/var/app/current/start_aplication.sh");
    }

    @Test
    void theThemeToggleSwitchesPrimerLightAndDark(FxRobot robot) {
        robot.interact(() -> themes.apply(Theme.LIGHT));
        robot.clickOn("#tool-dark-theme");
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        assertThat(themes.themeProperty().get()).isEqualTo(Theme.DARK);
        robot.clickOn("#menu-view").clickOn("#menu-dark-theme");
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheet());
        assertThat(themes.isDark()).isFalse();
    }

    @Test
    void windowThemeSettingsAndRecentRevisionsComeBackAtTheNextStart(FxRobot robot) throws Exception {
        Path seed = Revisions.seedFolder(tmp.resolve("seed"));
        robot.interact(() -> {
            themes.apply(Theme.LIGHT);
            stage.setWidth(1000);
            stage.setHeight(700);
            window.open(seed);
        });
        awaitInspection(null);
        robot.interact(() -> model.layoutProperty().set(new DeploymentLayout(TargetOs.LINUX,
                DeploymentLayout.LINUX_ROOT, "kept-group", "")));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> "kept-group".equals(model.getInspection().plan().layout().deploymentGroupId()));
        robot.clickOn("#tool-dark-theme");
        robot.interact(stage::close);

        ShellState saved = ShellState.load(tmp.resolve("state"));
        assertThat(saved.theme()).isEqualTo(Theme.DARK);
        assertThat(saved.bounds()).hasValueSatisfying(b -> {
            assertThat(b.width()).isEqualTo(1000);
            assertThat(b.height()).isEqualTo(700);
        });
        assertThat(saved.recent()).containsExactly(seed.toAbsolutePath());
        assertThat(saved.layout().deploymentGroupId()).isEqualTo("kept-group");

        RevisionModel again = new RevisionModel();
        robot.interact(() -> {
            themes.apply(Theme.LIGHT);
            newWindow(new Stage(), again, hooklab.deploymentIds());
        });
        assertThat(themes.isDark()).isTrue();
        assertThat(again.getLayout().deploymentGroupId()).isEqualTo("kept-group");
        assertThat(robot.lookup("#recent-list .hyperlink").queryAll()).hasSize(1);
    }

    @Test
    void anUnexpectedFailureGoesToTheErrorLogAndTheBannerNamesIt(FxRobot robot) throws Exception {
        // ids drawn off the FX thread, inside the open, fail: a bug, not bad input
        DeploymentIds failing = () -> {
            throw new IllegalStateException("no ids here");
        };
        Path seed = Revisions.seedFolder(tmp.resolve("seed"));
        RevisionModel other = new RevisionModel();
        ShellWindow w = WaitForAsyncUtils.asyncFx(() -> newWindow(new Stage(), other, failing)).get(10, TimeUnit.SECONDS);
        robot.interact(() -> w.open(seed));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !w.bannerMessage().isEmpty());

        Path log = tmp.resolve("state").resolve(CrashLog.FILE_NAME);
        assertThat(w.bannerMessage()).isEqualTo("hooklab failed unexpectedly while reading " + seed
                + " (IllegalStateException); the details are in " + log + ".");
        assertThat(Files.readString(log)).contains("java.lang.IllegalStateException: no ids here", "\tat ");
        assertThat(other.getInspection()).isNull();
    }

    @Test
    void cancelStopsWaitingAndItsResultIsNeverApplied(FxRobot robot) throws Exception {
        // an engine held inside the task until the test lets it go: a slow open, without timing
        CountDownLatch release = new CountDownLatch(1);
        DeploymentIds held = () -> {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "d-HELD00000";
        };
        RevisionModel other = new RevisionModel();
        Stage second = WaitForAsyncUtils.asyncFx((Callable<Stage>) Stage::new).get(10, TimeUnit.SECONDS);
        ShellWindow w = WaitForAsyncUtils.asyncFx(() -> newWindow(second, other, held)).get(10, TimeUnit.SECONDS);
        Path seed = Revisions.seedFolder(tmp.resolve("seed"));
        robot.interact(() -> w.open(seed));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> w.opener().runningProperty().get() != null);
        Node cancel = robot.from(second.getScene().getRoot()).lookup("#status-cancel").query();
        assertThat(cancel.isVisible()).isTrue();

        robot.interact(() -> ((javafx.scene.control.Button) cancel).fire());
        release.countDown();
        work.submit(() -> { }).get(30, TimeUnit.SECONDS); // the one worker has finished the cancelled task
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(w.opener().runningProperty().get()).isNull();
        assertThat(cancel.isVisible()).isFalse();
        assertThat(other.getInspection()).isNull();
        assertThat(w.bannerMessage()).isEmpty();
    }

    private String banner(FxRobot robot) {
        return robot.lookup("#banner").queryAs(Label.class).getText();
    }

    /** Waits for the model to hold an inspection other than this one. */
    private Inspection awaitInspection(Inspection other) {
        try {
            Callable<Boolean> changed = () -> model.getInspection() != null && model.getInspection() != other;
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, changed);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no new inspection within 30 s; banner: " + window.bannerMessage(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        return model.getInspection();
    }

    private String cliError(Path input) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = hooklab.cli().execute(new String[]{"lint", input.toString()}, new PrintWriter(out),
                new PrintWriter(err));
        assertThat(status).isEqualTo(2);
        return err.toString().strip();
    }
}
