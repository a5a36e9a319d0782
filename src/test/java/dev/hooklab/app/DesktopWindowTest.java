package dev.hooklab.app;

import dev.hooklab.explain.Explainer;
import dev.hooklab.finding.Diagnostic;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.plan.DeploymentIds;
import dev.hooklab.report.ReportFormat;
import dev.hooklab.report.ReportWriter;
import dev.hooklab.ui.actions.Actions;
import dev.hooklab.ui.model.RevisionModel;
import dev.hooklab.ui.plan.PlanEntry;
import dev.hooklab.ui.shell.CrashLog;
import dev.hooklab.ui.shell.ExportChooser;
import dev.hooklab.ui.shell.ShellState;
import dev.hooklab.ui.shell.ShellWindow;
import dev.hooklab.ui.shell.Theme;
import dev.hooklab.ui.shell.Themes;
import dev.hooklab.ui.tree.TreeNode;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The window as the application builds it (the shell around the real views), headless under Monocle. */
@ExtendWith(ApplicationExtension.class)
class DesktopWindowTest {
    static final String ROOT = "/opt/codedeploy-agent/deployment-root/";
    static final String GROUP = "f808110e-bfcb-4ea9-a1f0-6377570718ec";

    @TempDir
    Path tmp;

    private final Hooklab hooklab = Hooklab.create();
    private final ExecutorService work = hooklab.inspectionWorker();
    private final RevisionModel model = new RevisionModel();
    private final AtomicInteger drawn = new AtomicInteger();
    private final List<Path> edited = new ArrayList<>();
    private final List<String> suggested = new ArrayList<>();
    private ExportChooser.Target exportTo;
    private ShellWindow window;

    @Start
    void start(Stage stage) {
        DeploymentIds ids = () -> String.format("d-TEST%05d", drawn.incrementAndGet());
        Path state = tmp.resolve("state");
        Themes themes = new Themes(Map.of());
        themes.apply(Theme.LIGHT);
        window = DesktopApp.window(stage, new ShellWindow.Context(hooklab.inspector(), ids, work, model,
                ShellState.load(state), themes, new CrashLog(state, Clock.systemUTC()), new Actions(),
                DesktopApp.samples(), "test", new Explainer(), new ReportWriter(), (owner, name) -> {
                    suggested.add(name);
                    return Optional.ofNullable(exportTo);
                }), edited::add);
    }

    @AfterEach
    void stop() {
        work.shutdownNow();
    }

    @Test
    void eachSampleOpensFromTheWelcomeViewOrTheHelpMenu(FxRobot robot) {
        robot.clickOn("#sample-seed-story");
        Inspection seed = awaitInspection(null);
        assertThat(seed.input().getFileName().toString()).startsWith("hooklab-seed-story-");

        robot.interact(() -> menuItem(robot, "menu-sample-healthy-service").fire());
        Inspection healthy = awaitInspection(seed);
        assertThat(healthy.hasErrors()).isFalse();
        assertThat(healthy.plan().hookEvents()).extracting(e -> e.name())
                .contains("ApplicationStop", "BeforeInstall", "AfterInstall", "ApplicationStart", "ValidateService");

        robot.interact(() -> menuItem(robot, "menu-sample-classic-mistakes").fire());
        Inspection mistakes = awaitInspection(healthy);
        assertThat(mistakes.diagnostics()).extracting(d -> d.code().slug()).contains("unknown-event");
        assertThat(drawn).hasValue(3); // one deployment id per opened revision
    }

    @Test
    void theSeedStoryFillsTheRealTreeAndPlanAndASettingRejudgesWithoutReading(FxRobot robot) {
        robot.clickOn("#sample-seed-story");
        Inspection in = awaitInspection(null);
        String archive = ROOT + "default-local-deployment-group/d-TEST00001/deployment-archive/";

        assertThat(afterInstall(robot).path()).isEqualTo(archive + "var/app/current/start_aplication.sh");
        assertThat(afterInstall(robot).found()).isEqualTo("missing");
        TreeTableView<TreeNode> tree = robot.lookup("#bundle-tree").queryAs(TreeTableView.class);
        assertThat(tree.getRoot().getChildren()).extracting(TreeItem::getValue).extracting(TreeNode::path)
                .contains("scripts", "appspec.yml", "start_aplication.sh");
        assertThat(robot.lookup("#deployment-id").queryAs(TextField.class).getText()).isEqualTo("d-TEST00001");

        robot.clickOn("#tab-deployment");
        robot.clickOn("#deployment-group-id").push(KeyCode.CONTROL, KeyCode.A).write("my-group").type(KeyCode.ENTER);
        Inspection rejudged = awaitInspection(in);

        assertThat(rejudged.opened()).isSameAs(in.opened());
        assertThat(afterInstall(robot).path())
                .isEqualTo(ROOT + "my-group/d-TEST00001/deployment-archive/var/app/current/start_aplication.sh");
        assertThat(drawn).hasValue(1);
    }

    @Test
    void exportToMarkdownWritesTheReportWithTheSeedStorysPath(FxRobot robot) throws Exception {
        robot.clickOn("#sample-seed-story");
        Inspection in = awaitInspection(null);
        String path = in.plan().event("AfterInstall").orElseThrow().scripts().get(0).path();
        Path report = tmp.resolve("reports/seed.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, "an older report, replaced whole");
        exportTo = new ExportChooser.Target(report, ReportFormat.MARKDOWN);

        robot.interact(() -> menuItem(robot, "menu-export").fire());

        assertThat(suggested).singleElement().asString().endsWith("-report.md");
        String markdown = Files.readString(report);
        assertThat(markdown).isEqualTo(new ReportWriter().render(in, ReportFormat.MARKDOWN))
                .contains(path).contains("script-missing").doesNotContain("an older report");
        try (var left = Files.list(report.getParent())) {
            assertThat(left).containsExactly(report); // the temporary file beside it is gone
        }
        assertThat(window.bannerMessage()).isEmpty();
    }

    @Test
    void aReportThatCannotBeWrittenSaysWhyInTheBanner(FxRobot robot) throws Exception {
        robot.clickOn("#sample-seed-story");
        awaitInspection(null);
        exportTo = new ExportChooser.Target(tmp.resolve("no-such-folder/seed.html"), ReportFormat.HTML);

        robot.interact(() -> menuItem(robot, "menu-export").fire());

        assertThat(window.bannerMessage()).isEqualTo("Cannot write the report to "
                + tmp.resolve("no-such-folder/seed.html") + ": no such folder");
        assertThat(tmp.resolve("no-such-folder")).doesNotExist();
    }

    @Test
    void pastingTheSeedStorysErrorFillsTheIdsAndSelectsTheScript(FxRobot robot) {
        robot.clickOn("#sample-seed-story");
        Inspection in = awaitInspection(null);
        String error = "Script does not exist at specified location: " + ROOT + GROUP + "/d-VALNHOGV7/"
                + "deployment-archive/var/app/current/start_aplication.sh";
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(error);
            Clipboard.getSystemClipboard().setContent(content);
            menuItem(robot, "menu-paste-error").fire();
        });
        Inspection there = awaitInspection(in);

        assertThat(there.layout().deploymentGroupId()).isEqualTo(GROUP);
        assertThat(there.layout().deploymentId()).isEqualTo("d-VALNHOGV7");
        assertThat(there.opened()).isSameAs(in.opened());
        assertThat(robot.lookup("#deployment-group-id").queryAs(TextField.class).getText()).isEqualTo(GROUP);
        assertThat(robot.lookup("#deployment-id").queryAs(TextField.class).getText()).isEqualTo("d-VALNHOGV7");
        TableView<PlanEntry> plan = robot.lookup("#plan-table").queryTableView();
        assertThat(plan.getSelectionModel().getSelectedItem().event()).isEqualTo("AfterInstall");
        assertThat(plan.getSelectionModel().getSelectedItem().path()).isEqualTo(error.substring(error.indexOf('/')));
        TreeTableView<TreeNode> tree = robot.lookup("#bundle-tree").queryAs(TreeTableView.class);
        assertThat(tree.getSelectionModel().getSelectedItem().getValue().path())
                .isEqualTo("var/app/current/start_aplication.sh");
        ListView<Diagnostic> findings = robot.lookup("#findings").queryListView();
        assertThat(findings.getSelectionModel().getSelectedItem().code().slug()).isEqualTo("script-missing");
        assertThat(window.explanationText()).contains("AfterInstall");
        assertThat(robot.lookup("#explanation-change").queryAs(Label.class).getText())
                .contains("location: start_aplication.sh");
    }

    @Test
    void anErrorPastedBeforeOpeningNamesTheDeploymentOfTheNextRevision(FxRobot robot) {
        String error = "Script does not exist at specified location: " + ROOT + GROUP + "/d-VALNHOGV7/"
                + "deployment-archive/var/app/current/start_aplication.sh";
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(error);
            Clipboard.getSystemClipboard().setContent(content);
            menuItem(robot, "menu-paste-error").fire();
        });
        assertThat(window.explanationText()).contains("found no file there"); // no event: no revision to ask
        assertThat(model.getLayout().deploymentId()).isEqualTo("d-VALNHOGV7");

        robot.interact(() -> menuItem(robot, "menu-sample-seed-story").fire());
        Inspection in = awaitInspection(null);
        assertThat(in.layout().deploymentGroupId()).isEqualTo(GROUP);
        assertThat(in.layout().deploymentId()).isEqualTo("d-VALNHOGV7");
        assertThat(drawn).hasValue(0);
    }

    @Test
    void textThatIsNoDeploymentErrorSaysSoAndChangesNothing(FxRobot robot) {
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString("hello, world");
            Clipboard.getSystemClipboard().setContent(content);
            menuItem(robot, "menu-paste-error").fire();
        });
        assertThat(window.bannerMessage()).isEqualTo(Explainer.UNRECOGNIZED);
        assertThat(model.getLayout()).isEqualTo(RevisionModel.UNDRAWN);
        assertThat(window.explanationText()).isEmpty();
    }

    /** A menu bar item by id, however deep (a submenu's popup is not clicked through headless). */
    static MenuItem menuItem(FxRobot robot, String id) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().stream().flatMap(DesktopWindowTest::items).filter(i -> id.equals(i.getId()))
                .findFirst().orElseThrow(() -> new AssertionError("no menu item #" + id));
    }

    private static Stream<MenuItem> items(MenuItem item) {
        return item instanceof Menu m ? Stream.concat(Stream.of(m), m.getItems().stream()
                .flatMap(DesktopWindowTest::items)) : Stream.of(item);
    }

    private PlanEntry afterInstall(FxRobot robot) {
        TableView<PlanEntry> plan = robot.lookup("#plan-table").queryTableView();
        return plan.getItems().stream().filter(r -> r.event().equals("AfterInstall")).findFirst().orElseThrow();
    }

    /** Waits for the model to hold an inspection other than this one. */
    Inspection awaitInspection(Inspection other) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                    () -> model.getInspection() != null && model.getInspection() != other);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no new inspection within 60 s; banner: " + window.bannerMessage(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        return model.getInspection();
    }
}
