package dev.hooklab.run;

import dev.hooklab.plan.DeploymentLayout;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The variables the agent adds for hook scripts ({@code HookExecutor#initialize}), merged into the
 * environment the agent inherited, minus the AWS credentials the agent clears from it.
 *
 * @param deployment          the deployment whose hooks run: {@code DEPLOYMENT_ID} (e.g. {@code d-AB1CDEF23}, also
 *                            for scripts of the previous revision) and {@code DEPLOYMENT_GROUP_ID} are its ids
 * @param applicationName     {@code APPLICATION_NAME}
 * @param deploymentGroupName {@code DEPLOYMENT_GROUP_NAME}
 * @param bundle              {@code BUNDLE_*} variables of S3 ({@code BUNDLE_BUCKET}, {@code BUNDLE_KEY},
 *                            {@code BUNDLE_VERSION}, {@code BUNDLE_ETAG}) or GitHub ({@code BUNDLE_COMMIT})
 *                            revisions; empty for local revisions. A null value leaves the variable unset.
 */
public record HookEnvironment(DeploymentLayout deployment, String applicationName, String deploymentGroupName,
                              Map<String, String> bundle) {

    /** Variables the agent removes from its own environment (command_poller.rb). */
    public static final List<String> CLEARED = List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_CREDENTIAL_FILE");

    public HookEnvironment {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(applicationName, "applicationName");
        Objects.requireNonNull(deploymentGroupName, "deploymentGroupName");
        bundle = bundle == null ? Map.of() : new LinkedHashMap<>(bundle);
        for (String name : bundle.keySet()) {
            if (!name.startsWith("BUNDLE_")) {
                throw new IllegalArgumentException("not a BUNDLE_ variable: " + name);
            }
        }
        bundle = Collections.unmodifiableMap(bundle);
    }

    /** The environment a script of {@code event} sees, given the environment the agent (here: hooklab) has. */
    public Map<String, String> forScript(String event, Map<String, String> inherited) {
        Map<String, String> env = new LinkedHashMap<>(inherited);
        CLEARED.forEach(env::remove);
        env.put("LIFECYCLE_EVENT", event);
        env.put("DEPLOYMENT_ID", deployment.deploymentId());
        env.put("APPLICATION_NAME", applicationName);
        env.put("DEPLOYMENT_GROUP_NAME", deploymentGroupName);
        env.put("DEPLOYMENT_GROUP_ID", deployment.deploymentGroupId());
        bundle.forEach((name, value) -> {
            if (value == null) {
                env.remove(name);
            } else {
                env.put(name, value);
            }
        });
        return env;
    }
}
