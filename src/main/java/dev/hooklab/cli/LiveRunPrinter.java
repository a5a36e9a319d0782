package dev.hooklab.cli;

import dev.hooklab.run.output.OutputChannel;
import dev.hooklab.run.output.OutputLine;
import dev.hooklab.run.ScriptRun;
import dev.hooklab.run.session.FailureFixes;
import dev.hooklab.run.session.ScriptState;
import dev.hooklab.run.session.SessionListener;
import dev.hooklab.run.session.StepState;
import dev.hooklab.run.session.StepStatus;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.hooklab.cli.TerminalText.safe;

/** Prints a run as it happens: each step, each script's end with status, exit code and duration, and the output. */
final class LiveRunPrinter implements SessionListener {
    private final PrintWriter out;
    private final Style style;
    private final Set<Integer> started = new HashSet<>();
    private final Map<Integer, Set<Integer>> scriptsShown = new HashMap<>();
    private final Set<String> said = new HashSet<>();
    private FailureFixes fixes = FailureFixes.NONE;

    LiveRunPrinter(PrintWriter out, Style style) {
        this.out = out;
        this.style = style;
    }

    /** Where the fixes for a failure come from (lint's diagnostics of the revisions run). */
    void fixes(FailureFixes failureFixes) {
        this.fixes = failureFixes;
    }

    /** Notes already shown once for the whole run (the isolation's), not repeated per script. */
    void alreadySaid(java.util.Collection<String> notes) {
        said.addAll(notes);
    }

    @Override
    public void stepChanged(StepState step) {
        if (step.status() == StepStatus.RUNNING && started.add(step.index())) {
            out.println(style.bold("▶ " + step.event()) + style.dim("  (" + origin(step) + ")"));
        }
        List<ScriptState> scripts = step.scripts();
        Set<Integer> shown = scriptsShown.computeIfAbsent(step.index(), k -> new HashSet<>());
        for (int i = 0; i < scripts.size(); i++) {
            ScriptState s = scripts.get(i);
            if (s.run() != null && shown.add(i)) {
                script(s.run());
                fixes.forScript(step, i, s.run()).forEach(f -> out.println("    " + style.bold("fix:   ") + f));
            }
        }
        if (step.status() != StepStatus.PENDING && step.status() != StepStatus.RUNNING) {
            end(step);
        }
        out.flush();
    }

    @Override
    public void output(int stepIndex, String location, OutputLine line) {
        boolean err = line.channel() == OutputChannel.STDERR;
        out.println("    " + (err ? style.yellow("! ") : style.dim("| ")) + safe(line.text())
                + (line.afterTimeout() ? style.dim("  (after the timeout)") : ""));
        out.flush();
    }

    @Override
    public void note(String text) {
        out.println(style.dim("· " + safe(text)));
        out.flush();
    }

    private void script(ScriptRun run) {
        String mark = run.succeeded() ? style.green("✓") : style.red("✗");
        String exit = run.exitCode() != null ? "exit " + run.exitCode() : run.signal() != null ? run.signal() : "";
        out.println("  " + mark + " " + safe(run.location()) + "  " + statusWord(run.status().json(), run.succeeded())
                + "  " + exit + "  " + seconds(run.durationMs()));
        if (run.agentMessage() != null) {
            out.println("    " + style.dim("agent: ") + safe(run.agentMessage()));
        }
        run.notes().stream().filter(n -> !said.contains(n))
                .forEach(n -> out.println("    " + style.dim("note:  " + safe(n))));
    }

    private void end(StepState step) {
        if (!started.contains(step.index())) {
            if (step.status() == StepStatus.SKIPPED || step.status() == StepStatus.NOT_RUN) {
                out.println(style.dim("· " + step.event() + " " + step.status().label()));
            }
            return;
        }
        started.remove(step.index());
        String word = statusWord(step.status().label(), !step.status().failure());
        out.println("  " + step.event() + " " + word + style.dim("  (" + seconds(step.durationMs()) + ")"));
        if (step.agentMessage() != null) {
            out.println("    " + style.dim("agent: ") + safe(step.agentMessage()));
            fixes.forStep(step).forEach(f -> out.println("    " + style.bold("fix:   ") + safe(f)));
        }
        step.notes().forEach(n -> out.println("    " + style.dim("note:  " + safe(n))));
    }

    private String statusWord(String word, boolean good) {
        return good ? style.green(word) : style.red(word);
    }

    private static String origin(StepState step) {
        return switch (step.revision()) {
            case AGENT -> "agent step";
            case PREVIOUS -> "last successful revision";
            case CURRENT -> "this revision";
        };
    }

    private static String seconds(long ms) {
        return String.format(java.util.Locale.ROOT, "%.2f s", ms / 1000.0);
    }
}
