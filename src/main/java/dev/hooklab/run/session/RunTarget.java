package dev.hooklab.run.session;

import dev.hooklab.appspec.TargetOs;
import dev.hooklab.bundle.Bundle;
import dev.hooklab.bundle.EntryType;
import dev.hooklab.bundle.extract.ExtractionLimits;
import dev.hooklab.plan.AgentPath;
import dev.hooklab.plan.DeploymentLayout;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deployment a session emulates.
 *
 * @param current             the revision being deployed
 * @param previous            a revision deployed first (its DownloadBundle and Install), so the events that run the
 *                            last successful revision's scripts find it, as on an instance that had it
 * @param layout              the current deployment's folders (its deployment id)
 * @param appspecName         the deployment's AppSpecFilename
 * @param fileExistsBehavior  the deployment's fileExistsBehavior override, or null
 * @param applicationName     APPLICATION_NAME
 * @param deploymentGroupName DEPLOYMENT_GROUP_NAME
 * @param events              the steps, in order (DownloadBundle and Install included)
 * @param destinations        the files destinations of both revisions (absolute instance paths)
 * @param extraction          how much the bundles may expand to, and how many threads write them
 * @param bundleVariables     BUNDLE_BUCKET, BUNDLE_KEY, BUNDLE_VERSION, BUNDLE_ETAG or BUNDLE_COMMIT as an S3 or
 *                            GitHub revision would set them; empty for a local revision (as codedeploy-local)
 * @param lifecycle           the deployment type's whole lifecycle: what the previous deployment ran
 */
public record RunTarget(Revision current, Optional<Revision> previous, DeploymentLayout layout, String appspecName,
                        String fileExistsBehavior, String applicationName, String deploymentGroupName,
                        List<String> events, List<String> destinations, ExtractionLimits extraction,
                        Map<String, String> bundleVariables, List<String> lifecycle) {

    public RunTarget {
        events = List.copyOf(events);
        lifecycle = List.copyOf(lifecycle);
        destinations = List.copyOf(destinations);
        bundleVariables = Map.copyOf(bundleVariables);
    }

    /**
     * The previous revision's own deployment, as an earlier deployment of this group ran it: the whole lifecycle,
     * in its deployment folder. Empty without a previous revision.
     */
    public Optional<RunTarget> previousDeployment() {
        return previous.map(p -> new RunTarget(p, Optional.empty(), layout.withDeploymentId(p.deploymentId()),
                appspecName, fileExistsBehavior, applicationName, deploymentGroupName, lifecycle, destinations,
                extraction, bundleVariables, lifecycle));
    }

    public TargetOs os() {
        return layout.os();
    }

    /**
     * Whether one of these revisions holds a FIFO or device at an instance path of its deployment-archive: the
     * agent's tar, as root, recreates it there; hooklab's extraction does not, so the sandbox has nothing there.
     */
    public boolean specialEntryAt(String instancePath) {
        List<Revision> revisions = new java.util.ArrayList<>(List.of(current));
        previous.ifPresent(revisions::add);
        for (Revision r : revisions) {
            String archive = layout.withDeploymentId(r.deploymentId()).archiveDir();
            if (!instancePath.equals(archive) && AgentPath.isWithin(instancePath, archive)) {
                String archivePath = AgentPath.relativeTo(instancePath, archive);
                if (r.bundle().revision().entry(archivePath).filter(e -> e.type() == EntryType.OTHER).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A revision to deploy.
     *
     * @param bundle          its contents
     * @param deploymentId    the deployment that installs it
     * @param appspecOverride AppSpec text that replaces the bundle's (--appspec), or null
     * @param downloaded      whether it is an S3 or GitHub revision, which the agent downloads to
     *                        {@code <deployment>/bundle.tar} and keeps there (a local one has no such copy here)
     */
    public record Revision(Bundle bundle, String deploymentId, String appspecOverride, boolean downloaded) {
        public Revision(Bundle bundle, String deploymentId, String appspecOverride) {
            this(bundle, deploymentId, appspecOverride, false);
        }
    }
}
