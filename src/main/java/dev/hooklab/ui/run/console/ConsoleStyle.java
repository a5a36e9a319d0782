package dev.hooklab.ui.run.console;

import dev.hooklab.ui.ViewsStyle;
import javafx.scene.Parent;

/** The console's and the script details' own style sheet ({@code run-console.css}), on AtlantaFX's colour variables. */
final class ConsoleStyle {
    static final String SHEET = ConsoleStyle.class.getResource("/dev/hooklab/ui/run/run-console.css").toExternalForm();

    private ConsoleStyle() {
    }

    static <T extends Parent> T apply(T node) {
        ViewsStyle.apply(node);
        if (!node.getStylesheets().contains(SHEET)) {
            node.getStylesheets().add(SHEET);
        }
        return node;
    }
}
