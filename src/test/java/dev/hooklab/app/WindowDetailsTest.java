package dev.hooklab.app;

import dev.hooklab.bundle.TestRevision;
import dev.hooklab.explain.Explainer;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.plan.DeploymentIds;
import dev.hooklab.report.ReportWriter;
import dev.hooklab.ui.actions.Actions;
import dev.hooklab.ui.model.RevisionModel;
import dev.hooklab.ui.model.Selections;
import dev.hooklab.ui.shell.CrashLog;
import dev.hooklab.ui.shell.ShellState;
import dev.hooklab.ui.shell.ShellWindow;
import dev.hooklab.ui.shell.Theme;
import dev.hooklab.ui.shell.Themes;
import dev.hooklab.ui.tree.TreeNode;
import com.sun.javafx.stage.WindowHelper;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.text.Text;
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
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.hooklab.app.DesktopWindowTest.GROUP;
import static dev.hooklab.app.DesktopWindowTest.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window's finish, headless: readable tree names at the default size, a pasted error with no revision open,
 * reload when the file changed while the window was in the background, the About dialog's licences, the icon and
 * the tooltips that explain the agent's terms.
 */
@ExtendWith(ApplicationExtension.class)
class WindowDetailsTest {
    @TempDir
    Path tmp;

    private final Hooklab hooklab = Hooklab.create();
    private final ExecutorService work = hooklab.inspectionWorker();
    private final RevisionModel model = new RevisionModel();
    private final AtomicInteger drawn = new AtomicInteger();
    private final List<Stage> extra = new ArrayList<>();
    private ShellWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        build(stage);
    }

    /** The window as the application builds it, on this stage. */
    private void build(Stage stage) {
        this.stage = stage;
        DeploymentIds ids = () -> String.format("d-TEST%05d", drawn.incrementAndGet());
        Path state = tmp.resolve("state");
        Themes themes = new Themes(Map.of());
        themes.apply(Theme.LIGHT);
        window = DesktopApp.window(stage, new ShellWindow.Context(hooklab.inspector(), ids, work, model,
                ShellState.load(state), themes, new CrashLog(state, Clock.systemUTC()), new Actions(),
                DesktopApp.samples(), "test", new Explainer(), new ReportWriter(), (owner, name) -> Optional.empty()),
                file -> { });
    }

    @AfterEach
    void stop() throws Exception {
        work.shutdownNow();
        WaitForAsyncUtils.asyncFx(() -> extra.forEach(Stage::close)).get(10, TimeUnit.SECONDS);
    }

    /** A menu item of this test's window, by id, however deep. */
    private MenuItem menuItem(FxRobot robot, String id) {
        MenuBar bar = robot.from(stage.getScene().getRoot()).lookup(".menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().stream().flatMap(WindowDetailsTest::items).filter(i -> id.equals(i.getId()))
                .findFirst().orElseThrow(() -> new AssertionError("no menu item #" + id));
    }

    private static Stream<MenuItem> items(MenuItem item) {
        return item instanceof Menu m ? Stream.concat(Stream.of(m), m.getItems().stream()
                .flatMap(WindowDetailsTest::items)) : Stream.of(item);
    }

    /** The window on a stage of its own (closed after the test). */
    private void buildOnNewStage() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Stage s = new Stage();
            extra.add(s);
            build(s);
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theTreeShowsTopLevelNamesWholeAtTheDefaultSizeAndAnyFullPathOnHover(FxRobot robot) throws Exception {
        // a stage of its own at the default size (other tests resize the shared primary stage)
        buildOnNewStage();
        robot.interact(() -> window.openSample(DesktopApp.samples().get(0)));
        Inspection in = awaitInspection(null);
        robot.interact(() -> model.select(Selections.ofScript(in.plan().event("AfterInstall").orElseThrow(), 0,
                "test"))); // opens var/app/current down to the ghost script
        WaitForAsyncUtils.waitForFxEvents();
        TreeTableView<TreeNode> tree = robot.from(stage.getScene().getRoot()).lookup("#bundle-tree")
                .queryAs(TreeTableView.class);

        assertThat(stage.getScene().getWidth()).isEqualTo(1280);
        double columns = tree.getVisibleLeafColumns().stream().mapToDouble(TableColumnBase::getWidth).sum();
        assertThat(columns).as("no sideways scrolling at 1280x800").isLessThanOrEqualTo(tree.getWidth());
        var topLevel = tree.getRoot().getChildren().stream().map(i -> i.getValue().name()).toList();
        assertThat(topLevel).contains("scripts", "appspec.yml", "start_aplication.sh");
        var names = robot.from(tree).lookup(".tree-name").queryAllAs(Label.class);
        assertThat(names.stream().filter(l -> l.getParent().getParent() instanceof TreeTableCell<?, ?> c
                && c.getTableRow().getTreeItem() != null && c.getTableRow().getTreeItem().getParent() == tree.getRoot()))
                .hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(l -> assertThat(shown(l)).as("shown whole").isEqualTo(l.getText()));
        Label ghost = names.stream().filter(l -> l.getParent().getParent() instanceof TreeTableCell<?, ?> c
                && c.getTableRow().getTreeItem().getValue() instanceof TreeNode n
                && n.path().equals("var/app/current/start_aplication.sh"))
                .findFirst().orElseThrow();
        TreeTableCell<?, ?> cell = (TreeTableCell<?, ?>) ghost.getParent().getParent();
        assertThat(cell.getTooltip().getText()).startsWith("var/app/current/start_aplication.sh\nNot in the revision");
        assertThat(shown(ghost)).endsWith(".sh"); // cut in the middle, if at all
    }

    @Test
    void anErrorPastedWithNoRevisionOpenSaysWhatTheTextAloneTellsAndWhatOpeningAdds(FxRobot robot) throws Exception {
        String error = "Script does not exist at specified location: " + ROOT + GROUP + "/d-VALNHOGV7/"
                + "deployment-archive/var/app/current/start_aplication.sh";
        paste(robot, error);

        assertThat(robot.from(stage.getScene().getRoot()).lookup("#explanation").queryAs(Node.class).isVisible()).isTrue();
        assertThat(window.explanationText()).contains("found no file there")
                .contains("/var/app/current/start_aplication.sh looks like the place where the files section installs");
        assertThat(text(robot, "#explanation-facts")).isEqualTo("Read from the text: deployment group id: " + GROUP
                + " \u00b7 deployment id: d-VALNHOGV7 \u00b7 root dir: /opt/codedeploy-agent/deployment-root"
                + " \u00b7 path in the revision: var/app/current/start_aplication.sh");
        assertThat(text(robot, "#explanation-change")).contains("relative to the revision root");
        assertThat(text(robot, "#explanation-next")).startsWith("No revision is open")
                .contains("already set in Deployment");
        assertThat(robot.from(stage.getScene().getRoot()).lookup("#deployment-group-id").queryAs(TextField.class).getText()).isEqualTo(GROUP);
        assertThat(robot.from(stage.getScene().getRoot()).lookup("#deployment-id").queryAs(TextField.class).getText()).isEqualTo("d-VALNHOGV7");
        assertThat(model.getInspection()).isNull();
        assertThat(window.bannerMessage()).isEmpty();

        paste(robot, "Script at specified location: scripts/start.sh failed with exit code 3");
        assertThat(text(robot, "#explanation-facts"))
                .isEqualTo("Read from the text: location: scripts/start.sh \u00b7 exit code: 3");
        assertThat(window.explanationText()).contains("exited with code 3");
        assertThat(text(robot, "#explanation-next")).startsWith("No revision is open")
                .doesNotContain("already set"); // no path: no deployment to set
        assertThat(model.getLayout().deploymentId()).isEqualTo("d-VALNHOGV7"); // kept from the first paste

        Path seed = TestRevision.seedStory().folder(tmp, "seed");
        robot.interact(() -> window.open(seed));
        Inspection in = awaitInspection(null);
        assertThat(in.layout().deploymentId()).isEqualTo("d-VALNHOGV7");
        paste(robot, "Script at specified location: scripts/start.sh failed with exit code 3");
        assertThat(text(robot, "#explanation-next")).isEmpty(); // a revision is open: nothing to add
    }

    @Test
    void focusReloadsTheRevisionOnlyWhenItChangedOnDiskAndFileReloadAlways(FxRobot robot) throws Exception {
        // a stage of its own: the shared primary stage still carries the focus listeners of earlier tests' windows
        buildOnNewStage();
        Path seed = TestRevision.seedStory().folder(tmp, "seed");
        robot.interact(() -> window.open(seed));
        Inspection first = awaitInspection(null);
        assertThat(first.diagnostics()).extracting(d -> d.code().slug()).contains("script-missing");

        leaveAndComeBack(robot);
        settle();
        assertThat(model.getInspection()).as("unchanged on disk: not read again").isSameAs(first);

        Path appspec = seed.resolve("appspec.yml");
        Files.writeString(appspec, Files.readString(appspec).replace("location: /var/app/current/start_aplication.sh",
                "location: start_aplication.sh"));
        Files.setLastModifiedTime(appspec, FileTime.fromMillis(Files.getLastModifiedTime(appspec).toMillis() + 5000));
        leaveAndComeBack(robot);
        Inspection reread = awaitInspection(first);
        assertThat(reread.opened()).isNotSameAs(first.opened());
        assertThat(reread.diagnostics()).extracting(d -> d.code().slug()).doesNotContain("script-missing");
        assertThat(reread.layout()).isEqualTo(first.layout()); // the same deployment, read again

        robot.interact(() -> menuItem(robot, "menu-reload").fire()); // File > Reload reads even when unchanged
        Inspection again = awaitInspection(reread);
        assertThat(again.opened()).isNotSameAs(reread.opened());
        assertThat(drawn).hasValue(1);
    }

    @Test
    void theAboutDialogNamesEachLibraryWithItsLicence(FxRobot robot) {
        Platform.runLater(() -> menuItem(robot, "menu-about").fire()); // showAndWait: not inside interact
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane about = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        String text = robot.from(about).lookup(".text-area").queryAs(TextArea.class).getText();
        assertThat(about.getHeaderText()).isEqualTo("hooklab test");
        assertThat(text).contains("OpenJFX (GPL v2 with the Classpath Exception)", "AtlantaFX (MIT)",
                "ControlsFX (BSD 3-Clause)", "RichTextFX", "Ikonli", "SnakeYAML", "Commons Compress", "picocli",
                "Jackson");
        assertThat(text.lines().filter(l -> l.startsWith("  ")))
                .allSatisfy(l -> assertThat(l).matches(".*\\((MIT|BSD [23]-Clause|Apache 2\\.0|GPL v2 with the "
                        + "Classpath Exception|BSD 2-Clause or GPL v2 with the Classpath Exception)\\)"));
        robot.interact(() -> ((javafx.scene.control.Button) about.lookupButton(ButtonType.OK)).fire());
    }

    @Test
    void theWindowHasTheAppIconAndTheAgentsTermsAreExplainedWhereTheyAppear(FxRobot robot) {
        assertThat(stage.getIcons()).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(i -> assertThat(i.isError()).isFalse());
        assertThat(stage.getIcons().stream().mapToDouble(i -> i.getWidth())).contains(16.0, 32.0, 256.0);

        robot.interact(() -> window.openSample(DesktopApp.samples().get(0)));
        awaitInspection(null);
        assertThat(tip(robot.from(stage.getScene().getRoot()).lookup("#plan-archive-dir").query())).startsWith("deployment-archive: the folder where "
                + "the agent unpacks the revision");
        TreeTableView<TreeNode> tree = robot.from(stage.getScene().getRoot()).lookup("#bundle-tree").queryAs(TreeTableView.class);
        TreeTableCell<?, ?> root = robot.from(tree).lookup(".tree-table-cell").match(n -> n instanceof TreeTableCell<?, ?> c
                && c.getTableRow() != null && c.getTableRow().getTreeItem() == tree.getRoot()
                && c.getTooltip() != null).query();
        assertThat(root.getTooltip().getText()).contains("deployment-archive: the folder where the agent unpacks");
        assertThat(tip(robot.from(stage.getScene().getRoot()).lookup("#deployment-group-id").query())).startsWith("deployment group id: the UUID");
        assertThat(tip(robot.from(stage.getScene().getRoot()).lookup("#previous-slot").query())).startsWith("The last successful revision");
        assertThat(robot.from(stage.getScene().getRoot()).lookup(".column-title").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Runs from", "Path in deployment-archive");
        Label runsFrom = robot.from(stage.getScene().getRoot()).lookup(".column-title").match(n -> "Runs from".equals(((Label) n).getText())).query();
        assertThat(runsFrom.getTooltip().getText()).contains("the last successful revision of the deployment group");
    }

    private static String tip(Node n) {
        if (n instanceof javafx.scene.control.Control c && c.getTooltip() != null) {
            return c.getTooltip().getText();
        }
        Object installed = n.getProperties().get("javafx.scene.control.Tooltip");
        return installed instanceof javafx.scene.control.Tooltip t ? t.getText() : "";
    }

    /** What a label shows: its text, or the text cut to fit. */
    private static String shown(Label l) {
        Text t = (Text) l.lookup(".text");
        return t == null ? "" : t.getText();
    }

    private String text(FxRobot robot, String id) {
        return robot.from(stage.getScene().getRoot()).lookup(id).queryAs(Label.class).getText();
    }

    private void paste(FxRobot robot, String error) {
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(error);
            Clipboard.getSystemClipboard().setContent(content);
            menuItem(robot, "menu-paste-error").fire();
        });
    }

    /**
     * The window loses the focus to another application and gets it back, as the toolkit reports it (what its
     * peer listener calls when the operating system moves the focus; Monocle moves none between windows).
     */
    private void leaveAndComeBack(FxRobot robot) {
        robot.interact(() -> {
            WindowHelper.setFocused(stage, false);
            WindowHelper.setFocused(stage, true);
        });
        assertThat(stage.isFocused()).isTrue();
    }

    /** Waits until the worker has finished what was given to it and the FX thread has applied it. */
    private void settle() throws Exception {
        work.submit(() -> { }).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Inspection awaitInspection(Inspection other) {
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
