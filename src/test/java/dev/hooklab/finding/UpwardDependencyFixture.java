package dev.hooklab.finding;

import dev.hooklab.plan.DeploymentType;

/**
 * A test-only class that breaks the import table on purpose (the ground floor reaching up into
 * {@code plan}): {@code ArchitectureTest} shows that its layer rule reports it.
 */
final class UpwardDependencyFixture {
    private UpwardDependencyFixture() {
    }

    static DeploymentType reachUp() {
        return DeploymentType.values()[0];
    }
}
