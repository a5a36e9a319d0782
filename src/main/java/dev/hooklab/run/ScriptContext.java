package dev.hooklab.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a hook script saw when hooklab started it: the words it ran, where, as whom, with which variables, under
 * which deadline. Paths are written as the hook saw them (the instance's under bubblewrap, this machine's sandbox
 * folder without isolation).
 *
 * @param argv             the words hooklab executed for the agent's command, in the hook's view of paths (before
 *                         the isolation's own launcher, {@code bwrap ...}, wraps them)
 * @param workingDirectory the working directory: the agent's {@code /opt/codedeploy-agent}, or its sandbox copy
 * @param user             the user the script ran as ({@code root (sudo)} when sudo was honoured)
 * @param environment      every variable the script started with ({@code LIFECYCLE_EVENT}, {@code DEPLOYMENT_ID},
 *                         ... and what hooklab inherited, minus the AWS credentials the agent clears), in order
 * @param timeoutSeconds   the deadline this run enforced
 * @param appSpecTimeoutSeconds the AppSpec's {@code timeout} (3600 when it gives none)
 * @param isolation        {@code bwrap} or {@code none}
 */
public record ScriptContext(List<String> argv, String workingDirectory, String user, Map<String, String> environment,
                            int timeoutSeconds, int appSpecTimeoutSeconds, String isolation) {

    /** The variables the agent itself adds for hook scripts, in the order it sets them. */
    public static final List<String> AGENT_VARIABLES = List.of("LIFECYCLE_EVENT", "DEPLOYMENT_ID", "APPLICATION_NAME",
            "DEPLOYMENT_GROUP_NAME", "DEPLOYMENT_GROUP_ID");

    public ScriptContext {
        argv = List.copyOf(argv);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(user, "user");
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        Objects.requireNonNull(isolation, "isolation");
    }

    /** The agent's variables and the {@code BUNDLE_*} ones, as the script saw them: what CodeDeploy adds. */
    public Map<String, String> codeDeployVariables() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : AGENT_VARIABLES) {
            if (environment.containsKey(name)) {
                out.put(name, environment.get(name));
            }
        }
        environment.forEach((name, value) -> {
            if (name.startsWith("BUNDLE_")) {
                out.put(name, value);
            }
        });
        return out;
    }

    /** Whether the deadline was shorter than the AppSpec's (the user capped it). */
    public boolean timeoutShortened() {
        return timeoutSeconds < appSpecTimeoutSeconds;
    }
}
