package dev.hooklab.run.agent;

import java.util.List;
import java.util.Optional;

/**
 * The emulated Install step of one deployment. Paths are instance paths.
 *
 * @param status       succeeded, failed as the agent would, or not emulated
 * @param message      the agent's exact message when FAILED; hooklab's reason when NOT_EMULATED; else null
 * @param cleanup      what the previous deployment's cleanup file removed
 * @param instructions the agent's instructions, as written to install.json (empty when planning failed)
 * @param counts       what was carried out
 * @param notApplied   what the agent would do that the sandbox did not, and why
 * @param notes        where the sandbox differs from an instance
 */
public record InstallResult(Status status, String message, CleanupReport cleanup,
                            List<InstallInstruction> instructions, InstallCounts counts, List<NotApplied> notApplied,
                            List<String> notes) {

    public enum Status {
        SUCCEEDED, FAILED, NOT_EMULATED
    }

    public InstallResult {
        instructions = List.copyOf(instructions);
        notApplied = List.copyOf(notApplied);
        notes = List.copyOf(notes);
    }

    public boolean succeeded() {
        return status == Status.SUCCEEDED;
    }

    /** The message the agent fails the deployment with, when it does. */
    public Optional<String> agentMessage() {
        return status == Status.FAILED ? Optional.of(message) : Optional.empty();
    }
}
