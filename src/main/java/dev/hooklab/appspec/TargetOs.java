package dev.hooklab.appspec;

import java.util.Locale;

/** The platform of the agent: it accepts only its own os value in the AppSpec. */
public enum TargetOs {
    LINUX, WINDOWS;

    /** The AppSpec word, {@code linux} or {@code windows}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
