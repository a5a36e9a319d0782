package dev.hooklab.inspect;

import dev.hooklab.appspec.AppSpecDocument;
import dev.hooklab.bundle.AppSpecLookup;
import dev.hooklab.bundle.Bundle;
import dev.hooklab.finding.Diagnostic;
import dev.hooklab.finding.Severity;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.plan.DeploymentPlan;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything hooklab knows about one revision judged under given settings: the revision as read, where its
 * AppSpec is, the AppSpec, the plan (with the deployment's layout) and the diagnostics.
 *
 * @param opened       the revision as read (input, kind, listed bundle)
 * @param options      the settings it was judged under; the layout is {@code plan.layout()}
 * @param lookup       where the agent finds the AppSpec in the bundle (empty for a lone AppSpec or an override)
 * @param appspecEntry the bundle path of the AppSpec read, the override's file name, or the lone file's name;
 *                     null when the bundle has none
 * @param appspecSource the AppSpec as a file on disk (folder input, lone AppSpec, --appspec), else null
 * @param appspec      the parsed AppSpec (empty document when there is none)
 * @param plan         the deployment plan
 * @param diagnostics  all findings, errors first
 */
public record Inspection(OpenedRevision opened, InspectOptions options, Optional<AppSpecLookup> lookup,
                         String appspecEntry, Path appspecSource, AppSpecDocument appspec, DeploymentPlan plan,
                         List<Diagnostic> diagnostics) {

    public Inspection {
        diagnostics = List.copyOf(diagnostics);
    }

    /** What the user gave. */
    public Path input() {
        return opened.input();
    }

    public InputKind kind() {
        return opened.kind();
    }

    /** The listed bundle (empty for a lone AppSpec). */
    public Optional<Bundle> bundle() {
        return opened.bundle();
    }

    /** The deployment the revision was judged in. */
    public DeploymentLayout layout() {
        return plan.layout();
    }

    /**
     * The agent's parse-and-validate verdict on the AppSpec: false when there is no AppSpec to read, else
     * whether the agent accepts the file (script existence and Install checks aside).
     */
    public boolean appspecAccepted() {
        return appspecEntry != null && appspec.valid();
    }

    /** Whether the agent would fail the deployment. */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public long count(Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }
}
