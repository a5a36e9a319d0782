package dev.hooklab.ui.shell;

import javafx.beans.binding.BooleanExpression;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The start page: a large drop zone ({@code #drop-zone}) with Open bundle... and Open folder..., the recent
 * revisions and the samples. Drops are handled by the shell for the whole window; the zone only lights up.
 */
final class WelcomeView {
    static final PseudoClass DRAG_OVER = PseudoClass.getPseudoClass("drag-over");

    /** What the page's buttons and links do. */
    record Commands(Runnable openFile, Runnable openFolder, Consumer<Path> openRecent, Consumer<Sample> openSample,
                    Runnable backToRevision) {
    }

    private final VBox dropZone;
    private final VBox recentBox = new VBox();
    private final StackPane root;

    WelcomeView(Commands commands, ObservableList<Path> recent, List<Sample> samples, BooleanExpression revisionOpen) {
        FontIcon icon = new FontIcon(Material2AL.CLOUD_UPLOAD);
        icon.getStyleClass().add("drop-icon");
        Label text = new Label("Drop a revision here");
        text.getStyleClass().add("drop-text");
        Label hint = new Label("a bundle (zip, tar, tgz: any name), a folder, or an appspec.yml alone");
        hint.getStyleClass().add("drop-hint");
        Button openFile = new Button("Open bundle…", new FontIcon(Material2AL.INSERT_DRIVE_FILE));
        openFile.setId("welcome-open");
        openFile.setDefaultButton(true);
        openFile.setOnAction(e -> commands.openFile().run());
        Button openFolder = new Button("Open folder…", new FontIcon(Material2AL.FOLDER_OPEN));
        openFolder.setId("welcome-open-folder");
        openFolder.setOnAction(e -> commands.openFolder().run());
        HBox buttons = new HBox(10, openFile, openFolder);
        buttons.setAlignment(Pos.CENTER);
        dropZone = new VBox(icon, text, hint, buttons);
        dropZone.setId("drop-zone");
        dropZone.getStyleClass().add("drop-zone");
        dropZone.setAlignment(Pos.CENTER);
        dropZone.setMinHeight(260);

        Label title = new Label("hooklab");
        title.getStyleClass().add("title");
        Label subtitle = new Label("What the CodeDeploy agent will do with your revision: every hook's path on the "
                + "instance, and why a deployment fails.");
        subtitle.getStyleClass().add("subtitle");
        subtitle.setWrapText(true);
        Hyperlink back = new Hyperlink("Back to the open revision");
        back.setId("welcome-back");
        back.setOnAction(e -> commands.backToRevision().run());
        back.visibleProperty().bind(revisionOpen);
        back.managedProperty().bind(revisionOpen);

        VBox sampleBox = new VBox();
        for (Sample s : samples) {
            Hyperlink link = new Hyperlink(s.title(), new FontIcon(Material2MZ.SCHOOL));
            link.setId("sample-" + s.id());
            link.setOnAction(e -> commands.openSample().accept(s));
            Label about = new Label(s.description());
            about.getStyleClass().add("subtitle");
            about.setWrapText(true);
            sampleBox.getChildren().add(new VBox(link, about));
        }
        recentBox.setId("recent-list");
        fillRecent(recent, commands.openRecent());
        recent.addListener((ListChangeListener<Path>) c -> fillRecent(recent, commands.openRecent()));

        HBox lists = new HBox(40, column("Recent revisions", recentBox), column("Samples", sampleBox));
        VBox page = new VBox(12, title, subtitle, back, dropZone, lists);
        page.setMaxWidth(860);
        page.setPadding(new javafx.geometry.Insets(36, 24, 24, 24));
        StackPane centred = new StackPane(page);
        StackPane.setAlignment(page, Pos.TOP_CENTER);
        ScrollPane scroll = new ScrollPane(centred);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        root = new StackPane(scroll);
        root.getStyleClass().add("welcome");
        root.setId("welcome");
    }

    private static VBox column(String title, Node content) {
        Label t = new Label(title);
        t.getStyleClass().add("section-title");
        VBox box = new VBox(t, content);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setPrefWidth(400);
        return box;
    }

    private void fillRecent(List<Path> recent, Consumer<Path> open) {
        recentBox.getChildren().clear();
        if (recent.isEmpty()) {
            Label none = new Label("None yet: what you open appears here.");
            none.getStyleClass().add("subtitle");
            recentBox.getChildren().add(none);
        }
        for (Path p : recent) {
            String name = p.getFileName() == null ? p.toString() : p.getFileName().toString();
            Hyperlink link = new Hyperlink(name);
            link.setTooltip(new Tooltip(p.toString()));
            if (!Files.exists(p)) {
                link.setDisable(true);
                link.getStyleClass().add("recent-missing");
                link.setText(name + "  (gone)");
            }
            link.setOnAction(e -> open.accept(p));
            recentBox.getChildren().add(link);
        }
    }

    Node node() {
        return root;
    }

    /** Lights the drop zone while files are dragged over the window. */
    void dragOver(boolean over) {
        dropZone.pseudoClassStateChanged(DRAG_OVER, over);
    }
}
