package dev.hooklab.app;

import dev.hooklab.sample.Samples;
import dev.hooklab.ui.SketchViews;
import dev.hooklab.ui.actions.Actions;
import dev.hooklab.ui.model.RevisionModel;
import dev.hooklab.ui.shell.CrashLog;
import dev.hooklab.ui.shell.Sample;
import dev.hooklab.ui.shell.ShellState;
import dev.hooklab.ui.shell.ShellWindow;
import dev.hooklab.ui.shell.Themes;
import dev.hooklab.ui.shell.Workspace;
import javafx.application.Application;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * The JavaFX application: builds the window from the composition root. Its first parameter is the file or folder
 * to open; {@code --sample=seed-story} opens a built-in sample (what {@code mvn javafx:run} does); with neither,
 * the welcome view.
 */
public final class DesktopApp extends Application {
    private ExecutorService work;

    static void launchWith(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Hooklab hooklab = Hooklab.create();
        Path stateFolder = stateFolder(System.getenv(), System.getProperty("user.home"),
                System.getProperty("os.name", ""), System.getProperty("hooklab.stateDir"));
        ShellState state = ShellState.load(stateFolder);
        Themes themes = new Themes(System.getenv());
        themes.apply(state.theme());
        work = hooklab.inspectionWorker();
        RevisionModel model = new RevisionModel();
        SketchViews views = new SketchViews(model);
        Workspace workspace = new Workspace(views.tree(), views.plan(), views.appspec(), views.findings(),
                views.settings());
        List<Sample> samples = samples();
        ShellWindow window = new ShellWindow(new ShellWindow.Context(hooklab.inspector(), hooklab.deploymentIds(), work, model, state, themes,
                new CrashLog(stateFolder, Clock.systemUTC()), new Actions(), samples, hooklab.version()), workspace);
        window.show(stage);

        List<String> files = getParameters().getUnnamed();
        String sample = getParameters().getNamed().get("sample");
        if (!files.isEmpty()) {
            window.open(Path.of(files.get(0)));
        } else if (sample != null) {
            samples.stream().filter(s -> s.id().equals(sample)).findFirst().ifPresent(window::openSample);
        }
    }

    @Override
    public void stop() {
        if (work != null) {
            work.shutdownNow();
        }
    }

    /** The catalog's samples, each written to a temporary folder when opened. */
    static List<Sample> samples() {
        return new Samples().all().stream()
                .map(s -> new Sample(s.name(), s.title(), s.story(), () -> SampleBundle.materialize(s)))
                .toList();
    }

    /**
     * The user's state folder (window state, preferences, the error log): {@code -Dhooklab.stateDir}, else
     * {@code $XDG_STATE_HOME/hooklab} or {@code ~/.local/state/hooklab} on Linux, {@code %LOCALAPPDATA%\hooklab} on
     * Windows, {@code ~/Library/Application Support/hooklab} on macOS.
     */
    static Path stateFolder(Map<String, String> env, String home, String osName, String override) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") && env.get("LOCALAPPDATA") != null) {
            return Path.of(env.get("LOCALAPPDATA"), "hooklab");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "hooklab");
        }
        String xdg = env.get("XDG_STATE_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "hooklab") : Path.of(home, ".local", "state", "hooklab");
    }
}
