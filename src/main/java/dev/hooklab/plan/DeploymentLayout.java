package dev.hooklab.plan;

import dev.hooklab.appspec.TargetOs;

import java.util.Objects;
import java.util.random.RandomGenerator;

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
    private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public DeploymentLayout {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(rootDir, "rootDir");
        Objects.requireNonNull(deploymentGroupId, "deploymentGroupId");
        Objects.requireNonNull(deploymentId, "deploymentId");
    }

    /** The defaults codedeploy-local uses: its group name and {@code d-} plus 9 random characters from A-Z0-9. */
    public static DeploymentLayout defaults(TargetOs os, RandomGenerator random) {
        return new DeploymentLayout(os, defaultRoot(os), LOCAL_GROUP, randomDeploymentId(random));
    }

    public static String defaultRoot(TargetOs os) {
        return os == TargetOs.WINDOWS ? WINDOWS_ROOT : LINUX_ROOT;
    }

    public static String randomDeploymentId(RandomGenerator random) {
        StringBuilder b = new StringBuilder("d-");
        for (int i = 0; i < 9; i++) {
            b.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
        }
        return b.toString();
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
