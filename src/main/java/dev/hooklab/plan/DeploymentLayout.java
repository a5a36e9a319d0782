package dev.hooklab.plan;

import dev.hooklab.appspec.TargetOs;

import java.util.Objects;

/**
 * Where a deployment lives on the instance (agent-behaviour.md §2.2):
 * {@code <rootDir>/<deploymentGroupId>/<deploymentId>/deployment-archive}.
 *
 * @param os                the agent's platform
 * @param rootDir           the agent's {@code :root_dir:} as configured
 * @param deploymentGroupId the deployment group id (a UUID on real deployments)
 * @param deploymentId      the deployment id ({@code d-XXXXXXXXX})
 */
public record DeploymentLayout(TargetOs os, String rootDir, String deploymentGroupId, String deploymentId) {
    public static final String LINUX_ROOT = "/opt/codedeploy-agent/deployment-root";
    public static final String WINDOWS_ROOT = "C:\\ProgramData\\Amazon\\CodeDeploy";
    /** codedeploy-local's default deployment group. */
    public static final String LOCAL_GROUP = "default-local-deployment-group";

    public DeploymentLayout {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(rootDir, "rootDir");
        Objects.requireNonNull(deploymentGroupId, "deploymentGroupId");
        Objects.requireNonNull(deploymentId, "deploymentId");
    }

    /**
     * The deployment as the front end resolves it, once: what the user gave, codedeploy-local's defaults for the
     * rest (its group, the platform's root dir, a new id drawn from {@code ids}).
     *
     * @param rootDir           or null for the platform's default
     * @param deploymentGroupId or null for {@link #LOCAL_GROUP}
     * @param deploymentId      or null for a new id from {@code ids}
     */
    public static DeploymentLayout resolve(TargetOs os, String rootDir, String deploymentGroupId, String deploymentId,
                                           DeploymentIds ids) {
        return new DeploymentLayout(os, rootDir != null ? rootDir : defaultRoot(os),
                deploymentGroupId != null ? deploymentGroupId : LOCAL_GROUP,
                deploymentId != null ? deploymentId : ids.next());
    }

    /** The defaults codedeploy-local uses: its group name and a new id from {@code ids}. */
    public static DeploymentLayout defaults(TargetOs os, DeploymentIds ids) {
        return resolve(os, null, null, null, ids);
    }

    public static String defaultRoot(TargetOs os) {
        return os == TargetOs.WINDOWS ? WINDOWS_ROOT : LINUX_ROOT;
    }

    public DeploymentLayout withDeploymentId(String id) {
        return new DeploymentLayout(os, rootDir, deploymentGroupId, id);
    }

    public AgentPath paths() {
        return os == TargetOs.WINDOWS ? AgentPath.WINDOWS : AgentPath.POSIX;
    }

    /** The root as the agent expands it. */
    public String expandedRoot() {
        return paths().expand(rootDir, "/");
    }

    /** {@code <root>/<group>/<deployment>}. */
    public String deploymentDir() {
        return paths().join(expandedRoot(), deploymentGroupId + "/" + deploymentId);
    }

    /** {@code <root>/<group>/<deployment>/deployment-archive}: the unpacked revision. */
    public String archiveDir() {
        return paths().join(deploymentDir(), "deployment-archive");
    }

    /** {@code <root>/<group>/<deployment>/logs/scripts.log}. */
    public String scriptsLog() {
        return paths().join(deploymentDir(), "logs/scripts.log");
    }

    /** {@code <root>/deployment-logs}: the agent's deployments log lives there. */
    public String deploymentLogsDir() {
        return paths().join(expandedRoot(), "deployment-logs");
    }

    /** {@code <root>/deployment-logs/codedeploy-agent-deployments.log}: every deployment's scripts.log lines. */
    public String deploymentsLog() {
        return paths().join(deploymentLogsDir(), "codedeploy-agent-deployments.log");
    }

    /** {@code <root>/deployment-instructions}. */
    public String instructionsDir() {
        return paths().join(expandedRoot(), "deployment-instructions");
    }

    /**
     * The absolute, normalised path the agent executes for a hook location, as it prints it in
     * "Script does not exist at specified location: ...".
     */
    public String scriptPath(String location) {
        return paths().join(archiveDir(), location);
    }

    /** Whether an expanded path lies inside deployment-archive. */
    public boolean insideArchive(String path) {
        return AgentPath.isWithin(path, archiveDir()) && !path.equals(archiveDir());
    }
}
