package dev.hooklab.app;

import dev.hooklab.run.HostAccounts;
import dev.hooklab.run.shell.ShellOpener;
import dev.hooklab.run.shell.Terminals;
import dev.hooklab.ui.run.RunModel;
import dev.hooklab.ui.run.RunView;
import dev.hooklab.ui.run.console.ConsoleLines;
import dev.hooklab.ui.run.console.ConsoleView;
import dev.hooklab.ui.run.console.FullOutputWindow;
import dev.hooklab.ui.run.console.ScriptDetailsView;
import dev.hooklab.ui.run.sandbox.SandboxPanel;
import dev.hooklab.ui.run.timeline.TimelineView;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The run view's parts as the window ships them, in the order of their tabs: the selected script's output, its
 * details, the timeline of the run and the sandbox. Built on the run's model, so a click on a timeline bar
 * selects that script in the step list and every other part.
 */
public final class RunParts {
    private RunParts() {
    }

    /**
     * @param reader reads files off the FX thread: the full output of a script, the sandbox's files and scripts.log
     * @param owner  the window that owns the full-output window
     * @param opener opens a folder in the desktop's file manager
     * @param env    the environment the desktop's terminal emulator is looked up in
     */
    public static Function<RunModel, List<RunView.TitledPart>> standard(Executor reader, HostAccounts accounts,
                                                                        Window owner, Consumer<Path> opener,
                                                                        Map<String, String> env) {
        return run -> {
            TimelineView timeline = new TimelineView();
            timeline.onSelect(run::select);
            ShellOpener shells = new ShellOpener(new Terminals(env));
            return List.of(
                    new RunView.TitledPart("Output", new ConsoleView(new ConsoleLines(),
                            new FullOutputWindow(reader, owner))),
                    new RunView.TitledPart("Script", new ScriptDetailsView()),
                    new RunView.TitledPart("Timeline", timeline),
                    new RunView.TitledPart("Sandbox", new SandboxPanel(reader, accounts, shells::open, opener)));
        };
    }
}
