package dev.hooklab.ui.run.console;

import dev.hooklab.RevisionFolder;
import dev.hooklab.TestSessions;
import dev.hooklab.ui.run.PartsFeed;
import atlantafx.base.theme.PrimerLight;
import dev.hooklab.Await;
import dev.hooklab.run.ScriptRun;
import dev.hooklab.run.session.ScriptState;
import dev.hooklab.run.session.SessionBuilder;
import dev.hooklab.run.session.StepSession;
import dev.hooklab.run.session.StepState;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.StyleClassedTextArea;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console and the script details fed by a real step session (isolation none, real processes): stdout and
 * stderr told apart, an earlier script's output on selection, find, a failing script's exit code and agent
 * message, a background process holding stdout named with pid and command, the hook's environment.
 */
@Tag("process")
@ExtendWith(ApplicationExtension.class)
class RunConsoleViewsTest {
    private static final String APPSPEC = """
            version: 0.0
            os: linux
            hooks:
              BeforeInstall:
                - location: scripts/mixed.sh
              AfterInstall:
                - location: scripts/holder.sh
              ApplicationStart:
                - location: scripts/fail.sh
                  timeout: 120
            """;

    @TempDir
    Path tmp;

    private ConsoleView console;
    private ScriptDetailsView details;
    private final List<FullOutput> opened = new ArrayList<>();
    private StepSession session;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        console = new ConsoleView(new ConsoleLines(), opened::add);
        details = new ScriptDetailsView();
        stage.setScene(new Scene(new SplitPane(console.node(), details.node()), 1280, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    private StepSession open(FxRobot robot) throws Exception {
        Path rev = RevisionFolder.with(APPSPEC)
                .script("scripts/mixed.sh", "#!/bin/bash\necho out one\nsleep 0.2\necho err one >&2\nsleep 0.2\n"
                        + "echo out two\n")
                .script("scripts/holder.sh", "#!/bin/bash\n(sleep 60.1; echo late) &\necho started\nexit 0\n")
                .script("scripts/fail.sh", "#!/bin/bash\necho about to fail\nsleep 0.2\necho broken >&2\nexit 3\n")
                .writeTo(tmp.resolve("rev"));
        PartsFeed feed = new PartsFeed(List.of(console, details));
        SessionBuilder.Prepared p = TestSessions.build(rev, tmp.resolve("sandbox"), "none", feed, null);
        robot.interact(() -> {
            console.sessionChanged(p);
            details.sessionChanged(p);
        });
        session = p.session();
        return session;
    }

    private static void await(java.util.concurrent.CompletableFuture<Void> f) throws Exception {
        f.get(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void stdoutAndStderrLiveApartWithLineNumbersAndTheExitCode(FxRobot robot) throws Exception {
        StepSession s = open(robot);
        await(s.runTo(TestSessions.index(s, "BeforeInstall")));

        StyleClassedTextArea area = robot.lookup("#console").queryAs(StyleClassedTextArea.class);
        assertThat(area.getText()).isEqualTo("out one\nerr one\nout two");
        assertThat(area.getParagraph(1).getParagraphStyle()).contains("stderr");
        assertThat(area.getStyleOfChar(1, 2)).contains("stderr");
        assertThat(area.getParagraph(0).getParagraphStyle()).doesNotContain("stderr");
        // the marker: an "err" mark beside line 2 in the gutter, "out" beside the others
        assertThat(robot.lookup(".channel-mark.stderr").queryAll()).hasSize(1);
        assertThat(robot.lookup(".lineno").queryAllAs(javafx.scene.text.Text.class)).extracting(l -> l.getText().trim())
                .contains("1", "2", "3");
        assertThat(console.shown()).isEqualTo(new ScriptKey(TestSessions.index(s, "BeforeInstall"),
                "scripts/mixed.sh"));
        assertThat(text(robot, "#exit-code")).isEqualTo("0");
        assertThat(text(robot, "#script-status")).isEqualTo("succeeded");
        assertThat(robot.lookup("#console-dropped").queryAs(Label.class).isVisible()).isFalse();

        // find: Shortcut+F, type, Enter selects the match
        robot.clickOn("#console");
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        assertThat(robot.lookup("#console-find").query().isFocused()).isTrue();
        robot.write("ERR").type(KeyCode.ENTER);
        assertThat(area.getSelectedText()).isEqualTo("err");
        assertThat(text(robot, "#console-find-count")).isEqualTo("1 of 1");
        assertThat(console.find().find(true)).as("wraps around to the one match").isTrue();

        // the whole output: the engine's capture of this script
        robot.clickOn("#console-open-full");
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).stdout().text()).isEqualTo("out one\nout two\n");
        assertThat(opened.get(0).stderr().text()).isEqualTo("err one\n");
        try (OutputLines lines = FullOutput.lines(opened.get(0).stdout())) {
            assertThat(lines.count()).isEqualTo(2);
            assertThat(lines.line(1)).isEqualTo("out two");
        }
    }

    @Test
    void aFailingScriptAndABackgroundHolderAndEarlierOutputOnSelection(FxRobot robot) throws Exception {
        StepSession s = open(robot);
        await(s.runToEnd()); // ends at AfterInstall: its holder fails the step, as on an instance
        assertThat(console.shown()).isEqualTo(new ScriptKey(TestSessions.index(s, "AfterInstall"),
                "scripts/holder.sh"));
        await(s.step()); // the user goes on explicitly
        int start = TestSessions.index(s, "ApplicationStart");
        // the run selected the script it ran last: the failing one
        assertThat(console.shown()).isEqualTo(new ScriptKey(start, "scripts/fail.sh"));
        assertThat(console.text()).isEqualTo("about to fail\nbroken");
        assertThat(text(robot, "#exit-code")).isEqualTo("3");
        assertThat(text(robot, "#agent-message"))
                .isEqualTo("Script at specified location: scripts/fail.sh failed with exit code 3");
        assertThat(text(robot, "#script-timeout")).isEqualTo("120 s");
        assertThat(text(robot, "#console-state")).isEqualTo("failed, exit code 3");
        assertThat(text(robot, "#script-workdir")).endsWith("opt/codedeploy-agent");
        assertThat(text(robot, "#script-user")).isEqualTo(System.getProperty("user.name"));
        assertThat(text(robot, "#script-command")).endsWith("/deployment-archive/scripts/fail.sh");
        @SuppressWarnings("unchecked")
        TableView<Map.Entry<String, String>> env = robot.lookup("#script-env").queryAs(TableView.class);
        assertThat(env.getItems()).extracting(Map.Entry::getKey)
                .startsWith("LIFECYCLE_EVENT", "DEPLOYMENT_ID", "APPLICATION_NAME", "DEPLOYMENT_GROUP_NAME",
                        "DEPLOYMENT_GROUP_ID");
        assertThat(env.getItems()).contains(Map.entry("LIFECYCLE_EVENT", "ApplicationStart"),
                Map.entry("APPLICATION_NAME", "app"), Map.entry("DEPLOYMENT_GROUP_NAME", "LocalFleet"));
        assertThat(env.getItems()).extracting(Map.Entry::getKey).doesNotContain("PATH");
        // from this test's own window: other tests' windows (the app's, with its own details part) may linger
        robot.interact(() -> ((javafx.scene.control.ButtonBase) details.node().lookup("#script-env-all")).fire());
        assertThat(env.getItems()).extracting(Map.Entry::getKey).contains("PATH");

        // the holder: AfterInstall's script left a background process holding stdout
        int after = TestSessions.index(s, "AfterInstall");
        StepState afterStep = s.steps().get(after);
        ScriptRun held = afterStep.scripts().get(0).run();
        assertThat(held.outputHolders()).isNotEmpty();
        robot.interact(() -> {
            console.selected(afterStep, "scripts/holder.sh");
            details.selected(afterStep, "scripts/holder.sh");
        });
        assertThat(console.text()).isEqualTo("started");
        assertThat(text(robot, "#script-status")).isEqualTo("outputs-left-open");
        assertThat(text(robot, "#agent-message"))
                .isEqualTo("Script at specified location: scripts/holder.sh failed to close STDOUT");
        List<String> notes = robot.lookup("#script-notes").queryAs(javafx.scene.layout.VBox.class).getChildren()
                .stream().map(n -> ((Label) n).getText()).toList();
        long pid = held.outputHolders().get(0).process().pid();
        assertThat(notes).anyMatch(n -> n.contains("pid " + pid) && n.contains("sleep 60.1"));

        // an earlier script's output comes back when it is selected
        StepState before = s.steps().get(TestSessions.index(s, "BeforeInstall"));
        robot.interact(() -> console.selected(before, "scripts/mixed.sh"));
        assertThat(console.text()).isEqualTo("out one\nerr one\nout two");

        // a step without scripts: its own notes and no exit code
        StepState install = s.steps().get(TestSessions.index(s, "Install"));
        robot.interact(() -> {
            console.selected(install, null);
            details.selected(install, null);
        });
        assertThat(console.text()).isEmpty();
        assertThat(text(robot, "#script-title")).isEqualTo("Install (no script)");
        assertThat(text(robot, "#exit-code")).isEqualTo("\u2014");
        assertThat(install.scripts()).isEmpty();
        assertThat(s.steps().stream().flatMap(x -> x.scripts().stream()).map(ScriptState::location))
                .contains("scripts/fail.sh");
    }

    @Test
    void reRunningAStepStartsItsOutputAfresh(FxRobot robot) throws Exception {
        StepSession s = open(robot);
        int before = TestSessions.index(s, "BeforeInstall");
        await(s.runTo(before));
        await(s.rerun(before));
        assertThat(console.text()).isEqualTo("out one\nerr one\nout two");
    }
}
