package dev.hooklab.ui.run.console;

import atlantafx.base.theme.PrimerLight;
import dev.hooklab.app.Hooklab;
import dev.hooklab.appspec.TargetOs;
import dev.hooklab.inspect.InspectOptions;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.run.session.RunRequest;
import dev.hooklab.run.session.SessionBuilder;
import dev.hooklab.run.session.SessionListener;
import dev.hooklab.run.session.StepSession;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test-only: a revision folder written in code and a real step session on it. */
public final class ConsoleFixture {
    private final Map<String, String> files = new LinkedHashMap<>();

    public static ConsoleFixture with(String appspec) {
        ConsoleFixture f = new ConsoleFixture();
        f.files.put("appspec.yml", appspec);
        return f;
    }

    /** A revision with one hook: {@code location} at AfterInstall, its script {@code body}. */
    public static ConsoleFixture afterInstall(String location, String body) {
        return with("version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: " + location + "\n")
                .script(location, body);
    }

    /** The console alone in a test's stage, in the light theme, shown; returns it. */
    public static ConsoleView show(Stage stage, ConsoleView console) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene((Parent) console.node(), 900, 500));
        stage.show();
        return console;
    }

    public ConsoleFixture script(String path, String body) {
        files.put(path, body);
        return this;
    }

    public Path writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
            if (f.getKey().endsWith(".sh")) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        return dir;
    }

    /**
     * A session on a revision folder, the sandbox in {@code sandbox}, hooks not waited for when a background
     * process holds their output (so a holder is reported at once).
     *
     * @param maxOutputBytes the output kept per script, or null for the default
     */
    public static SessionBuilder.Prepared session(Path revision, Path sandbox, String isolation,
                                                  SessionListener listener, Long maxOutputBytes) throws Exception {
        Hooklab hooklab = Hooklab.create();
        Inspection judged = hooklab.inspector().inspect(revision, DeploymentLayout.defaults(TargetOs.LINUX,
                hooklab.deploymentIds()), InspectOptions.defaults());
        RunRequest request = new RunRequest(null, null, List.of(), sandbox, isolation, false, null, "app",
                "LocalFleet", Map.of(), null, false, maxOutputBytes);
        return hooklab.sessions().build(judged, request, listener);
    }

    public static int index(StepSession s, String event) {
        return s.steps().stream().filter(x -> x.event().equals(event)).findFirst().orElseThrow().index();
    }
}
