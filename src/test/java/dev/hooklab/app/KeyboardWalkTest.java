package dev.hooklab.app;

import dev.hooklab.explain.Explainer;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.plan.DeploymentIds;
import dev.hooklab.report.ReportWriter;
import dev.hooklab.ui.actions.Actions;
import dev.hooklab.ui.model.RevisionModel;
import dev.hooklab.ui.shell.CrashLog;
import dev.hooklab.ui.shell.ShellState;
import dev.hooklab.ui.shell.ShellWindow;
import dev.hooklab.ui.shell.Theme;
import dev.hooklab.ui.shell.Themes;
import dev.hooklab.finding.Diagnostic;
import dev.hooklab.plan.DeploymentType;
import dev.hooklab.ui.plan.PlanEntry;
import dev.hooklab.ui.tree.TreeNode;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import org.fxmisc.richtext.CodeArea;
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

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything reachable by keyboard: from the welcome view to a sample, through the plan, the tree, the AppSpec,
 * the findings and the deployment settings, changing settings and using the shortcuts, without the mouse.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardWalkTest {
    @TempDir
    Path tmp;

    private final Hooklab hooklab = Hooklab.create();
    private final ExecutorService work = hooklab.inspectionWorker();
    private final RevisionModel model = new RevisionModel();
    private final AtomicInteger drawn = new AtomicInteger();
    private ShellWindow window;
    private Stage stage;
    private Themes themes;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        DeploymentIds ids = () -> String.format("d-TEST%05d", drawn.incrementAndGet());
        Path state = tmp.resolve("state");
        themes = new Themes(Map.of());
        themes.apply(Theme.LIGHT);
        window = DesktopApp.window(stage, new ShellWindow.Context(hooklab.inspector(), ids, work, model,
                ShellState.load(state), themes, new CrashLog(state, Clock.systemUTC()), new Actions(),
                DesktopApp.samples(), "test", new Explainer(), new ReportWriter(), (owner, name) -> Optional.empty()),
                file -> { });
    }

    @AfterEach
    void stop() {
        work.shutdownNow();
    }

    @Test
    void aUserWithoutAMouseGoesFromTheWelcomeViewThroughEveryViewToAChangedSetting(FxRobot robot) throws Exception {
        // welcome: Open has the focus, Tab reaches the samples, Space opens one; the plan then has the focus
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focusId()).isEqualTo("welcome-open");
        tabTo(robot, n -> "sample-seed-story".equals(n.getId()));
        robot.type(KeyCode.SPACE);
        Inspection in = awaitInspection(null);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "plan-table".equals(focusId()));

        // plan: Down walks the rows; the AfterInstall row selects its script in the tree; Ctrl+Shift+C copies it
        TableView<PlanEntry> plan = robot.from(stage.getScene().getRoot()).lookup("#plan-table").queryTableView();
        for (int i = 0; i < 20 && !afterInstallSelected(plan); i++) {
            robot.type(KeyCode.DOWN);
        }
        assertThat(afterInstallSelected(plan)).as("Down reaches AfterInstall").isTrue();
        TreeTableView<TreeNode> tree = robot.from(stage.getScene().getRoot()).lookup("#bundle-tree").queryAs(TreeTableView.class);
        assertThat(tree.getSelectionModel().getSelectedItem().getValue().path())
                .isEqualTo("var/app/current/start_aplication.sh");
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C);
        String path = in.plan().event("AfterInstall").orElseThrow().scripts().get(0).path();
        assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(10, TimeUnit.SECONDS))
                .isEqualTo(path);

        // tree: Shift+Tab goes back over the Plan | Run tabs to it, Up moves its selection; Ctrl+F filters it
        robot.push(KeyCode.SHIFT, KeyCode.TAB);
        assertThat(focusId()).isEqualTo("centre-tabs");
        robot.push(KeyCode.SHIFT, KeyCode.TAB);
        assertThat(focusId()).isEqualTo("bundle-tree");
        robot.type(KeyCode.UP);
        assertThat(tree.getSelectionModel().getSelectedItem().getValue().path()).isEqualTo("var/app/current");
        robot.push(KeyCode.CONTROL, KeyCode.F);
        assertThat(focusId()).isEqualTo("bundle-filter");
        robot.write("appspec");
        assertThat(tree.getRoot().getChildren()).extracting(i -> i.getValue().path()).containsExactly("appspec.yml");
        robot.push(KeyCode.CONTROL, KeyCode.A).type(KeyCode.BACK_SPACE);
        assertThat(tree.getRoot().getChildren()).hasSizeGreaterThan(3);

        // AppSpec: Tab reaches the text, the arrows move the caret, Enter selects the line's script and finding
        tabTo(robot, n -> "appspec-view".equals(n.getId()));
        CodeArea area = robot.from(stage.getScene().getRoot()).lookup("#appspec-view").queryAs(CodeArea.class);
        int location = area.getText().lines().toList().indexOf("  AfterInstall:") + 1; // the location line below it
        robot.push(KeyCode.CONTROL, KeyCode.HOME);
        for (int i = 0; i < 60 && area.getCurrentParagraph() < location; i++) {
            robot.type(KeyCode.DOWN); // by visual line: long comment lines wrap
        }
        assertThat(area.getCurrentParagraph()).isEqualTo(location);
        robot.type(KeyCode.END).type(KeyCode.ENTER);
        assertThat(model.getSelection().line()).isEqualTo(location + 1);
        assertThat(plan.getSelectionModel().getSelectedItem().event()).isEqualTo("AfterInstall");

        // findings: Tab on past the severity filters to the list; Down selects a finding, its line and tree entry
        tabTo(robot, n -> "findings".equals(n.getId()));
        ListView<Diagnostic> findings = robot.from(stage.getScene().getRoot()).lookup("#findings").queryListView();
        robot.type(KeyCode.HOME);
        Diagnostic first = findings.getSelectionModel().getSelectedItem();
        assertThat(first).isNotNull();
        assertThat(model.getSelection().line()).isEqualTo(first.line());
        assertThat(area.getCurrentParagraph() + 1).isEqualTo(first.line());

        // Tab wraps to the revision bar's previous-revision slot (Enter would choose one), then to the tabs
        tabTo(robot, n -> "previous-slot".equals(n.getId()));

        // settings: Right on the tabs shows Deployment, Tab reaches the deployment type, Down changes it
        tabTo(robot, n -> n instanceof TabPane);
        robot.type(KeyCode.RIGHT);
        assertThat(robot.from(stage.getScene().getRoot()).lookup("#tab-deployment").queryAs(Node.class)).isNotNull();
        TabPane tabs = (TabPane) stage.getScene().getFocusOwner();
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("tab-deployment");
        tabTo(robot, n -> "deployment-type".equals(n.getId()));
        DeploymentType before = in.options().type();
        robot.type(KeyCode.DOWN);
        Inspection typed = awaitInspection(in);
        assertThat(typed.options().type()).isNotEqualTo(before);
        assertThat(typed.opened()).isSameAs(in.opened());

        // deployment group id: Tab to it, type, Enter judges again in that group
        tabTo(robot, n -> "deployment-group-id".equals(n.getId()));
        robot.push(KeyCode.CONTROL, KeyCode.A).write("keyboard-group").type(KeyCode.ENTER);
        Inspection grouped = awaitInspection(typed);
        assertThat(grouped.layout().deploymentGroupId()).isEqualTo("keyboard-group");
        assertThat(grouped.plan().event("AfterInstall").orElseThrow().scripts().get(0).path())
                .contains("/keyboard-group/");

        // F5 reads the revision again; Ctrl+Shift+D switches the theme
        robot.type(KeyCode.F5);
        Inspection reloaded = awaitInspection(grouped);
        assertThat(reloaded.opened()).isNotSameAs(grouped.opened());
        boolean dark = themes.isDark();
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);
        assertThat(themes.isDark()).isNotEqualTo(dark);
    }

    private static boolean afterInstallSelected(TableView<PlanEntry> plan) {
        PlanEntry row = plan.getSelectionModel().getSelectedItem();
        return row != null && row.event().equals("AfterInstall");
    }

    private String focusId() {
        Node n = stage.getScene().getFocusOwner();
        return n == null ? null : n.getId();
    }

    /** Presses Tab until the focus owner matches, at most 30 times; fails with the way the focus went. */
    private void tabTo(FxRobot robot, Predicate<Node> wanted) {
        List<String> went = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Node owner = stage.getScene().getFocusOwner();
            if (owner != null && wanted.test(owner)) {
                return;
            }
            went.add(describe(owner));
            robot.type(KeyCode.TAB);
        }
        throw new AssertionError("Tab never got there (a focus trap?): " + String.join(" -> ", went));
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

    static String describe(Node n) {
        if (n == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(n.getClass().getSimpleName() + "#" + n.getId());
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p.getId() != null) {
                b.append(" in #").append(p.getId());
                break;
            }
        }
        return b.toString();
    }
}
