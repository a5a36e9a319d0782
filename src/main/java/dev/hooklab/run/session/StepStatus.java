package dev.hooklab.run.session;

import java.util.Locale;

/** Where a lifecycle step stands in a session. */
public enum StepStatus {
    PENDING, RUNNING, SUCCEEDED, FAILED, TIMED_OUT, SKIPPED, NOT_RUN;

    /** The word in JSON and text output ({@code timed-out}, {@code not-run}, ...). */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the step ended in a way that fails the deployment. */
    public boolean failure() {
        return this == FAILED || this == TIMED_OUT;
    }

    /** Whether the step may still run (never ran, or was left out after a failure). */
    public boolean runnable() {
        return this == PENDING || this == NOT_RUN;
    }
}
