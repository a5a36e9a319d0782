package dev.hooklab.ui;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The main window (placeholder until the engine is wired in). */
public final class HooklabWindow {
    public void show(Stage stage) {
        stage.setTitle("hooklab");
        stage.setScene(new Scene(new Label("hooklab"), 800, 600));
        stage.show();
    }
}
