package dev.hooklab.explain;

import dev.hooklab.appspec.Mark;
import dev.hooklab.finding.Diagnostic;
import dev.hooklab.finding.Severity;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.plan.AgentPath;
import dev.hooklab.plan.PlannedEvent;
import dev.hooklab.plan.PlannedScript;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Explains a pasted deployment error, alone or against an inspected revision: which planned script and which
 * findings it is about, what happened and what to change. Stateless; safe to share.
 */
public final class Explainer {
    /** The one sentence for text hooklab does not recognise. */
    public static final String UNRECOGNIZED = "hooklab recognises no CodeDeploy agent error in this text: paste the "
            + "agent's message (such as \"Script does not exist at specified location: ...\" or \"Script at specified "
            + "location: ... failed with exit code 1\"), lines of codedeploy-agent.log, or an on-instance path under "
            + "the agent's deployment root.";

    private final ErrorReader reader = new ErrorReader();

    /** What the text reports, without explaining it (to learn the deployment's ids before inspecting). */
    public Optional<Recognized> read(String text) {
        return reader.read(text);
    }

    /** Explains the text with no revision: what the text alone allows. */
    public Explanation explain(String text) {
        return explain(text, Optional.empty());
    }

    public Explanation explain(String text, Optional<Inspection> revision) {
        Optional<Recognized> r = reader.read(text);
        if (r.isEmpty()) {
            return new Explanation(Optional.empty(), revision.isPresent(), Optional.empty(), List.of(),
                    UNRECOGNIZED, "");
        }
        return explain(r.get(), revision);
    }

    public Explanation explain(Recognized r, Optional<Inspection> revision) {
        Optional<Explanation.ScriptMatch> script = revision.flatMap(in -> script(r, in));
        List<Diagnostic> findings = revision.map(in -> findings(r, in, script)).orElse(List.of());
        Stories.Story story = new Stories(r, revision, script, findings).tell();
        return new Explanation(Optional.of(r), revision.isPresent(), script, findings, story.happened(),
                story.change());
    }

    /** The planned script the error names: by its location as written, else by its path under deployment-archive. */
    static Optional<Explanation.ScriptMatch> script(Recognized r, Inspection in) {
        List<Explanation.ScriptMatch> all = new ArrayList<>();
        for (PlannedEvent e : in.plan().hookEvents()) {
            for (int i = 0; i < e.scripts().size(); i++) {
                all.add(new Explanation.ScriptMatch(e.name(), i, e.scripts().get(i)));
            }
        }
        Predicate<Explanation.ScriptMatch> named;
        if (!r.aboutScript()) {
            return Optional.empty();
        }
        if (r.location() != null) {
            named = m -> m.script().script().location().equals(r.location());
        } else if (r.archivePath() != null || r.path() != null) {
            named = m -> samePath(r, m.script());
        } else {
            return Optional.empty();
        }
        Optional<Explanation.ScriptMatch> inEvent = all.stream().filter(named)
                .filter(m -> r.event() == null || m.event().equals(r.event())).findFirst();
        return inEvent.or(() -> all.stream().filter(named).findFirst());
    }

    private static boolean samePath(Recognized r, PlannedScript s) {
        if (r.archivePath() != null && s.archivePath() != null) {
            return normal(r.archivePath()).equals(normal(s.archivePath()));
        }
        return r.archivePath() == null && r.path() != null && r.path().equals(s.path());
    }

    private static String normal(String archivePath) {
        return AgentPath.POSIX.expand("/" + archivePath, "/");
    }

    /**
     * The revision's findings about the error: those with the same agent message, those at the script's entry in the
     * AppSpec or about its file (information aside), and for AppSpec and Install messages those with the same code.
     */
    static List<Diagnostic> findings(Recognized r, Inspection in, Optional<Explanation.ScriptMatch> script) {
        Predicate<Diagnostic> about = d -> r.message().equals(d.agentMessage());
        if (script.isPresent()) {
            PlannedScript s = script.get().script();
            Mark mark = s.script().mark();
            String appspec = in.appspec().fileName();
            about = about.or(d -> mark.line() > 0 && appspec.equals(d.file()) && d.line() == mark.line()
                            && d.column() == mark.column())
                    .or(d -> s.bundleEntry() != null && s.bundleEntry().equals(d.file())
                            && d.severity() != Severity.INFO);
        } else if (r.code() != null) {
            about = about.or(d -> d.code() == r.code());
        }
        return in.diagnostics().stream().filter(about)
                .sorted(Comparator.comparing(Diagnostic::severity)).toList();
    }
}
