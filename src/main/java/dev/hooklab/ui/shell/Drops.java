package dev.hooklab.ui.shell;

import javafx.beans.value.ObservableBooleanValue;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns drag events into {@link DropDecision}s: files dropped anywhere on the window, or on the "previous
 * revision" slot, which takes its drops before the window does. Every drop of files is accepted, so that a
 * refused one can say why instead of the pointer just showing "no".
 */
final class Drops {
    private static final PseudoClass DRAG_OVER = PseudoClass.getPseudoClass("drag-over");

    private Drops() {
    }

    static void install(Scene scene, Node previousSlot, WelcomeView welcome, ObservableBooleanValue revisionOpen,
                        Consumer<DropDecision> decided) {
        scene.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                welcome.dragOver(true);
            }
            e.consume();
        });
        scene.addEventHandler(DragEvent.DRAG_EXITED_TARGET, e -> {
            if (e.getTarget() == scene || e.getTarget() == scene.getRoot()) {
                welcome.dragOver(false);
            }
        });
        scene.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            welcome.dragOver(false);
            decided.accept(DropDecision.of(paths(e), DropDecision.Slot.WINDOW, revisionOpen.get()));
            e.setDropCompleted(true);
            e.consume();
        });
        previousSlot.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                previousSlot.pseudoClassStateChanged(DRAG_OVER, true);
            }
            e.consume();
        });
        previousSlot.addEventHandler(DragEvent.DRAG_EXITED, e -> previousSlot.pseudoClassStateChanged(DRAG_OVER, false));
        previousSlot.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            previousSlot.pseudoClassStateChanged(DRAG_OVER, false);
            decided.accept(DropDecision.of(paths(e), DropDecision.Slot.PREVIOUS_REVISION, true));
            e.setDropCompleted(true);
            e.consume();
        });
    }

    private static List<Path> paths(DragEvent e) {
        List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
        return files.stream().map(File::toPath).toList();
    }
}
