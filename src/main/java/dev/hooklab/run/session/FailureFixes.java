package dev.hooklab.run.session;

import dev.hooklab.appspec.Mark;
import dev.hooklab.finding.Diagnostic;
import dev.hooklab.finding.Severity;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.plan.PlannedEvent;
import dev.hooklab.plan.PlannedScript;
import dev.hooklab.plan.RevisionSource;
import dev.hooklab.run.ScriptRun;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The fixes {@code lint} gives for what failed in a run, so a failure ends with its remedy: for a failed script,
 * the diagnostics at its entry in the AppSpec ({@code script-missing}, {@code location-leading-slash}, ...), those
 * about its file ({@code script-crlf}, a background process holding an output, ...; not mere information) and any
 * whose agent message is the one the run ended with; for a step that failed outside its scripts, those with its
 * agent message. The scripts of the last successful revision are judged on the previous revision when it is known.
 */
public final class FailureFixes {
    /** No inspection: no fixes. */
    public static final FailureFixes NONE = new FailureFixes(null, Optional.empty());

    private final Inspection current;
    private final Optional<Inspection> previous;

    /**
     * @param current  the revision being deployed, or null for none
     * @param previous the revision deployed first ({@code --previous}), if any
     */
    public FailureFixes(Inspection current, Optional<Inspection> previous) {
        this.current = current;
        this.previous = previous;
    }

    /** The fixes for the script at {@code index} of {@code step} that ended as {@code run}, most serious first. */
    public List<String> forScript(StepState step, int index, ScriptRun run) {
        if (run.succeeded()) {
            return List.of();
        }
        Optional<Inspection> source = step.revision() == RevisionSource.PREVIOUS ? previous
                : Optional.ofNullable(current);
        if (source.isEmpty()) {
            return List.of();
        }
        Inspection in = source.get();
        Optional<PlannedScript> planned = in.plan().event(step.event()).map(PlannedEvent::scripts)
                .filter(scripts -> index < scripts.size()).map(scripts -> scripts.get(index))
                .filter(s -> s.script().location().equals(run.location()));
        String appspec = in.appspec().fileName();
        Predicate<Diagnostic> about = d -> run.agentMessage() != null && run.agentMessage().equals(d.agentMessage());
        if (planned.isPresent()) {
            Mark mark = planned.get().script().mark();
            String entry = planned.get().bundleEntry();
            about = about.or(d -> mark.line() > 0 && appspec.equals(d.file()) && d.line() == mark.line()
                            && d.column() == mark.column())
                    .or(d -> entry != null && entry.equals(d.file()) && d.severity() != Severity.INFO);
        }
        return fixes(in, about);
    }

    /** The fixes for a step that failed outside its scripts (its AppSpec, the bundle, Install). */
    public List<String> forStep(StepState step) {
        if (!step.status().failure() || step.agentMessage() == null || current == null) {
            return List.of();
        }
        Inspection in = step.revision() == RevisionSource.PREVIOUS ? previous.orElse(null) : current;
        return in == null ? List.of() : fixes(in, d -> step.agentMessage().equals(d.agentMessage()));
    }

    private static List<String> fixes(Inspection in, Predicate<Diagnostic> about) {
        Set<String> fixes = new LinkedHashSet<>();
        in.diagnostics().stream().filter(d -> d.fix() != null).filter(about).forEach(d -> fixes.add(d.fix()));
        return List.copyOf(fixes);
    }
}
