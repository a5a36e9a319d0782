package dev.hooklab.cli;

import dev.hooklab.appspec.TargetOs;
import dev.hooklab.inspect.InspectOptions;
import dev.hooklab.plan.DeploymentIds;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.plan.DeploymentType;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The deployment a revision is imagined in: shared by lint, inspect and run. */
final class DeploymentOptions {

    @Option(names = "--deployment-group-id", paramLabel = "ID",
            description = "Deployment group id: the folder under the root dir (default: ${DEFAULT-VALUE}).",
            defaultValue = "default-local-deployment-group")
    String deploymentGroupId;

    @Option(names = "--deployment-id", paramLabel = "ID",
            description = "Deployment id (default: d- and 9 random characters, as codedeploy-local).")
    String deploymentId;

    @Option(names = "--application-name", paramLabel = "NAME",
            description = "APPLICATION_NAME seen by hooks (default: the input path, as codedeploy-local).")
    String applicationName;

    @Option(names = "--deployment-group-name", paramLabel = "NAME",
            description = "DEPLOYMENT_GROUP_NAME seen by hooks (default: ${DEFAULT-VALUE}).", defaultValue = "LocalFleet")
    String deploymentGroupName;

    @Option(names = "--root-dir", paramLabel = "DIR",
            description = "The agent's root_dir (default: /opt/codedeploy-agent/deployment-root, "
                    + "C:\\ProgramData\\Amazon\\CodeDeploy on Windows).")
    String rootDir;

    @Option(names = "--os", paramLabel = "OS", converter = OsConverter.class,
            description = "The agent's platform: linux or windows (default: linux).", defaultValue = "linux")
    TargetOs os;

    @Option(names = "--deployment-type", paramLabel = "TYPE", converter = TypeConverter.class,
            description = "in-place, in-place-with-lb, blue-green-replacement or blue-green-original "
                    + "(default: in-place).", defaultValue = "in-place")
    DeploymentType type;

    @Option(names = "--appspec-filename", paramLabel = "NAME",
            description = "The deployment's AppSpec file name (default: ${DEFAULT-VALUE}).", defaultValue = "appspec.yml")
    String appspecName;

    @Option(names = "--file-exists-behavior", paramLabel = "BEHAVIOR",
            description = "The deployment's fileExistsBehavior: DISALLOW, OVERWRITE or RETAIN (the AppSpec's wins).")
    String fileExistsBehavior;

    /** The deployment, resolved once for the whole command: a missing id is drawn from {@code ids}. */
    DeploymentLayout layout(DeploymentIds ids) {
        return DeploymentLayout.resolve(os, rootDir, deploymentGroupId, deploymentId, ids);
    }

    InspectOptions inspectOptions(Path appspecOverride) {
        return new InspectOptions(type, appspecName, appspecOverride,
                fileExistsBehavior == null ? null : fileExistsBehavior.toUpperCase(java.util.Locale.ROOT));
    }

    static final class OsConverter implements picocli.CommandLine.ITypeConverter<TargetOs> {
        @Override
        public TargetOs convert(String value) {
            for (TargetOs os : TargetOs.values()) {
                if (os.label().equals(value)) {
                    return os;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not linux or windows");
        }
    }

    static final class TypeConverter implements picocli.CommandLine.ITypeConverter<DeploymentType> {
        @Override
        public DeploymentType convert(String value) {
            return DeploymentType.fromLabel(value).orElseThrow(() -> new picocli.CommandLine.TypeConversionException(
                    "'" + value + "' is not one of in-place, in-place-with-lb, blue-green-replacement, "
                            + "blue-green-original"));
        }
    }
}
