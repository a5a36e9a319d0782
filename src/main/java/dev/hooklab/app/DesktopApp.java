package dev.hooklab.app;

import dev.hooklab.ui.HooklabWindow;
import javafx.application.Application;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;

/** The JavaFX application: builds the engine through the composition root and shows the window. */
public final class DesktopApp extends Application {

    static void launchWith(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Hooklab hooklab = Hooklab.create();
        List<String> args = getParameters().getUnnamed();
        new HooklabWindow(hooklab.inspector(), hooklab.deploymentIds(), hooklab.version(),
                hooklab.inspectionWorker()).show(stage,
                args.isEmpty() ? SampleBundle.materialize() : Path.of(args.get(0)));
    }
}
