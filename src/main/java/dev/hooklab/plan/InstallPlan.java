package dev.hooklab.plan;

import java.util.List;
import java.util.Optional;

/**
 * The Install step's instructions as the agent generates them (agent-behaviour.md §7.2-7.4), or the error that
 * stops it.
 *
 * @param steps              mkdir, copy and permission instructions in the agent's order
 * @param retained           destinations kept as they were because of RETAIN
 * @param overwritten        destinations replaced because of OVERWRITE
 * @param fileExistsBehavior the effective DISALLOW, OVERWRITE or RETAIN
 * @param failure            the agent's error, when planning fails
 */
public record InstallPlan(List<InstallStep> steps, List<String> retained, List<String> overwritten,
                          String fileExistsBehavior, Optional<InstallFailure> failure) {

    public InstallPlan {
        steps = List.copyOf(steps);
        retained = List.copyOf(retained);
        overwritten = List.copyOf(overwritten);
    }

    public static InstallPlan none() {
        return new InstallPlan(List.of(), List.of(), List.of(), "DISALLOW", Optional.empty());
    }

    /** The copy that puts a file at an absolute instance path, if the plan has one. */
    public Optional<InstallStep.Copy> copyTo(String absolutePath) {
        return steps.stream()
                .filter(s -> s instanceof InstallStep.Copy c && c.target().equals(absolutePath))
                .map(s -> (InstallStep.Copy) s)
                .findFirst();
    }

    public List<InstallStep.Copy> copies() {
        return steps.stream().filter(s -> s instanceof InstallStep.Copy).map(s -> (InstallStep.Copy) s).toList();
    }

    public List<InstallStep.Mkdir> mkdirs() {
        return steps.stream().filter(s -> s instanceof InstallStep.Mkdir).map(s -> (InstallStep.Mkdir) s).toList();
    }
}
