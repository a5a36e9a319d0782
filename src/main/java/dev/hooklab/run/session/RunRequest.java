package dev.hooklab.run.session;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How {@code hooklab run} (or the window) wants a judged revision deployed; the revision, its deployment (layout)
 * and settings come with its {@link dev.hooklab.inspect.Inspection}.
 *
 * @param previous            an older bundle deployed first, or null
 * @param previousDeploymentId the deployment id of {@code previous}, or null for
 *                             {@link SessionBuilder#PREVIOUS_DEPLOYMENT_ID}
 * @param events              the events to run (DownloadBundle and Install are added first), or empty for the
 *                            deployment type's lifecycle
 * @param sandboxDir          where to keep the sandbox, or null for a temporary one removed at the end
 * @param isolation           auto, bwrap or none
 * @param network             whether hooks may use the network under bubblewrap
 * @param maxTimeout          a cap on every script's timeout in seconds, or null
 * @param applicationName     APPLICATION_NAME, or null for the input path (as codedeploy-local)
 * @param deploymentGroupName DEPLOYMENT_GROUP_NAME
 * @param bundleVariables     BUNDLE_* variables to give hooks (an S3 or GitHub revision's), may be empty
 * @param maxExpandedBytes    the most a bundle may expand to on disk, or null for the default (4 GiB)
 * @param waitForOutputs      whether hooklab waits, as the agent, for outputs a background process holds after a
 *                            script's exit (until the script's timeout), or ends the holders and reports at once
 * @param maxOutputBytes      the most output of one script kept, or null for the default (100 MiB)
 */
public record RunRequest(Path previous, String previousDeploymentId, List<String> events, Path sandboxDir,
                         String isolation, boolean network, Integer maxTimeout, String applicationName,
                         String deploymentGroupName, Map<String, String> bundleVariables, Long maxExpandedBytes,
                         boolean waitForOutputs, Long maxOutputBytes) {

    public RunRequest {
        events = List.copyOf(events);
        bundleVariables = Map.copyOf(bundleVariables);
    }
}
