package dev.hooklab.finding;

import java.util.Locale;

/** How bad a finding is, in the agent's terms. */
public enum Severity {
    /** The agent fails the deployment. */
    ERROR,
    /** The deployment goes through but is probably wrong, or fails on agent 2.x. */
    WARNING,
    /** An explanation of what the agent will do. */
    INFO;

    /** The lower-case word used in JSON, SARIF and text output. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
