package dev.hooklab.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.Locale;
import java.util.Map;

/**
 * Puts AtlantaFX's Primer Light or Primer Dark on every window of the application (dialogs included). JavaFX 21
 * has no API for the desktop's colour preference (it arrives in JavaFX 22), so "follow the desktop" reads the one
 * hint the environment gives, {@code GTK_THEME=Name:dark}, and is light otherwise.
 */
public final class Themes {
    private final Map<String, String> environment;
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(this, "theme", Theme.SYSTEM);
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper(this, "dark");

    /** @param environment the process environment (tests give their own) */
    public Themes(Map<String, String> environment) {
        this.environment = environment;
    }

    /** Applies the theme to the whole application. FX thread only. */
    public void apply(Theme t) {
        boolean isDark = t == Theme.DARK || t == Theme.SYSTEM && desktopPrefersDark();
        Application.setUserAgentStylesheet(isDark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        theme.set(t);
        dark.set(isDark);
    }

    /** The chosen theme (which may be "follow the desktop"). */
    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    /** Whether the colours on screen are the dark ones. */
    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }

    public boolean isDark() {
        return dark.get();
    }

    /** What the environment says of the desktop's preference: GTK_THEME's {@code :dark} variant. */
    public boolean desktopPrefersDark() {
        String gtk = environment.getOrDefault("GTK_THEME", "").toLowerCase(Locale.ROOT);
        return gtk.endsWith(":dark") || gtk.endsWith("-dark");
    }
}
