package dev.hooklab.plan;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static dev.hooklab.plan.Lifecycle.AFTER_ALLOW_TRAFFIC;
import static dev.hooklab.plan.Lifecycle.AFTER_BLOCK_TRAFFIC;
import static dev.hooklab.plan.Lifecycle.AFTER_INSTALL;
import static dev.hooklab.plan.Lifecycle.APPLICATION_START;
import static dev.hooklab.plan.Lifecycle.APPLICATION_STOP;
import static dev.hooklab.plan.Lifecycle.BEFORE_ALLOW_TRAFFIC;
import static dev.hooklab.plan.Lifecycle.BEFORE_BLOCK_TRAFFIC;
import static dev.hooklab.plan.Lifecycle.BEFORE_INSTALL;
import static dev.hooklab.plan.Lifecycle.DOWNLOAD_BUNDLE;
import static dev.hooklab.plan.Lifecycle.INSTALL;
import static dev.hooklab.plan.Lifecycle.VALIDATE_SERVICE;

/** The kinds of EC2/on-premises deployment, each with the agent events it runs in order (agent-behaviour.md §6.2). */
public enum DeploymentType {
    IN_PLACE("in-place", "in-place deployments without a load balancer",
            List.of(APPLICATION_STOP, DOWNLOAD_BUNDLE, BEFORE_INSTALL, INSTALL, AFTER_INSTALL, APPLICATION_START,
                    VALIDATE_SERVICE)),
    IN_PLACE_WITH_LB("in-place-with-lb", "in-place deployments with a load balancer",
            List.of(BEFORE_BLOCK_TRAFFIC, AFTER_BLOCK_TRAFFIC, APPLICATION_STOP, DOWNLOAD_BUNDLE, BEFORE_INSTALL,
                    INSTALL, AFTER_INSTALL, APPLICATION_START, VALIDATE_SERVICE, BEFORE_ALLOW_TRAFFIC,
                    AFTER_ALLOW_TRAFFIC)),
    BLUE_GREEN_REPLACEMENT("blue-green-replacement", "blue/green deployments on replacement instances",
            List.of(APPLICATION_STOP, DOWNLOAD_BUNDLE, BEFORE_INSTALL, INSTALL, AFTER_INSTALL, APPLICATION_START,
                    VALIDATE_SERVICE, BEFORE_ALLOW_TRAFFIC, AFTER_ALLOW_TRAFFIC)),
    BLUE_GREEN_ORIGINAL("blue-green-original", "blue/green deployments on original instances",
            List.of(BEFORE_BLOCK_TRAFFIC, AFTER_BLOCK_TRAFFIC));

    private final String label;
    private final String description;
    private final List<String> lifecycle;

    DeploymentType(String label, String description, List<String> lifecycle) {
        this.label = label;
        this.description = description;
        this.lifecycle = lifecycle;
    }

    /** The command-line word ({@code in-place}, ...). */
    public String label() {
        return label;
    }

    /** For messages: "in-place deployments without a load balancer". */
    public String description() {
        return description;
    }

    /** The agent events of this deployment type in order, DownloadBundle and Install included. */
    public List<String> lifecycle() {
        return lifecycle;
    }

    public boolean runs(String event) {
        return lifecycle.contains(event);
    }

    public static Optional<DeploymentType> fromLabel(String label) {
        return Arrays.stream(values()).filter(t -> t.label.equals(label)).findFirst();
    }
}
