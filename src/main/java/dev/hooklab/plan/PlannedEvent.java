package dev.hooklab.plan;

import dev.hooklab.appspec.Mark;

import java.util.List;

/**
 * One lifecycle event of the plan.
 *
 * @param name     the event name
 * @param revision whose scripts run: the revision being deployed, the last successful one, or the agent's own step
 * @param runs     whether the agent runs this event in the chosen deployment type
 * @param note     why it does not run, or what to know about it; null when nothing to say
 * @param scripts  the scripts, in order
 * @param mark     where the event's key is in the AppSpec (NONE when the AppSpec does not name it)
 */
public record PlannedEvent(String name, RevisionSource revision, boolean runs, String note,
                           List<PlannedScript> scripts, Mark mark) {

    public PlannedEvent {
        scripts = List.copyOf(scripts);
    }

    public boolean agentStep() {
        return revision == RevisionSource.AGENT;
    }
}
