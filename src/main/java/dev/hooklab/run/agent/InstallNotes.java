package dev.hooklab.run.agent;

import dev.hooklab.plan.AgentPath;
import dev.hooklab.plan.InstallPlan;
import dev.hooklab.plan.InstallStep;

import java.util.List;

/** What a plan means on an instance that the sandbox cannot show by itself. */
final class InstallNotes {
    private static final int EXAMPLES = 5;

    private final InstallTally tally;

    InstallNotes(InstallTally tally) {
        this.tally = tally;
    }

    void about(InstallPlan plan) {
        for (InstallStep.Copy copy : plan.copies()) {
            String parent = AgentPath.dirname(copy.target());
            if (SandboxTree.FRESH.isDirectory(parent)) {
                tally.note(parent + " holds the system's own files on an instance, but starts empty in the sandbox: "
                        + "a conflict with one of them (file_exists_behavior " + plan.fileExistsBehavior()
                        + ") cannot show here.");
            }
        }
        List<String> retained = plan.retained();
        if (!retained.isEmpty()) {
            tally.note("file_exists_behavior RETAIN kept " + retained.size() + " existing file(s) as they were and "
                    + "left them out of the cleanup file, so no later deployment removes them: "
                    + String.join(", ", retained.subList(0, Math.min(EXAMPLES, retained.size())))
                    + (retained.size() > EXAMPLES ? ", ..." : "") + ".");
        }
    }
}
