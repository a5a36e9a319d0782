package dev.hooklab.ui.shell;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/** The shell's dialogs: file choosers that remember their folder, About, and Preferences. */
final class ShellDialogs {
    private final Window owner;
    private File lastFolder;

    ShellDialogs(Window owner) {
        this.owner = owner;
    }

    Optional<Path> chooseRevisionFile(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Bundles and AppSpecs", "*.zip", "*.tar", "*.tgz", "*.tar.gz", "*.yml",
                        "*.yaml"),
                new FileChooser.ExtensionFilter("All files (a bundle is known by its content)", "*"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        return remember(chooser.showOpenDialog(owner));
    }

    Optional<Path> chooseFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File dir = chooser.showDialog(owner);
        if (dir != null) {
            lastFolder = dir.getParentFile();
        }
        return Optional.ofNullable(dir).map(File::toPath);
    }

    private Optional<Path> remember(File f) {
        if (f != null) {
            lastFolder = f.getParentFile();
        }
        return Optional.ofNullable(f).map(File::toPath);
    }

    void about(String version) {
        Alert about = new Alert(Alert.AlertType.INFORMATION);
        about.initOwner(owner);
        about.setTitle("About hooklab");
        about.setHeaderText("hooklab " + version);
        TextArea text = new TextArea("""
                Checks AWS CodeDeploy revision bundles the way the CodeDeploy agent reads them, and runs their \
                hook scripts in a sandbox the way the agent runs them.

                Built with these libraries, under these licences:
                  OpenJFX (GPL v2 with the Classpath Exception)
                  AtlantaFX (MIT)
                  ControlsFX (BSD 3-Clause)
                  RichTextFX (BSD 2-Clause or GPL v2 with the Classpath Exception)
                  ReactFX, Flowless, UndoFX, WellBehavedFX (BSD 2-Clause)
                  Ikonli and its Material Design icons (Apache 2.0)
                  SnakeYAML (Apache 2.0)
                  Apache Commons Compress, Codec, IO and Lang (Apache 2.0)
                  picocli (Apache 2.0)
                  Jackson (Apache 2.0)
                """);
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(14);
        text.setId("about-text");
        about.getDialogPane().setContent(text);
        about.showAndWait();
    }

    /** Edit > Preferences: the theme, and clearing the recent revisions. Applies on OK. */
    void preferences(Theme current, java.util.function.Consumer<Theme> applyTheme, Runnable clearRecent) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Preferences");
        ChoiceBox<Theme> theme = new ChoiceBox<>();
        theme.getItems().setAll(Theme.values());
        theme.setValue(current);
        theme.setId("preferences-theme");
        Button clear = new Button("Clear recent revisions");
        clear.setId("preferences-clear-recent");
        clear.setOnAction(e -> {
            clearRecent.run();
            clear.setDisable(true);
        });
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.addRow(0, new Label("Theme"), theme);
        grid.addRow(1, new Label("Recent revisions"), clear);
        Label note = new Label("Deployment settings are kept from one start to the next; the deployment id is "
                + "drawn anew for each revision.");
        note.setWrapText(true);
        note.setMaxWidth(380);
        d.getDialogPane().setContent(new VBox(14, grid, note));
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> applyTheme.accept(theme.getValue()));
    }

    /** Edit > Paste deployment error with nothing on the clipboard: a box to paste the error into. */
    Optional<String> askDeploymentError() {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Paste deployment error");
        d.setHeaderText("Paste the agent's message from the console or lines of codedeploy-agent.log");
        TextArea text = new TextArea();
        text.setId("paste-error-text");
        text.setPrefRowCount(6);
        text.setPrefColumnCount(70);
        text.setWrapText(true);
        d.getDialogPane().setContent(text);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setOnShown(e -> text.requestFocus());
        return d.showAndWait().filter(b -> b == ButtonType.OK).map(b -> text.getText())
                .filter(t -> !t.isBlank());
    }
}
