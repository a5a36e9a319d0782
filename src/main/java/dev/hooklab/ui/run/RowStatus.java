package dev.hooklab.ui.run;

import dev.hooklab.run.ScriptStatus;
import dev.hooklab.run.session.ScriptState;
import dev.hooklab.run.session.StepState;
import dev.hooklab.run.session.StepStatus;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.Locale;

/**
 * What a step's row shows as its status icon: the step's own status, made finer by its scripts' results where the
 * agent would say more (a background process left an output open, the user stopped it).
 */
public enum RowStatus {
    PENDING(Material2MZ.RADIO_BUTTON_UNCHECKED),
    RUNNING(Material2MZ.SYNC),
    SUCCEEDED(Material2AL.CHECK_CIRCLE),
    FAILED(Material2AL.ERROR),
    TIMED_OUT(Material2MZ.TIMER),
    OUTPUTS_LEFT_OPEN(Material2AL.LINK),
    SKIPPED(Material2AL.FAST_FORWARD),
    NOT_RUN(Material2MZ.REMOVE_CIRCLE_OUTLINE),
    STOPPED(Material2MZ.STOP_CIRCLE);

    private final Ikon icon;

    RowStatus(Ikon icon) {
        this.icon = icon;
    }

    public Ikon icon() {
        return icon;
    }

    /** The word, as hooklab's JSON spells statuses ({@code timed-out}, {@code outputs-left-open}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The style class of the row and its icon: {@code run-status-<label>}. */
    public String styleClass() {
        return "run-status-" + label();
    }

    public static RowStatus of(StepState step) {
        StepStatus s = step.status();
        if (s == StepStatus.RUNNING) {
            return RUNNING;
        }
        if (s.failure()) {
            for (ScriptState script : step.scripts()) {
                if (script.status() == ScriptStatus.STOPPED) {
                    return STOPPED;
                }
                if (script.status() == ScriptStatus.OUTPUTS_LEFT_OPEN) {
                    return OUTPUTS_LEFT_OPEN;
                }
            }
            if (step.notes().stream().anyMatch(n -> n.startsWith("Stopped"))) {
                return STOPPED;
            }
        }
        return switch (s) {
            case PENDING -> PENDING;
            case RUNNING -> RUNNING;
            case SUCCEEDED -> SUCCEEDED;
            case FAILED -> FAILED;
            case TIMED_OUT -> TIMED_OUT;
            case SKIPPED -> SKIPPED;
            case NOT_RUN -> NOT_RUN;
        };
    }
}
