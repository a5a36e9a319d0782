package dev.hooklab.run;

import dev.hooklab.appspec.HookScript;
import dev.hooklab.plan.PlannedScript;
import dev.hooklab.run.isolation.SandboxMounts;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One hook script to run, as the agent sees it.
 *
 * @param event          the lifecycle event, e.g. {@code AfterInstall} ({@code LIFECYCLE_EVENT})
 * @param location       the location as written in the AppSpec (used in the agent's messages)
 * @param instancePath   the absolute, normalised path on the instance, as the agent prints it in
 *                       {@code Script does not exist at specified location: ...}; normally under
 *                       {@code /opt/codedeploy-agent} (a {@code ..} location can leave the sandbox, and
 *                       then reaches this machine's own file)
 * @param commandPath    the path the agent checks and executes: Ruby's {@code File.join} of the archive folder and
 *                       the location, not expanded ({@code .../deployment-archive/../deployment-archive/x.sh}); it
 *                       is the script's {@code $0} and is in the agent's command; {@code instancePath} normalised
 * @param hostScript     where that file is on this machine, lexically (for showing it; hooklab finds, checks and
 *                       changes the script only through {@link ScriptFiles}, inside the sandbox)
 * @param timeoutSeconds the AppSpec's timeout (default 3600)
 * @param runas          the AppSpec's {@code runas}, or null
 * @param sudo           the AppSpec's {@code sudo}
 */
public record ScriptInvocation(String event, String location, String instancePath, String commandPath,
                               Path hostScript, int timeoutSeconds, String runas, boolean sudo) {

    public ScriptInvocation {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(instancePath, "instancePath");
        Objects.requireNonNull(commandPath, "commandPath");
        Objects.requireNonNull(hostScript, "hostScript");
        if (!instancePath.startsWith("/")) {
            throw new IllegalArgumentException("instancePath must be absolute: " + instancePath);
        }
        if (!commandPath.startsWith("/") || !SandboxMounts.normalize(commandPath).equals(instancePath)) {
            throw new IllegalArgumentException(commandPath + " is not " + instancePath + " as written");
        }
    }

    /** An invocation whose command names the normalised path itself (a location without {@code ..} or {@code //}). */
    public ScriptInvocation(String event, String location, String instancePath, Path hostScript, int timeoutSeconds,
                            String runas, boolean sudo) {
        this(event, location, instancePath, instancePath, hostScript, timeoutSeconds, runas, sudo);
    }

    /** The invocation of an AppSpec hook script whose resolved paths are known. */
    public static ScriptInvocation of(HookScript script, String instancePath, Path hostScript) {
        return of(script, instancePath, instancePath, hostScript);
    }

    /**
     * The invocation of an AppSpec hook script, with the path the agent's {@code File.join} gives for it
     * ({@code instancePath} itself when that path is not {@code instancePath} as written).
     */
    public static ScriptInvocation of(HookScript script, String instancePath, String commandPath, Path hostScript) {
        String written = SandboxMounts.normalize(commandPath).equals(instancePath) ? commandPath : instancePath;
        return new ScriptInvocation(script.event(), script.location(), instancePath, written, hostScript,
                script.timeout(), script.runas(), script.sudo());
    }

    /** The invocation of a planned script, found in the sandbox where the plan puts it on the instance. */
    public static ScriptInvocation of(PlannedScript planned, SandboxMounts mounts) {
        return of(planned.script(), planned.path(), mounts.hostPath(planned.path()));
    }
}
