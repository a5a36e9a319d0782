package dev.hooklab.plan;

import java.util.List;
import java.util.Set;

/** The lifecycle events the EC2/on-premises agent knows (agent-behaviour.md §6.1). */
public final class Lifecycle {
    public static final String BEFORE_BLOCK_TRAFFIC = "BeforeBlockTraffic";
    public static final String AFTER_BLOCK_TRAFFIC = "AfterBlockTraffic";
    public static final String APPLICATION_STOP = "ApplicationStop";
    public static final String DOWNLOAD_BUNDLE = "DownloadBundle";
    public static final String BEFORE_INSTALL = "BeforeInstall";
    public static final String INSTALL = "Install";
    public static final String AFTER_INSTALL = "AfterInstall";
    public static final String APPLICATION_START = "ApplicationStart";
    public static final String VALIDATE_SERVICE = "ValidateService";
    public static final String BEFORE_ALLOW_TRAFFIC = "BeforeAllowTraffic";
    public static final String AFTER_ALLOW_TRAFFIC = "AfterAllowTraffic";

    /** Events whose scripts the agent runs (its DEFAULT_HOOK_MAPPING), in the full order. */
    public static final List<String> HOOK_EVENTS = List.of(
            BEFORE_BLOCK_TRAFFIC, AFTER_BLOCK_TRAFFIC, APPLICATION_STOP, BEFORE_INSTALL, AFTER_INSTALL,
            APPLICATION_START, VALIDATE_SERVICE, BEFORE_ALLOW_TRAFFIC, AFTER_ALLOW_TRAFFIC);

    /** The agent's own steps: never scriptable. */
    public static final Set<String> AGENT_STEPS = Set.of(DOWNLOAD_BUNDLE, INSTALL);

    /** Run by the service, never sent to scripts. */
    public static final Set<String> SERVICE_ONLY = Set.of("Start", "BlockTraffic", "AllowTraffic", "End");

    /** Events of ECS deployments only (their hooks are Lambda functions). */
    public static final Set<String> ECS_ONLY = Set.of("AfterAllowTestTraffic", "TestTraffic");

    /** Events whose scripts come from the last successful revision (agent-behaviour.md §5.1). */
    public static final Set<String> FROM_PREVIOUS_REVISION = Set.of(APPLICATION_STOP, BEFORE_BLOCK_TRAFFIC, AFTER_BLOCK_TRAFFIC);

    private Lifecycle() {
    }

    public static boolean isHookEvent(String name) {
        return HOOK_EVENTS.contains(name);
    }

    /** Which revision an event's scripts come from in a normal (not rollback) deployment. */
    public static RevisionSource revisionOf(String event) {
        if (AGENT_STEPS.contains(event)) {
            return RevisionSource.AGENT;
        }
        return FROM_PREVIOUS_REVISION.contains(event) ? RevisionSource.PREVIOUS : RevisionSource.CURRENT;
    }
}
