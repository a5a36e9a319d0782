package dev.hooklab.ui.run.console;

import dev.hooklab.run.ScriptContext;
import dev.hooklab.run.ScriptRun;
import dev.hooklab.run.session.ScriptState;
import dev.hooklab.run.session.StepState;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words the script details show for a step and one of its scripts: plain values, decided without a toolkit.
 *
 * @param tone {@code success}, {@code failure} or {@code muted}
 */
record ScriptDetails(String title, String status, String tone, String exitCode, String signal, String duration,
                     String timeout, String user, String workingDirectory, String command, String argv,
                     String agentMessage, List<String> notes) {
    private static final String NONE = "\u2014";

    static ScriptDetails of(StepState step, String location, ScriptState script) {
        if (step == null) {
            return new ScriptDetails("No step selected", "", "muted", NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE,
                    null, List.of());
        }
        if (location == null || script == null) {
            String title = step.event() + (location == null ? " (no script)" : ": " + location);
            return new ScriptDetails(title, step.status().label(), tone(step.status().failure(),
                    step.status().label()), NONE, NONE, step.durationMs() > 0 ? seconds(step.durationMs()) : NONE,
                    NONE, NONE, NONE, NONE, NONE, step.agentMessage(), step.notes());
        }
        String title = step.event() + ": " + location;
        ScriptRun run = script.run();
        ScriptContext c = script.context(); // known from the moment it started, and kept in its result
        String timeout = c == null ? NONE : timeout(c);
        String user = c == null ? NONE : c.user();
        String workingDirectory = c == null ? NONE : c.workingDirectory();
        String command = script.command() == null ? NONE : script.command();
        String argv = c == null ? NONE : argv(c);
        if (run == null) {
            String status = script.running() ? "running" : script.status() == null ? "pending" : script.status().json();
            return new ScriptDetails(title, status, "muted", script.running() ? "none yet: running" : NONE, NONE,
                    NONE, timeout, user, workingDirectory, command, argv, null, step.notes());
        }
        List<String> notes = new ArrayList<>(run.notes());
        run.agentWarnings().forEach(w -> notes.add("The agent's log: " + w));
        notes.addAll(step.notes());
        return new ScriptDetails(title, run.status().json(), tone(!run.succeeded(), run.status().json()),
                run.exitCode() == null ? (run.signal() != null ? "none (killed by " + run.signal() + ")" : NONE)
                        : run.exitCode().toString(),
                run.signal() == null ? NONE : run.signal(), seconds(run.durationMs()), timeout, user,
                workingDirectory, command, argv, run.agentMessage(), notes);
    }

    private static String tone(boolean failure, String label) {
        if (failure) {
            return "failure";
        }
        return label.equals("succeeded") ? "success" : "muted";
    }

    static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
    }

    private static String argv(ScriptContext c) {
        return String.join(" ", c.argv()) + "   (isolation: " + c.isolation() + ")";
    }

    private static String timeout(ScriptContext c) {
        if (c.timeoutShortened()) {
            return c.timeoutSeconds() + " s (the AppSpec's " + c.appSpecTimeoutSeconds()
                    + " s, capped by this run's max timeout)";
        }
        return c.timeoutSeconds() + " s";
    }
}
