package dev.hooklab.explain;

import dev.hooklab.appspec.TargetOs;
import dev.hooklab.finding.DiagnosticCode;
import dev.hooklab.plan.DeploymentLayout;

/**
 * What hooklab read in a pasted error. Fields the text does not state are null.
 *
 * @param kind              what failed
 * @param message           the agent's message as found (one line, log prefixes and backtrace cut off)
 * @param location          the hook location as the agent prints it (as written in the AppSpec), or null
 * @param runas             the {@code run as user} of the message, or null
 * @param path              the on-instance path in the text, or null
 * @param rootDir           the agent's root_dir read from the path, or null
 * @param deploymentGroupId read from the path, or null
 * @param deploymentId      read from the path, else from a {@code d-XXXXXXXXX} in the text, or null
 * @param archivePath       the path below deployment-archive (what the location should name), or null
 * @param event             the lifecycle event the text names, or null
 * @param exitCode          the script's exit code, or null (not stated, or killed by a signal)
 * @param killedBySignal    the agent printed an empty exit code: the script died of a signal
 * @param seconds           the timeout of a timed-out script, or null
 * @param channel           STDOUT or STDERR for an output left open, or null
 * @param errno             the Errno name of a script that could not be started ({@code ENOENT}), or null
 * @param code              the finding this message corresponds to (AppSpec and Install messages), or null
 * @param line              the AppSpec line a YAML syntax error names (1-based), or null
 * @param column            its column (1-based, as Psych counts), or null
 */
public record Recognized(ErrorKind kind, String message, String location, String runas, String path,
                         String rootDir, String deploymentGroupId, String deploymentId, String archivePath,
                         String event, Integer exitCode, boolean killedBySignal, Integer seconds, String channel,
                         String errno, DiagnosticCode code, Integer line, Integer column) {

    static Recognized of(ErrorKind kind, String message) {
        return new Recognized(kind, message, null, null, null, null, null, null, null, null, null, false, null,
                null, null, null, null, null);
    }

    Recognized withLocation(String loc, String user) {
        return new Recognized(kind, message, loc, user, path, rootDir, deploymentGroupId, deploymentId, archivePath,
                event, exitCode, killedBySignal, seconds, channel, errno, code, line, column);
    }

    Recognized withPath(InstancePath p) {
        return new Recognized(kind, message, location, runas, p.path(), p.rootDir(), p.deploymentGroupId(),
                p.deploymentId(), p.archivePath(), event, exitCode, killedBySignal, seconds, channel, errno, code,
                line, column);
    }

    Recognized withDeploymentId(String id) {
        return new Recognized(kind, message, location, runas, path, rootDir, deploymentGroupId, id, archivePath,
                event, exitCode, killedBySignal, seconds, channel, errno, code, line, column);
    }

    Recognized withEvent(String name) {
        return new Recognized(kind, message, location, runas, path, rootDir, deploymentGroupId, deploymentId,
                archivePath, name, exitCode, killedBySignal, seconds, channel, errno, code, line, column);
    }

    Recognized withExit(Integer exit, boolean signal) {
        return new Recognized(kind, message, location, runas, path, rootDir, deploymentGroupId, deploymentId,
                archivePath, event, exit, signal, seconds, channel, errno, code, line, column);
    }

    Recognized withSeconds(Integer s) {
        return new Recognized(kind, message, location, runas, path, rootDir, deploymentGroupId, deploymentId,
                archivePath, event, exitCode, killedBySignal, s, channel, errno, code, line, column);
    }

    Recognized withChannel(String c) {
        return new Recognized(kind, message, location, runas, path, rootDir, deploymentGroupId, deploymentId,
                archivePath, event, exitCode, killedBySignal, seconds, c, errno, code, line, column);
    }

    Recognized withErrno(String e) {
        return new Recognized(kind, message, location, runas, path, rootDir, deploymentGroupId, deploymentId,
                archivePath, event, exitCode, killedBySignal, seconds, channel, e, code, line, column);
    }

    Recognized withCode(DiagnosticCode c, Integer atLine, Integer atColumn) {
        return new Recognized(kind, message, location, runas, path, rootDir, deploymentGroupId, deploymentId,
                archivePath, event, exitCode, killedBySignal, seconds, channel, errno, c, atLine, atColumn);
    }

    /** Whether the text names the deployment (ids and root read from an on-instance path). */
    public boolean hasLayout() {
        return rootDir != null && deploymentGroupId != null && deploymentId != null;
    }

    /** Whether the failure is about one hook script (named by its location or its path). */
    public boolean aboutScript() {
        return location != null || (kind == ErrorKind.SCRIPT_MISSING || kind == ErrorKind.INSTANCE_PATH)
                && (archivePath != null || path != null);
    }

    /** The deployment {@code layout} with this deployment's root dir and ids, where the text states them. */
    public DeploymentLayout applyTo(DeploymentLayout layout) {
        boolean windows = rootDir != null && rootDir.matches("[A-Za-z]:/.*");
        return new DeploymentLayout(rootDir == null ? layout.os() : windows ? TargetOs.WINDOWS : TargetOs.LINUX,
                rootDir != null ? rootDir : layout.rootDir(),
                deploymentGroupId != null ? deploymentGroupId : layout.deploymentGroupId(),
                deploymentId != null ? deploymentId : layout.deploymentId());
    }
}
