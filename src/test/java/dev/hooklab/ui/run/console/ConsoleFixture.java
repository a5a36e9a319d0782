package dev.hooklab.ui.run.console;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Test-only: the console in a test's stage (revisions and sessions: {@code RevisionFolder}, {@code TestSessions}). */
public final class ConsoleFixture {
    private ConsoleFixture() {
    }

    /** The console alone in a test's stage, in the light theme, shown; returns it. */
    public static ConsoleView show(Stage stage, ConsoleView console) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene((Parent) console.node(), 900, 500));
        stage.show();
        return console;
    }
}
