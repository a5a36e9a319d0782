package dev.hooklab.plan;

import dev.hooklab.appspec.AppSpec;
import dev.hooklab.appspec.HookScript;
import dev.hooklab.appspec.Mark;
import dev.hooklab.bundle.DeploymentArchive;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the deployment plan: every event of the deployment type in the agent's order, each script's
 * on-instance path resolved as the agent joins it, which revision each event's scripts come from, and
 * the Install step.
 */
public final class Planner {

    /**
     * @param layout    the deployment's folders
     * @param type      the deployment type
     * @param spec      the AppSpec of the revision being deployed
     * @param contents  its deployment-archive's contents; empty for a lone appspec.yml
     * @param instance  what exists on the instance before Install
     * @param fileExistsOverride the deployment's fileExistsBehavior, or null
     */
    public DeploymentPlan plan(DeploymentLayout layout, DeploymentType type, AppSpec spec,
                               Optional<ArchiveContents> contents, InstanceFiles instance, String fileExistsOverride) {
        InstallPlan install = contents
                .map(c -> new InstallPlanner(layout.paths()).plan(spec, c.tree(), layout.archiveDir(),
                        instance, fileExistsOverride))
                .orElseGet(InstallPlan::none);

        List<PlannedEvent> events = new ArrayList<>();
        for (String name : type.lifecycle()) {
            events.add(plannedEvent(name, true, null, layout, spec, contents, install));
        }
        Set<String> named = new LinkedHashSet<>(spec.hooks().keySet());
        for (String name : named) {
            if (type.runs(name)) {
                continue;
            }
            String why = whyNotRun(name, type);
            events.add(plannedEvent(name, false, why, layout, spec, contents, install));
        }
        return new DeploymentPlan(layout, type, events, install);
    }

    private static String whyNotRun(String name, DeploymentType type) {
        if (Lifecycle.isHookEvent(name)) {
            return name + " is not run in " + type.description() + ".";
        }
        if (Lifecycle.AGENT_STEPS.contains(name)) {
            return name + " is the agent's own step; scripts cannot run there.";
        }
        if (Lifecycle.SERVICE_ONLY.contains(name)) {
            return name + " is run by the CodeDeploy service itself; scripts cannot run there.";
        }
        return name + " is not a lifecycle event: the agent accepts the name and never runs it.";
    }

    /**
     * One event. The scripts of an event of the last successful revision are listed from this revision, at the
     * path they will have when the next deployment runs them: which deployment that is, is found at run time from
     * the instance's markers, as the agent finds it ({@code run.session.HookEventStep}).
     */
    private PlannedEvent plannedEvent(String name, boolean runs, String whyNot, DeploymentLayout layout,
                                      AppSpec spec, Optional<ArchiveContents> contents, InstallPlan install) {
        RevisionSource source = Lifecycle.revisionOf(name);
        if (source == RevisionSource.AGENT) {
            return new PlannedEvent(name, source, runs, whyNot, List.of(), Mark.NONE);
        }
        String note = whyNot;
        if (source == RevisionSource.PREVIOUS && runs) {
            note = name + " runs the scripts of the last successful revision, and nothing on a first deployment;"
                    + " the scripts listed here run at the next deployment.";
        }
        List<PlannedScript> scripts = new ArrayList<>();
        for (HookScript s : spec.hooks().getOrDefault(name, List.of())) {
            scripts.add(resolve(s, layout, contents.map(ArchiveContents::archive), install));
        }
        Mark mark = spec.eventMarks().getOrDefault(name, Mark.NONE);
        return new PlannedEvent(name, source, runs, note, scripts, mark);
    }

    /** Resolves one location as the agent does: File.join onto deployment-archive, expanded. */
    static PlannedScript resolve(HookScript script, DeploymentLayout layout, Optional<DeploymentArchive> archive,
                                 InstallPlan install) {
        String path = layout.scriptPath(script.location());
        if (!layout.insideArchive(path)) {
            InstallStep.Copy copy = install.copyTo(path).orElse(null);
            return new PlannedScript(script, path, ScriptTarget.OUTSIDE_ARCHIVE, null, null, copy);
        }
        String archivePath = AgentPath.relativeTo(path, layout.archiveDir());
        if (archive.isEmpty()) {
            return new PlannedScript(script, path, ScriptTarget.UNKNOWN, archivePath, null, null);
        }
        DeploymentArchive r = archive.get();
        Optional<String> resolved = r.resolve(archivePath);
        if (resolved.isEmpty()) {
            return new PlannedScript(script, path, ScriptTarget.MISSING, archivePath, null, null);
        }
        String entry = r.bundlePath(resolved.get());
        ScriptTarget target = r.isDirectory(resolved.get()) ? ScriptTarget.DIRECTORY : ScriptTarget.FOUND;
        return new PlannedScript(script, path, target, archivePath, entry, null);
    }
}
