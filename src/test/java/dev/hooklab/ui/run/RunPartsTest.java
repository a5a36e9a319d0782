package dev.hooklab.ui.run;

import dev.hooklab.TestSessions;
import atlantafx.base.theme.PrimerLight;
import dev.hooklab.Await;
import dev.hooklab.run.HostAccounts;
import dev.hooklab.run.isolation.IsolationProbe;
import dev.hooklab.run.session.SessionBuilder;
import dev.hooklab.run.session.StepSession;
import dev.hooklab.run.session.StepState;
import dev.hooklab.run.shell.InstalledRevision;
import dev.hooklab.run.shell.ShellCommand;
import dev.hooklab.run.shell.ShellOpener;
import dev.hooklab.ui.run.sandbox.SandboxPanel;
import dev.hooklab.ui.run.sandbox.SandboxSnapshot;
import dev.hooklab.ui.run.timeline.TimelineBars;
import dev.hooklab.ui.run.timeline.TimelineView;
import dev.hooklab.work.Workers;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The timeline and the sandbox panel under Monocle, fed by a real step session through an FX-thread listener. */
@Tag("process")
@ExtendWith(ApplicationExtension.class)
class RunPartsTest {
    @TempDir
    Path tmp;

    private final ExecutorService reader = Executors.newSingleThreadExecutor(Workers.daemons().factory("test-reader"));
    private final List<int[]> timelineClicks = new CopyOnWriteArrayList<>();
    private final List<String> clickedLocations = new CopyOnWriteArrayList<>();
    private final List<ShellCommand> shells = new CopyOnWriteArrayList<>();
    private final List<Path> openedFolders = new CopyOnWriteArrayList<>();
    private TimelineView timeline;
    private SandboxPanel panel;
    private StepSession session;

    private List<RunPart> parts() {
        return List.of(timeline, panel);
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        timeline = new TimelineView();
        timeline.onSelect((step, location) -> {
            timelineClicks.add(new int[] {step});
            clickedLocations.add(String.valueOf(location));
        });
        panel = new SandboxPanel(reader, new dev.hooklab.run.HostAccounts(), command -> {
            shells.add(command);
            return new ShellOpener.ToPaste(command.pasteLine(), "No terminal here.");
        }, openedFolders::add);
        SplitPane split = new SplitPane(timeline.node(), panel.node());
        stage.setScene(new Scene(split, 1280, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
        reader.shutdownNow();
    }

    private SessionBuilder.Prepared open(FxRobot robot, String isolation) throws Exception {
        SessionBuilder.Prepared prepared = InstalledRevision.prepare(tmp, isolation, new PartsFeed(parts()));
        session = prepared.session();
        robot.interact(() -> parts().forEach(part -> part.sessionChanged(prepared)));
        return prepared;
    }

    private void select(FxRobot robot, String event, String location) {
        StepState step = session.steps().get(TestSessions.index(session, event));
        robot.interact(() -> parts().forEach(part -> part.selected(step, location)));
    }

    private static void settle() {
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Node row(FxRobot robot, String location) {
        return robot.lookup(".timeline-row").queryAll().stream()
                .filter(n -> n.getUserData() instanceof TimelineBars.Bar b && location.equals(b.location()))
                .findFirst().orElseThrow();
    }

    private static String fillStatus(FxRobot robot, Node row) {
        return robot.from(row).lookup(".timeline-fill").queryAll().iterator().next().getStyleClass().stream()
                .filter(c -> c.startsWith("status-")).findFirst().orElseThrow();
    }

    private static boolean assumeBubblewrap() {
        String problem = new IsolationProbe(new HostAccounts()).bubblewrapProblem();
        assumeTrue(problem == null, () -> "bubblewrap cannot work here: " + problem);
        return true;
    }

    @Test
    void theTimelineDrawsEachScriptAsItEndsAndAClickSelectsIt(FxRobot robot) throws Exception {
        open(robot, "none");
        assertThat(robot.lookup(".timeline-row").queryAll()).hasSize(4); // the planned scripts, pending
        assertThat(fillStatus(robot, row(robot, "scripts/after.sh"))).isEqualTo("status-pending");

        session.runToEnd().get(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS);
        settle();

        assertThat(fillStatus(robot, row(robot, "scripts/before.sh"))).isEqualTo("status-succeeded");
        assertThat(fillStatus(robot, row(robot, "scripts/after.sh"))).isEqualTo("status-succeeded");
        assertThat(fillStatus(robot, row(robot, "scripts/start.sh"))).isEqualTo("status-failed");
        assertThat(robot.lookup(".timeline-segment").queryAll()).hasSize(6); // 4 scripts, DownloadBundle, Install
        assertThat(robot.lookup(".timeline-info").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(text -> text.endsWith("of 30 s · failed"))
                .anyMatch(text -> text.equals("not-run"));
        assertThat(robot.lookup(".timeline-summary").queryAs(Label.class).getText()).startsWith("Run: ");

        robot.clickOn(row(robot, "scripts/check.sh"));
        assertThat(clickedLocations).containsExactly("scripts/check.sh");
        assertThat(timelineClicks.get(0)[0]).isEqualTo(TestSessions.index(session, "AfterInstall"));

        select(robot, "AfterInstall", "scripts/check.sh");
        assertThat(row(robot, "scripts/check.sh").getPseudoClassStates())
                .contains(PseudoClass.getPseudoClass("selected"));
        assertThat(row(robot, "scripts/after.sh").getPseudoClassStates())
                .doesNotContain(PseudoClass.getPseudoClass("selected"));
    }

    @Test
    void theRunningScriptsBarGrowsWhileItRuns(FxRobot robot) throws Exception {
        open(robot, "none");
        session.runTo(TestSessions.index(session, "Install")).get(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS);
        java.nio.file.Files.writeString(InstalledRevision.hold(session), "");
        var afterInstall = session.step();
        Await.until("check.sh running on the timeline", () -> {
            settle();
            return fillStatus(robot, row(robot, "scripts/check.sh")).equals("status-running");
        });
        String first = info(robot, "scripts/check.sh");
        Await.until("the running bar to grow", () -> {
            settle();
            return !info(robot, "scripts/check.sh").equals(first);
        });
        assertThat(info(robot, "scripts/check.sh")).endsWith("of 1 h · running");
        java.nio.file.Files.delete(InstalledRevision.hold(session));
        afterInstall.get(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS);
        settle();
        assertThat(fillStatus(robot, row(robot, "scripts/check.sh"))).isEqualTo("status-succeeded");
    }

    @Test
    void theSandboxFilesAndScriptsLogRefreshWhileAStepRuns(FxRobot robot) throws Exception {
        open(robot, "none");
        session.runTo(TestSessions.index(session, "Install")).get(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS);
        java.nio.file.Files.writeString(InstalledRevision.hold(session), "");
        var afterInstall = session.step(); // check.sh waits while the hold file is there
        Await.until("check.sh running", () -> session.steps().get(TestSessions.index(session, "AfterInstall"))
                .scripts().stream().anyMatch(script -> script.location().equals("scripts/check.sh")
                        && script.running()));
        // what happens in the sandbox while the step runs shows without waiting for its end
        java.nio.file.Files.writeString(session.sandbox().host("/var/app/current/written-meanwhile.txt"), "x");
        Await.until("the new file in the tree", () -> children(robot, "/var/app/current")
                .contains("written-meanwhile.txt"));
        Await.until("check.sh's line in scripts.log", () -> logText(robot).contains("checking"));
        assertThat(afterInstall).isNotDone();
        java.nio.file.Files.delete(InstalledRevision.hold(session));
        afterInstall.get(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS);
    }

    private String info(FxRobot robot, String location) {
        AtomicReference<String> text = new AtomicReference<>();
        robot.interact(() -> text.set(robot.from(row(robot, location)).lookup(".timeline-info").queryAs(Label.class)
                .getText()));
        return text.get();
    }

    @Test
    void hoveringABarShowsItsScriptStatusAndDuration(FxRobot robot) throws Exception {
        open(robot, "none");
        session.runToEnd().get(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS);
        settle();
        Node start = row(robot, "scripts/start.sh");
        robot.moveTo(start);
        AtomicReference<String> shown = new AtomicReference<>();
        Await.until("a tooltip over the bar", () -> {
            settle();
            robot.listTargetWindows().stream().filter(w -> w instanceof javafx.scene.control.Tooltip && w.isShowing())
                    .map(w -> ((javafx.scene.control.Tooltip) w).getText()).findFirst().ifPresent(shown::set);
            return shown.get() != null;
        });
        assertThat(shown.get()).contains("scripts/start.sh", "failed", " s", "timeout 30 s");
    }

    @Test
    void thePanelShowsTheIsolationTheInstalledFilesScriptsLogAndOpensTheSelectedStepsShell(FxRobot robot)
            throws Exception {
        assumeBubblewrap();
        open(robot, "bwrap");
        assertThat(robot.lookup("#isolation").queryAs(Label.class).getText())
                .contains("bubblewrap", "/opt/codedeploy-agent, /var/app/current", "no network");
        assertThat(robot.lookup("#open-shell-button").queryButton().isDisabled()).isTrue(); // nothing selected

        session.runTo(TestSessions.index(session, "AfterInstall")).get(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS);
        Await.until("the installed files in the tree", () -> children(robot, "/var/app/current").contains("index.html"));
        assertThat(children(robot, "/var/app/current")).containsExactly("conf", "index.html");
        Await.until("scripts.log in its view", () -> logText(robot).contains("[stdout]after"));
        assertThat(logText(robot)).contains("LifecycleEvent - AfterInstall", "Script - scripts/after.sh",
                "[stderr]oops", "[stdout]checking");

        select(robot, "AfterInstall", "scripts/after.sh");
        robot.clickOn("#open-shell-button");
        assertThat(shells).hasSize(1);
        ShellCommand shell = shells.get(0);
        assertThat(shell.event()).isEqualTo("AfterInstall");
        assertThat(shell.argv()).contains("LIFECYCLE_EVENT=AfterInstall", "/var/app/current", "--unshare-net");
        TextField paste = robot.lookup("#shell-command").queryAs(TextField.class);
        assertThat(paste.isVisible()).isTrue();
        assertThat(paste.getText()).isEqualTo(shell.pasteLine());
        robot.clickOn("#copy-shell-command");
        AtomicReference<String> copied = new AtomicReference<>();
        robot.interact(() -> copied.set(javafx.scene.input.Clipboard.getSystemClipboard().getString()));
        assertThat(copied.get()).isEqualTo(shell.pasteLine());

        robot.clickOn("#open-sandbox-button");
        assertThat(openedFolders).containsExactly(session.sandbox().root());
    }

    @Test
    void withoutIsolationThePanelSaysAbsolutePathsReachThisMachine(FxRobot robot) throws Exception {
        open(robot, "none");
        assertThat(robot.lookup("#isolation").queryAs(Label.class).getText())
                .startsWith("Isolation none: absolute paths reach this machine");
        assertThat(robot.lookup("#isolation").queryAs(Label.class).getPseudoClassStates())
                .contains(PseudoClass.getPseudoClass("unsafe"));
        // before Install the destination is not there yet
        Await.until("the tree", () -> !children(robot, null).isEmpty());
        assertThat(children(robot, null)).containsExactly("/opt/codedeploy-agent", "/var/app/current");
    }

    /** The names under the tree item for {@code instancePath} (the roots for null). */
    private List<String> children(FxRobot robot, String instancePath) {
        List<String> names = new ArrayList<>();
        robot.interact(() -> {
            TreeItem<SandboxSnapshot.FileNode> root = panel.filesTree().getRoot();
            if (root == null) {
                return;
            }
            TreeItem<SandboxSnapshot.FileNode> item = instancePath == null ? root : find(root, instancePath);
            if (item != null) {
                item.getChildren().forEach(child -> names.add(child.getValue().name()));
            }
        });
        return names;
    }

    private static TreeItem<SandboxSnapshot.FileNode> find(TreeItem<SandboxSnapshot.FileNode> item, String path) {
        if (item.getValue() != null && item.getValue().instancePath().equals(path)) {
            return item;
        }
        for (TreeItem<SandboxSnapshot.FileNode> child : item.getChildren()) {
            TreeItem<SandboxSnapshot.FileNode> found = find(child, path);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private String logText(FxRobot robot) {
        AtomicReference<String> text = new AtomicReference<>();
        robot.interact(() -> text.set(robot.lookup("#scripts-log").queryAs(TextArea.class).getText()));
        return text.get();
    }
}
