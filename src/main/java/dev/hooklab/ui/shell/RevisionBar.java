package dev.hooklab.ui.shell;

import dev.hooklab.ui.model.RevisionModel;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import java.nio.file.Path;

/**
 * The line above the views: what is open ({@code #revision-input}), the AppSpec that replaces the revision's own
 * when one was dropped ({@code #appspec-override}), and the "previous revision" slot ({@code #previous-slot}),
 * a drop target of its own for the last successful revision that the run view deploys first.
 */
final class RevisionBar {
    private final HBox bar;
    private final HBox previousSlot;

    RevisionBar(ReadOnlyObjectProperty<Path> input, RevisionModel model, Runnable useOwnAppSpec,
                Runnable choosePrevious) {
        Label inputLabel = new Label();
        inputLabel.setId("revision-input");
        inputLabel.getStyleClass().add("revision-input");
        inputLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> input.get() == null ? "" : input.get().toString(), input));

        Label override = new Label();
        override.setId("appspec-override");
        Button own = new Button(null, new FontIcon(Material2AL.CLOSE));
        own.getStyleClass().addAll("button-icon", "flat", "small");
        own.setTooltip(new Tooltip("Use the revision's own AppSpec again"));
        own.setOnAction(e -> useOwnAppSpec.run());
        HBox chip = new HBox(4, new FontIcon(Material2AL.FIND_REPLACE), override, own);
        chip.getStyleClass().add("chip");
        chip.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        model.optionsProperty().addListener((o, a, now) -> {
            Path f = now == null ? null : now.appspecOverride();
            override.setText(f == null ? "" : "AppSpec replaced by " + f);
            chip.setVisible(f != null);
        });
        chip.setVisible(false);
        chip.managedProperty().bind(chip.visibleProperty());

        Label previous = new Label();
        previous.setId("previous-revision");
        Button clear = new Button(null, new FontIcon(Material2AL.CLOSE));
        clear.getStyleClass().addAll("button-icon", "flat", "small");
        clear.setTooltip(new Tooltip("Deploy as a first deployment (no previous revision)"));
        clear.setOnAction(e -> model.previousRevisionProperty().set(null));
        clear.visibleProperty().bind(model.previousRevisionProperty().isNotNull());
        clear.managedProperty().bind(clear.visibleProperty());
        previousSlot = new HBox(4, new FontIcon(Material2AL.HISTORY), previous, clear);
        previousSlot.setId("previous-slot");
        previousSlot.getStyleClass().add("previous-slot");
        previousSlot.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Tooltip.install(previousSlot, new Tooltip("The last successful revision on the instance: ApplicationStop, "
                + "BeforeBlockTraffic and AfterBlockTraffic run its scripts, not this revision's. Drop a bundle or "
                + "folder here, or click to choose one."));
        previousSlot.setOnMouseClicked(e -> choosePrevious.run());
        previousSlot.setFocusTraversable(true); // a Tab stop: Enter or Space chooses, as a click does
        previousSlot.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER || e.getCode() == javafx.scene.input.KeyCode.SPACE) {
                e.consume();
                choosePrevious.run();
            }
        });
        Runnable showPrevious = () -> {
            Path p = model.getPreviousRevision();
            previous.setText(p == null ? "Previous revision: none (drop a bundle here)"
                    : "Previous revision: " + p.getFileName());
            previousSlot.getStyleClass().remove("filled");
            if (p != null) {
                previousSlot.getStyleClass().add("filled");
            }
        };
        model.previousRevisionProperty().addListener((o, a, b) -> showPrevious.run());
        showPrevious.run();

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        bar = new HBox(inputLabel, chip, grow, previousSlot);
        bar.getStyleClass().add("revision-bar");
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    }

    HBox node() {
        return bar;
    }

    /** The slot's node, which takes drops of its own. */
    HBox previousSlot() {
        return previousSlot;
    }
}
