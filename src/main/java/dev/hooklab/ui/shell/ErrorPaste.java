package dev.hooklab.ui.shell;

import dev.hooklab.explain.Explainer;
import dev.hooklab.explain.Explanation;
import dev.hooklab.explain.Recognized;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.ui.model.RevisionModel;
import dev.hooklab.ui.model.Selections;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Edit > Paste deployment error: reads what the user copied, puts the deployment it names (root dir, group id,
 * deployment id) into the model's layout, and once the open revision is judged in that deployment selects the
 * script the error is about (the plan row, its tree entry, its AppSpec line and the finding on it) and shows the
 * explanation. With no revision open it explains what the text alone allows, and the layout waits for the next
 * revision opened.
 */
final class ErrorPaste {
    static final String ORIGIN = "explain";

    private final Explainer explainer;
    private final RevisionModel model;
    private final ExplanationPane pane;
    private final Consumer<String> problems;
    private Recognized pending;
    private DeploymentLayout pendingLayout;

    ErrorPaste(Explainer explainer, RevisionModel model, ExplanationPane pane, Consumer<String> problems) {
        this.explainer = explainer;
        this.model = model;
        this.pane = pane;
        this.problems = problems;
        model.inspectionProperty().addListener((o, before, now) -> {
            if (pending != null && now != null && now.layout().equals(pendingLayout)) {
                Recognized r = pending;
                pending = null;
                explain(r, Optional.of(now));
            }
        });
    }

    /** Explains the pasted text; text hooklab does not recognise gives one sentence in the banner. */
    void paste(String text) {
        pending = null;
        Optional<Recognized> read = text == null ? Optional.empty() : explainer.read(text);
        if (read.isEmpty()) {
            pane.clear();
            problems.accept(Explainer.UNRECOGNIZED);
            return;
        }
        Recognized r = read.get();
        Inspection open = model.getInspection();
        DeploymentLayout target = r.applyTo(model.getLayout());
        if (open != null && target.deploymentId().isBlank()) {
            target = target.withDeploymentId(open.layout().deploymentId());
        }
        if (open != null && !target.equals(open.layout())) {
            pending = r; // explained when the revision is judged in the deployment the text names
            pendingLayout = target;
            model.layoutProperty().set(target);
            return;
        }
        model.layoutProperty().set(target);
        explain(r, Optional.ofNullable(open));
    }

    private void explain(Recognized r, Optional<Inspection> in) {
        Explanation e = explainer.explain(r, in);
        if (in.isPresent()) {
            Inspection open = in.get();
            if (e.script().isPresent()) {
                Explanation.ScriptMatch m = e.script().get();
                open.plan().event(m.event()).ifPresent(ev -> model.select(Selections.ofScript(ev, m.index(), ORIGIN)));
            } else if (!e.findings().isEmpty()) {
                model.select(Selections.ofFinding(open, e.findings().get(0), ORIGIN));
            }
        }
        pane.show(e);
    }
}
