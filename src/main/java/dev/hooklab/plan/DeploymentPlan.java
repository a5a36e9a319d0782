package dev.hooklab.plan;

import java.util.List;
import java.util.Optional;

/**
 * What the agent will do with a revision: where it lives, the events in order with every script's
 * path, and the Install step.
 *
 * @param layout               the deployment's folders
 * @param type                 the deployment type
 * @param events               the type's events in order (DownloadBundle and Install included), then events the
 *                             AppSpec names that this type never runs
 * @param install              the Install step
 */
public record DeploymentPlan(DeploymentLayout layout, DeploymentType type, List<PlannedEvent> events,
                             InstallPlan install) {

    public DeploymentPlan {
        events = List.copyOf(events);
    }

    public Optional<PlannedEvent> event(String name) {
        return events.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /**
     * Whose scripts an event runs (this revision's, the last successful one's, or none: the agent's own step): the
     * plan's decision for its events, by the same rule for a name the plan does not list (a run's --events).
     */
    public RevisionSource sourceOf(String event) {
        return event(event).map(PlannedEvent::revision).orElseGet(() -> Lifecycle.revisionOf(event));
    }

    /** The events with scripts (hook events), skipping the agent's own steps. */
    public List<PlannedEvent> hookEvents() {
        return events.stream().filter(e -> !e.agentStep()).toList();
    }
}
