package dev.hooklab.app;

import dev.hooklab.ui.ScenePng;
import dev.hooklab.appspec.TargetOs;
import dev.hooklab.explain.Explainer;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.report.ReportWriter;
import dev.hooklab.ui.actions.Actions;
import dev.hooklab.ui.model.RevisionModel;
import dev.hooklab.ui.model.Selections;
import dev.hooklab.ui.shell.CrashLog;
import dev.hooklab.ui.shell.ShellState;
import dev.hooklab.ui.shell.ShellWindow;
import dev.hooklab.ui.shell.Theme;
import dev.hooklab.ui.shell.Themes;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test-only: the window as the application builds it, on the seed story in the deployment of the README's example,
 * with the AfterInstall row selected, written to a PNG of the scene (1280x800) and closed. Arguments:
 * {@code [dark] FILE.png}. Run it under Xvfb (packaging/screenshots/README.md has the command).
 */
public final class WindowShot extends Application {
    static final String GROUP = "f808110e-bfcb-4ea9-a1f0-6377570718ec";

    /** The entry point (a main class that is an Application needs JavaFX on the module path). */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(WindowShot.class, args);
        }
    }

    @Override
    public void start(Stage stage) throws IOException {
        List<String> args = getParameters().getRaw();
        Path out = Path.of(args.get(args.size() - 1));
        Hooklab hooklab = Hooklab.create(() -> "d-VALNHOGV7");
        Path state = Files.createTempDirectory("hooklab-shot-");
        Themes themes = new Themes(Map.of());
        themes.apply(args.contains("dark") ? Theme.DARK : Theme.LIGHT);
        RevisionModel model = new RevisionModel();
        ShellWindow window = DesktopApp.window(stage, new ShellWindow.Context(hooklab.inspector(),
                hooklab.deploymentIds(), hooklab.inspectionWorker(), model, ShellState.load(state), themes,
                new CrashLog(state, Clock.systemUTC()), new Actions(), DesktopApp.samples(), hooklab.version(),
                new Explainer(), new ReportWriter(), (owner, name) -> Optional.empty()), file -> { });
        model.layoutProperty().set(new DeploymentLayout(TargetOs.LINUX, DeploymentLayout.LINUX_ROOT, GROUP, ""));
        model.inspectionProperty().addListener((o, before, in) -> {
            in.plan().event("AfterInstall").ifPresent(e -> model.select(Selections.ofScript(e, 0, "shot")));
            PauseTransition settle = new PauseTransition(Duration.seconds(2)); // lazy cells, the code area
            settle.setOnFinished(done -> {
                ScenePng.write(stage.getScene(), out);
                Platform.exit();
            });
            settle.play();
        });
        window.openSample(DesktopApp.samples().get(0));
    }

}
