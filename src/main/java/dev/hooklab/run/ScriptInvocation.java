package dev.hooklab.run;

import dev.hooklab.appspec.HookScript;
import dev.hooklab.plan.PlannedScript;

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
 * @param hostScript     where that file is on this machine, lexically (for showing it; hooklab finds, checks and
 *                       changes the script only through {@link ScriptFiles}, inside the sandbox)
 * @param timeoutSeconds the AppSpec's timeout (default 3600)
 * @param runas          the AppSpec's {@code runas}, or null
 * @param sudo           the AppSpec's {@code sudo}
 */
public record ScriptInvocation(String event, String location, String instancePath, Path hostScript,
                               int timeoutSeconds, String runas, boolean sudo) {

    public ScriptInvocation {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(instancePath, "instancePath");
        Objects.requireNonNull(hostScript, "hostScript");
        if (!instancePath.startsWith("/")) {
            throw new IllegalArgumentException("instancePath must be absolute: " + instancePath);
        }
    }

    /** The invocation of an AppSpec hook script whose resolved paths are known. */
    public static ScriptInvocation of(HookScript script, String instancePath, Path hostScript) {
        return new ScriptInvocation(script.event(), script.location(), instancePath, hostScript, script.timeout(),
                script.runas(), script.sudo());
    }

    /** The invocation of a planned script, found in the sandbox where the plan puts it on the instance. */
    public static ScriptInvocation of(PlannedScript planned, SandboxMounts mounts) {
        return of(planned.script(), planned.path(), mounts.hostPath(planned.path()));
    }
}
