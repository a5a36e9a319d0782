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
import dev.hooklab.ui.run.RunModel;
import dev.hooklab.ui.run.RunPlacement;
import dev.hooklab.ui.run.RunSettings;
import dev.hooklab.ui.run.RunView;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.DirectoryChooser;
import javafx.stage.WindowEvent;
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
import java.util.function.Function;

/**
 * The JavaFX application: builds the window from the composition root. Its first parameter is the file or folder
 * to open; {@code --sample=seed-story} opens a built-in sample (what {@code mvn javafx:run} does); with neither,
 * the welcome view.
 */
public final class DesktopApp extends Application {
    private ExecutorService work;
    private ExecutorService runWork;
    private ExecutorService read;
    private RunModel run;

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
        runWork = hooklab.runWorker();
        read = hooklab.readerWorker();
        Opened opened = open(stage, new ShellWindow.Context(hooklab.inspector(), hooklab.deploymentIds(), work,
                new RevisionModel(), state, themes, new CrashLog(stateFolder, Clock.systemUTC()), new Actions(),
                samples, hooklab.version(), new Explainer(), new ReportWriter(), ExportChooser.saveDialog()),
                file -> host.showDocument(file.toUri().toString()), hooklab, runWork,
                RunParts.standard(read, hooklab.accounts(), stage, folder -> host.showDocument(folder.toUri().toString()),
                        System.getenv()));
        ShellWindow window = opened.shell();
        run = opened.run();

        List<String> files = getParameters().getUnnamed();
        String sample = getParameters().getNamed().get("sample");
        if (!files.isEmpty()) {
            window.open(Path.of(files.get(0)));
        } else if (sample != null) {
            samples.stream().filter(s -> s.id().equals(sample)).findFirst().ifPresent(window::openSample);
        }
    }

    /** The window's pieces that the application and tests reach. */
    public record Opened(ShellWindow shell, RunModel run, RunPlacement placement, RunView runView) {
    }

    /**
     * Builds the window on {@code stage}: the shell around the views of the context's model, and shows it. Runs go
     * through a {@link Hooklab} of the context's deployment ids, its run view has no parts.
     *
     * @param editor opens a file in the user's editor (the AppSpec view's "Open in editor")
     */
    static ShellWindow window(Stage stage, ShellWindow.Context cx, Consumer<Path> editor) {
        Hooklab hooklab = Hooklab.create(cx.ids());
        return open(stage, cx, editor, hooklab, hooklab.runWorker(),
                RunParts.standard(hooklab.readerWorker(), hooklab.accounts(), stage, editor, System.getenv())).shell();
    }

    /**
     * Builds the window on {@code stage} and shows it: the shell around the views of the context's model, the run
     * view beside the plan, its parts built on its model. Closing the window stops a run, ends its processes and
     * removes a temporary sandbox.
     *
     * @param runWork where the run view builds and closes sessions (one thread)
     * @param parts   the run view's parts (console, script details, timeline, sandbox) on the run's model
     */
    public static Opened open(Stage stage, ShellWindow.Context cx, Consumer<Path> editor, Hooklab hooklab,
                       java.util.concurrent.Executor runWork, Function<RunModel, List<RunView.TitledPart>> parts) {
        RevisionModel model = cx.model();
        BundleTreeView tree = new BundleTreeView(model);
        Path stateFolder = cx.state().folder();
        RunModel run = new RunModel(hooklab.sessions(), hooklab.inspector(), model, RunSettings.load(stateFolder),
                settings -> {
                    try {
                        settings.save(stateFolder);
                    } catch (java.io.IOException e) {
                        // not remembered; the run itself goes on
                    }
                }, () -> hooklab.isolationProbe().bubblewrapProblem(), runWork, Platform::runLater);
        RunView runView = new RunView(run, cx.actions(), parts.apply(run), () -> chooseFolder(stage));
        RunPlacement placement = new RunPlacement(runView, cx.actions());
        Workspace workspace = new Workspace(tree.node(), new PlanView(model).node(),
                new AppSpecView(model, editor).node(), new FindingsView(model).node(),
                new SettingsView(model, () -> chooseAppSpec(stage)).node(), placement::around);
        cx.actions().bind(Action.FIND, () -> {
            workspace.leftTabs().getSelectionModel().select(0);
            Node filter = tree.node().lookup("#bundle-filter");
            if (filter != null) {
                filter.requestFocus();
            }
        });
        ShellWindow window = new ShellWindow(cx, workspace);
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, e -> run.close());
        window.show(stage);
        return new Opened(window, run, placement, runView);
    }

    private static Path chooseFolder(Stage owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("A folder to keep the sandbox in (new, empty, or an earlier hooklab sandbox)");
        File f = chooser.showDialog(owner);
        return f == null ? null : f.toPath();
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
        if (run != null) {
            run.close();
        }
        if (runWork != null) {
            runWork.shutdownNow();
        }
        if (read != null) {
            read.shutdownNow();
        }
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
