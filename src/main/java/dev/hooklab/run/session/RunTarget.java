package dev.hooklab.run.session;

import dev.hooklab.appspec.TargetOs;
import dev.hooklab.bundle.Bundle;
import dev.hooklab.bundle.EntryType;
import dev.hooklab.bundle.extract.ExtractionLimits;
import dev.hooklab.plan.AgentPath;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.plan.DeploymentPlan;
import dev.hooklab.run.HookEnvironment;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deployment a session emulates.
 *
 * @param bundle              what DownloadBundle unpacks
 * @param plan                the judged plan: the deployment's layout (its folders and ids) and which revision each
 *                            event's scripts come from
 * @param previousDeployment  the deployment of a revision deployed first (--previous), as an earlier deployment of
 *                            this group ran it: the whole lifecycle in its own folder, so the events that run the last
 *                            successful revision's scripts find it, as on an instance that had it
 * @param appspecName         the deployment's AppSpecFilename
 * @param fileExistsBehavior  the deployment's fileExistsBehavior override, or null
 * @param applicationName     APPLICATION_NAME
 * @param deploymentGroupName DEPLOYMENT_GROUP_NAME
 * @param events              the steps, in order (DownloadBundle and Install included)
 * @param destinations        the files destinations of both revisions (absolute instance paths)
 * @param extraction          how much the bundles may expand to, and how many threads write them
 * @param bundleVariables     BUNDLE_BUCKET, BUNDLE_KEY, BUNDLE_VERSION, BUNDLE_ETAG or BUNDLE_COMMIT as an S3 or
 *                            GitHub revision would set them; empty for a local revision (as codedeploy-local)
 */
public record RunTarget(DeployedBundle bundle, DeploymentPlan plan, Optional<RunTarget> previousDeployment,
                        String appspecName, String fileExistsBehavior, String applicationName,
                        String deploymentGroupName, List<String> events, List<String> destinations,
                        ExtractionLimits extraction, Map<String, String> bundleVariables) {

    public RunTarget {
        events = List.copyOf(events);
        destinations = List.copyOf(destinations);
        bundleVariables = Map.copyOf(bundleVariables);
    }

    /** The deployment's folders and ids, as the front end resolved them. */
    public DeploymentLayout layout() {
        return plan.layout();
    }

    public TargetOs os() {
        return layout().os();
    }

    /** The variables the agent gives this deployment's hooks: its ids come from the layout. */
    public HookEnvironment environment() {
        return new HookEnvironment(layout(), applicationName, deploymentGroupName, bundleVariables);
    }

    /**
     * Whether one of these revisions holds a FIFO or device at an instance path of its deployment-archive: the
     * agent's tar, as root, recreates it there; hooklab's extraction does not, so the sandbox has nothing there.
     */
    public boolean specialEntryAt(String instancePath) {
        String archive = layout().archiveDir();
        if (!instancePath.equals(archive) && AgentPath.isWithin(instancePath, archive)) {
            String archivePath = AgentPath.relativeTo(instancePath, archive);
            if (bundle.bundle().archive().entry(archivePath).filter(e -> e.type() == EntryType.OTHER).isPresent()) {
                return true;
            }
        }
        return previousDeployment.map(p -> p.specialEntryAt(instancePath)).orElse(false);
    }

    /**
     * What DownloadBundle unpacks into the deployment's folder.
     *
     * @param bundle          its contents
     * @param appspecOverride AppSpec text that replaces the bundle's (--appspec), or null
     * @param downloaded      whether it is an S3 or GitHub revision, which the agent downloads to
     *                        {@code <deployment>/bundle.tar} and keeps there (a local one has no such copy here)
     */
    public record DeployedBundle(Bundle bundle, String appspecOverride, boolean downloaded) {
    }
}
