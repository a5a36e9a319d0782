package dev.hooklab.ui.run;

import dev.hooklab.ui.ScenePng;
import dev.hooklab.app.DesktopApp;
import dev.hooklab.app.Hooklab;
import dev.hooklab.explain.Explainer;
import dev.hooklab.report.ReportWriter;
import dev.hooklab.sample.Samples;
import dev.hooklab.ui.actions.Actions;
import dev.hooklab.ui.model.RevisionModel;
import dev.hooklab.ui.shell.CrashLog;
import dev.hooklab.ui.shell.ShellState;
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
 * Test-only: the real window on the classic-mistakes sample with the run view in front (its parts from
 * {@code RunParts.standard}), six steps run by default, up to ApplicationStart, whose step is selected (the
 * scripts' timeouts capped at 5 s, so the background process that holds STDOUT shows in seconds), written to a PNG
 * of the scene (1280x800) and closed. Arguments: {@code [dark] [steps=N] [tab=TITLE] [sample=NAME | revision=PATH]
 * FILE.png} (the classic-mistakes sample unless told). Run it under Xvfb:
 * <pre>
 * xvfb-run -a -s "-screen 0 1280x800x24" java -Dprism.order=sw -cp "target/test-classes:target/classes:$(cat target/cp.txt)" \
 *     'dev.hooklab.ui.run.RunViewDemo$Main' run-view.png
 * </pre>
 */
public final class RunViewDemo extends Application {

    /** The entry point (a main class that is an Application needs JavaFX on the module path). */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(RunViewDemo.class, args);
        }
    }

    @Override
    public void start(Stage stage) throws IOException {
        List<String> args = getParameters().getRaw();
        Path out = Path.of(args.get(args.size() - 1));
        int steps = arg(args, "steps=").map(Integer::parseInt).orElse(6);
        Hooklab hooklab = Hooklab.create(() -> "d-VALNHOGV7");
        Path state = Files.createTempDirectory("hooklab-run-shot-");
        Themes themes = new Themes(Map.of());
        themes.apply(args.contains("dark") ? Theme.DARK : Theme.LIGHT);
        RevisionModel model = new RevisionModel();
        DesktopApp.Opened window = DesktopApp.open(stage, new DemoShell(hooklab, model, state, themes)
                .context(), file -> { }, hooklab, hooklab.runWorker(),
                dev.hooklab.app.RunParts.standard(hooklab.readerWorker(), hooklab.accounts(), stage, file -> { },
                        Map.of()));
        RunModel run = window.run();
        run.settingsProperty().set(run.settingsProperty().get().withMaxTimeout(5));
        window.placement().showRun();
        String name = arg(args, "sample=").orElse(Samples.CLASSIC_MISTAKES);
        Path sample = arg(args, "revision=").map(Path::of).orElse(null);
        if (sample == null) {
            sample = Files.createTempDirectory("hooklab-" + name + "-");
            new Samples().byName(name).orElseThrow().materialize(sample);
        }
        model.inspectionProperty().addListener((o, before, in) -> {
            if (before == null) {
                Platform.runLater(() -> steps(run, steps, () -> {
                    run.select(Math.min(steps, run.rows().size()) - 1); // the step just run
                    arg(args, "tab=").ifPresent(title -> window.runView().details().getTabs().stream()
                                    .filter(t -> t.getText().equalsIgnoreCase(title)).findFirst()
                                    .ifPresent(t -> window.runView().details().getSelectionModel().select(t)));
                    PauseTransition settle = new PauseTransition(Duration.seconds(1.5));
                    settle.setOnFinished(done -> {
                        ScenePng.write(stage.getScene(), out);
                        stage.close();
                        Platform.exit();
                    });
                    settle.play();
                }));
            }
        });
        window.shell().open(sample);
    }

    private static Optional<String> arg(List<String> args, String prefix) {
        return args.stream().filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length())).findFirst();
    }

    private static void steps(RunModel run, int left, Runnable then) {
        if (left == 0) {
            then.run();
            return;
        }
        run.step().whenComplete((v, e) -> Platform.runLater(() -> steps(run, left - 1, then)));
    }

    /** The shell's context for a demo: no export, no recent revisions of the user's. */
    private record DemoShell(Hooklab hooklab, RevisionModel model, Path state, Themes themes) {
        dev.hooklab.ui.shell.ShellWindow.Context context() {
            return new dev.hooklab.ui.shell.ShellWindow.Context(hooklab.inspector(), hooklab.deploymentIds(),
                    hooklab.inspectionWorker(), model, ShellState.load(state), themes,
                    new CrashLog(state, Clock.systemUTC()), new Actions(), List.of(), hooklab.version(),
                    new Explainer(), new ReportWriter(), (owner, name) -> Optional.empty());
        }
    }

}
