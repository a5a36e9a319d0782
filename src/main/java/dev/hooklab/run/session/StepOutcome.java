package dev.hooklab.run.session;

import java.util.List;

/**
 * How one of the agent's own steps (DownloadBundle, Install) ended.
 *
 * @param status       succeeded or failed
 * @param agentMessage the agent's message when it failed, else null
 * @param notes        what it did and where the sandbox differs from an instance
 */
public record StepOutcome(StepStatus status, String agentMessage, List<String> notes) {

    public StepOutcome {
        notes = List.copyOf(notes);
    }

    public static StepOutcome succeeded(List<String> notes) {
        return new StepOutcome(StepStatus.SUCCEEDED, null, notes);
    }

    public static StepOutcome failed(String agentMessage, List<String> notes) {
        return new StepOutcome(StepStatus.FAILED, agentMessage, notes);
    }
}
