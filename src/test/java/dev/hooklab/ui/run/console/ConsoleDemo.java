package dev.hooklab.ui.run.console;

import dev.hooklab.RevisionFolder;
import dev.hooklab.TestSessions;
import dev.hooklab.ui.ScenePng;
import dev.hooklab.ui.run.PartsFeed;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.hooklab.run.session.SessionBuilder;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * Test-only: the console and the script details after a real run of a small revision whose ApplicationStart fails,
 * for looking at them. Arguments: {@code [dark] [--shot FILE.png]}. Under Xvfb:
 * {@code xvfb-run -a -s "-screen 0 1280x800x24" java -cp ... 'dev.hooklab.ui.run.console.ConsoleDemo$Main' --shot x.png}
 */
public final class ConsoleDemo extends Application {
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(ConsoleDemo.class, args);
        }
    }

    @Override
    public void start(Stage stage) throws Exception {
        List<String> args = getParameters().getRaw();
        Application.setUserAgentStylesheet(args.contains("dark") ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        ConsoleView console = new ConsoleView(new ConsoleLines(),
                new FullOutputWindow(Executors.newSingleThreadExecutor(), stage));
        ScriptDetailsView details = new ScriptDetailsView();
        SplitPane split = new SplitPane(console.node(), details.node());
        split.setDividerPositions(0.6);
        stage.setScene(new Scene(split, 1280, 800));
        stage.setTitle("hooklab console");
        stage.show();
        Path dir = Files.createTempDirectory("hooklab-console-demo");
        StringBuilder loud = new StringBuilder("#!/bin/bash\necho \"Starting the application in $PWD\"\n");
        loud.append("for i in $(seq 1 40); do echo \"[app] warming cache shard $i of 40\"; done\n");
        loud.append("echo 'WARN: config /etc/app/app.conf not found, using defaults' >&2\n");
        loud.append("echo \"LIFECYCLE_EVENT=$LIFECYCLE_EVENT DEPLOYMENT_ID=$DEPLOYMENT_ID\"\n");
        loud.append("sleep 0.1\necho 'ERROR: port 8080 already in use' >&2\nexit 3\n");
        if (args.contains("flood")) { // 300,000 lines at full speed: the console's flood tail
            loud.setLength(0);
            loud.append("#!/bin/bash\nawk 'BEGIN { for (i = 1; i <= 300000; i++) { if (i % 1000 == 0)"
                    + " printf \"WARN: shard %d slow\\n\", i > \"/dev/stderr\"; else printf \"[app] row %07d"
                    + " loaded into the cache\\n\", i } }'\nsleep 8\n");
        }
        Path rev = RevisionFolder.with("""
                        version: 0.0
                        os: linux
                        hooks:
                          ApplicationStart:
                            - location: scripts/start.sh
                              timeout: 300
                        """)
                .script("scripts/start.sh", loud.toString())
                .writeTo(dir.resolve("rev"));
        PartsFeed feed = new PartsFeed(List.of(console, details));
        SessionBuilder.Prepared p = TestSessions.build(rev, dir.resolve("sandbox"), "auto", feed, null);
        console.sessionChanged(p);
        details.sessionChanged(p);
        int floodShot = args.indexOf("--shot");
        if (args.contains("flood") && floodShot >= 0) { // mid-run: the hook flooded, then waits
            javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(5));
            later.setOnFinished(e -> {
                ScenePng.write(stage.getScene(), Path.of(args.get(floodShot + 1)));
                Platform.exit();
                System.exit(0);
            });
            later.play();
        }
        p.session().runToEnd().whenComplete((v, e) -> Platform.runLater(() -> {
            int shot = args.indexOf("--shot");
            if (shot >= 0) {
                Path out = Path.of(args.get(shot + 1));
                Platform.runLater(() -> Platform.runLater(() -> {
                    ScenePng.write(stage.getScene(), out);
                    p.session().close();
                    Platform.exit();
                }));
            }
        }));
    }

}
