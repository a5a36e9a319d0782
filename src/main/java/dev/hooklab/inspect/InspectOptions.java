package dev.hooklab.inspect;

import dev.hooklab.appspec.TargetOs;
import dev.hooklab.plan.DeploymentType;

import java.nio.file.Path;

/**
 * How to look at a revision: the deployment it is imagined in, and an optional AppSpec that replaces
 * the bundle's own.
 *
 * @param os                  the agent's platform
 * @param rootDir             the agent's root_dir, or null for the platform default
 * @param deploymentGroupId   or null for codedeploy-local's default group
 * @param deploymentId        or null for a random {@code d-XXXXXXXXX}
 * @param type                the deployment type
 * @param appspecName         the deployment's AppSpecFilename (default appspec.yml)
 * @param appspecOverride     a file that replaces the bundle's AppSpec, or null
 * @param fileExistsBehavior  the deployment's fileExistsBehavior override, or null
 */
public record InspectOptions(TargetOs os, String rootDir, String deploymentGroupId, String deploymentId,
                             DeploymentType type, String appspecName, Path appspecOverride,
                             String fileExistsBehavior) {

    public static InspectOptions defaults() {
        return new InspectOptions(TargetOs.LINUX, null, null, null, DeploymentType.IN_PLACE, "appspec.yml", null, null);
    }

    public InspectOptions withIds(String groupId, String deploymentId) {
        return new InspectOptions(os, rootDir, groupId, deploymentId, type, appspecName, appspecOverride,
                fileExistsBehavior);
    }

    public InspectOptions withType(DeploymentType t) {
        return new InspectOptions(os, rootDir, deploymentGroupId, deploymentId, t, appspecName, appspecOverride,
                fileExistsBehavior);
    }

    public InspectOptions withAppspecOverride(Path file) {
        return new InspectOptions(os, rootDir, deploymentGroupId, deploymentId, type, appspecName, file,
                fileExistsBehavior);
    }
}
