package dev.hooklab.ui.views;

import dev.hooklab.ui.ScenePng;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Test-only: the five views on the seed story at 1280x800, for looking at them. Arguments: {@code [dark]
 * [--shot FILE.png]}: with --shot it writes a snapshot of the scene and exits. Run under Xvfb:
 * {@code xvfb-run -a -s "-screen 0 1280x800x24" java -cp ... 'dev.hooklab.ui.views.ViewsDemo$Main' --shot /tmp/v.png}
 */
public final class ViewsDemo extends Application {
    /** The entry point (a main class that is an Application needs JavaFX on the module path). */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(ViewsDemo.class, args);
        }
    }

    @Override
    public void start(Stage stage) throws IOException {
        List<String> args = getParameters().getRaw();
        Application.setUserAgentStylesheet(args.contains("dark") ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        ViewsHarness h = new ViewsHarness();
        stage.setScene(new Scene(h.layout(), 1280, 800));
        stage.setTitle("hooklab views");
        stage.show();
        h.open(ViewsHarness.seedStory(Files.createTempDirectory("hooklab-views-demo")));
        h.plan.model().rows().stream().filter(r -> r.event().equals("AfterInstall")).findFirst()
                .ifPresent(r -> h.revision.select(h.plan.model().selectionOf(r, "demo")));
        int shot = args.indexOf("--shot");
        if (shot >= 0) {
            Path out = Path.of(args.get(shot + 1));
            // two pulses so that lazy cells and the code area are laid out
            Platform.runLater(() -> Platform.runLater(() -> {
                ScenePng.write(stage.getScene(), out);
                Platform.exit();
            }));
        }
    }

}
