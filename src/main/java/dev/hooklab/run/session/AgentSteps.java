package dev.hooklab.run.session;

import dev.hooklab.bundle.extract.ExtractionLimits;
import dev.hooklab.plan.DeploymentLayout;

/** The agent's own lifecycle steps, emulated in a sandbox. */
public interface AgentSteps {

    /**
     * DownloadBundle: empty deployment-archive, unpack the revision there (an AppSpec override written as
     * {@code appspecName}), write the most-recent marker.
     */
    StepOutcome downloadBundle(RunTarget.DeployedBundle deployed, DeploymentLayout layout, String appspecName,
                               ExtractionLimits limits, Sandbox sandbox);

    /** Install: the previous install's cleanup, the files copies, permissions, install.json, cleanup, markers. */
    StepOutcome install(RunTarget.DeployedBundle deployed, DeploymentLayout layout, String appspecName,
                        String fileExistsBehavior, Sandbox sandbox);
}
