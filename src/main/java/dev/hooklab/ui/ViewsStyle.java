package dev.hooklab.ui;

import javafx.scene.Parent;

/**
 * The views' own style sheet ({@code views.css}: hooklab's classes on AtlantaFX's colour variables), added to each
 * view's node so that a view looks right wherever the shell places it.
 */
public final class ViewsStyle {
    private static final String SHEET = ViewsStyle.class.getResource("/dev/hooklab/ui/views.css").toExternalForm();

    private ViewsStyle() {
    }

    public static <T extends Parent> T apply(T node) {
        if (!node.getStylesheets().contains(SHEET)) {
            node.getStylesheets().add(SHEET);
        }
        return node;
    }
}
