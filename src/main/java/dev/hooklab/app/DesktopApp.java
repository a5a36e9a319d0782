package dev.hooklab.app;

import dev.hooklab.explain.Explainer;
import dev.hooklab.report.ReportWriter;
import dev.hooklab.sample.Samples;
import dev.hooklab.ui.actions.Action;
import dev.hooklab.ui.actions.Actions;
import dev.hooklab.ui.appspec.AppSpecView;
import dev.hooklab.ui.findings.FindingsView;
import dev.hooklab.ui.model.RevisionModel;
import dev.hooklab.ui.shell.CrashLog;
import dev.hooklab.ui.shell.ExportChooser;
import dev.hooklab.ui.shell.Sample;
import dev.hooklab.ui.shell.ShellState;
import dev.hooklab.ui.shell.ShellWindow;
import dev.hooklab.ui.shell.Themes;
import dev.hooklab.ui.plan.PlanView;
import dev.hooklab.ui.settings.SettingsView;
import dev.hooklab.ui.shell.Workspace;
import dev.hooklab.ui.tree.BundleTreeView;
import javafx.application.Application;
import javafx.application.HostServices;
import javafx.scene.Node;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

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
        List<Sample> samples = samples();
        HostServices host = getHostServices();
        ShellWindow window = window(stage, new ShellWindow.Context(hooklab.inspector(), hooklab.deploymentIds(), work,
                new RevisionModel(), state, themes, new CrashLog(stateFolder, Clock.systemUTC()), new Actions(),
                samples, hooklab.version(), new Explainer(), new ReportWriter(), ExportChooser.saveDialog()),
                file -> host.showDocument(file.toUri().toString()));

        List<String> files = getParameters().getUnnamed();
        String sample = getParameters().getNamed().get("sample");
        if (!files.isEmpty()) {
            window.open(Path.of(files.get(0)));
        } else if (sample != null) {
            samples.stream().filter(s -> s.id().equals(sample)).findFirst().ifPresent(window::openSample);
        }
    }

    /**
     * Builds the window on {@code stage}: the shell around the five views of the context's model, and shows it.
     *
     * @param editor opens a file in the user's editor (the AppSpec view's "Open in editor")
     */
    static ShellWindow window(Stage stage, ShellWindow.Context cx, Consumer<Path> editor) {
        RevisionModel model = cx.model();
        BundleTreeView tree = new BundleTreeView(model);
        Workspace workspace = new Workspace(tree.node(), new PlanView(model).node(),
                new AppSpecView(model, editor).node(), new FindingsView(model).node(),
                new SettingsView(model, () -> chooseAppSpec(stage)).node());
        cx.actions().bind(Action.FIND, () -> {
            workspace.leftTabs().getSelectionModel().select(0);
            Node filter = tree.node().lookup("#bundle-filter");
            if (filter != null) {
                filter.requestFocus();
            }
        });
        ShellWindow window = new ShellWindow(cx, workspace);
        window.show(stage);
        return window;
    }

    private static Path chooseAppSpec(Stage owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("An AppSpec to judge instead of the revision's own");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("AppSpec", "*.yml", "*.yaml"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(owner);
        return f == null ? null : f.toPath();
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
