package dev.hooklab.ui.shell;

/** The window's colours: AtlantaFX Primer Light or Dark, or whichever the desktop prefers. */
public enum Theme {
    LIGHT("Light"), DARK("Dark"), SYSTEM("Follow the desktop");

    private final String label;

    Theme(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
