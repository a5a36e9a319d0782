package dev.hooklab.diagnose.rules;

import dev.hooklab.finding.Diagnostic;
import dev.hooklab.plan.DeploymentPlan;
import dev.hooklab.plan.ScriptTarget;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs every rule over a revision: the archive, where the AppSpec is, the agent's own AppSpec errors,
 * what it silently ignores, the events, each location, each script's bytes, and the files section.
 */
public final class Diagnoser {
    /** How much of each hook script the content rules read. */
    public static final int SCRIPT_HEAD_BYTES = 64 * 1024;

    private final List<Rule> rules = List.of(new BundleRules(), new AppSpecLocationRule(), new KeyRules(),
            new EventRules(), new LocationRules(), new ScriptContentRules(), new FilesRules());

    /** Bundle paths of the hook scripts whose first bytes the content rules need. */
    public static Set<String> scriptsToRead(DeploymentPlan plan) {
        Set<String> paths = new LinkedHashSet<>();
        plan.events().forEach(e -> e.scripts().forEach(s -> {
            if (e.runs() && s.target() == ScriptTarget.FOUND && s.bundleEntry() != null) {
                paths.add(s.bundleEntry());
            }
        }));
        return paths;
    }

    /** All diagnostics, errors first, then warnings, then information; by file and line within each. */
    public List<Diagnostic> diagnose(RevisionFacts facts) {
        List<Diagnostic> all = new ArrayList<>(facts.appspec().diagnostics());
        for (Rule rule : rules) {
            rule.check(facts, all::add);
        }
        all.sort(Comparator.comparing(Diagnostic::severity)
                .thenComparing(d -> d.file() == null ? "" : d.file())
                .thenComparingInt(Diagnostic::line)
                .thenComparingInt(Diagnostic::column));
        return List.copyOf(all);
    }
}
