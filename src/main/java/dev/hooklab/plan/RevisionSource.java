package dev.hooklab.plan;

import java.util.Locale;

/** Where an event's scripts come from: the revision being deployed, the last successful one, or the agent itself. */
public enum RevisionSource {
    CURRENT, PREVIOUS, AGENT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
