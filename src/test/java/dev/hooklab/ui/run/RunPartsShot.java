package dev.hooklab.ui.run;

import dev.hooklab.TestSessions;
import dev.hooklab.run.HostAccounts;
import dev.hooklab.run.isolation.IsolationProbe;
import dev.hooklab.run.session.SessionBuilder;
import dev.hooklab.run.session.StepState;
import dev.hooklab.run.shell.InstalledRevision;
import dev.hooklab.run.shell.ShellOpener;
import dev.hooklab.run.shell.Terminals;
import dev.hooklab.ui.ScenePng;
import dev.hooklab.ui.run.sandbox.SandboxPanel;
import dev.hooklab.ui.run.timeline.TimelineView;
import dev.hooklab.ui.shell.Theme;
import dev.hooklab.ui.shell.Themes;
import dev.hooklab.work.Workers;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Test-only: the timeline beside the sandbox panel after a run of {@link InstalledRevision}, the AfterInstall script
 * selected and "Open a shell here" pressed, written to a PNG (1280x800). Arguments: {@code [dark] FILE.png}; run it
 * under Xvfb as packaging/screenshots/README.md says.
 */
public final class RunPartsShot extends Application {

    public static final class Main {
        public static void main(String[] args) {
            Application.launch(RunPartsShot.class, args);
        }
    }

    @Override
    public void start(Stage stage) throws Exception {
        List<String> args = getParameters().getRaw();
        Path out = Path.of(args.get(args.size() - 1)).toAbsolutePath();
        new Themes(Map.of()).apply(args.contains("dark") ? Theme.DARK : Theme.LIGHT);
        TimelineView timeline = new TimelineView();
        ShellOpener opener = new ShellOpener(new Terminals(System.getenv()));
        SandboxPanel panel = new SandboxPanel(Executors.newSingleThreadExecutor(Workers.daemons().factory("shot")),
                new dev.hooklab.run.HostAccounts(), opener::open, folder -> { });
        List<RunPart> parts = List.of(timeline, panel);
        String isolation = new IsolationProbe(new HostAccounts()).bubblewrapProblem() == null ? "bwrap" : "none";
        SessionBuilder.Prepared prepared = InstalledRevision.prepare(Files.createTempDirectory("hooklab-shot-"),
                isolation, new PartsFeed(parts));
        parts.forEach(p -> p.sessionChanged(prepared));
        SplitPane split = new SplitPane(timeline.node(), panel.node());
        split.setDividerPositions(0.56);
        stage.setScene(new Scene(split, 1280, 800));
        stage.show();
        prepared.session().runToEnd().thenRun(() -> Platform.runLater(() -> {
            StepState after = prepared.session().steps().get(TestSessions.index(prepared.session(), "AfterInstall"));
            parts.forEach(p -> p.selected(after, "scripts/after.sh"));
            ((Button) split.lookup("#open-shell-button")).fire();
            PauseTransition settle = new PauseTransition(Duration.seconds(1.5));
            settle.setOnFinished(done -> {
                ScenePng.write(stage.getScene(), out);
                prepared.session().close();
                Platform.exit();
            });
            settle.play();
        }));
    }

}
