package dev.hooklab.inspect;

import dev.hooklab.plan.DeploymentType;

import java.nio.file.Path;

/**
 * How to judge a revision, beyond where it is deployed (the {@link dev.hooklab.plan.DeploymentLayout}, resolved
 * once by the front end): the deployment type, the AppSpec it reads, and the deployment's overrides.
 *
 * @param type                the deployment type
 * @param appspecName         the deployment's AppSpecFilename (default appspec.yml)
 * @param appspecOverride     a file that replaces the bundle's AppSpec, or null
 * @param fileExistsBehavior  the deployment's fileExistsBehavior override, or null
 */
public record InspectOptions(DeploymentType type, String appspecName, Path appspecOverride,
                             String fileExistsBehavior) {

    public static InspectOptions defaults() {
        return new InspectOptions(DeploymentType.IN_PLACE, "appspec.yml", null, null);
    }

    public InspectOptions withType(DeploymentType t) {
        return new InspectOptions(t, appspecName, appspecOverride, fileExistsBehavior);
    }

    public InspectOptions withAppspecOverride(Path file) {
        return new InspectOptions(type, appspecName, file, fileExistsBehavior);
    }
}
