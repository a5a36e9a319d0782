package dev.hooklab.run.agent;

import dev.hooklab.plan.DeploymentLayout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code <root>/deployment-instructions/} of one deployment group in the sandbox (agent-behaviour.md §2.3, §7.5): the
 * markers {@code <dg-id>_most_recent_install} (end of DownloadBundle) and {@code <dg-id>_last_successful_install}
 * (end of Install), each holding the deployment folder's absolute path without a newline, and Install's
 * {@code <dg-id>-install.json} and {@code <dg-id>-cleanup}.
 */
public final class DeploymentInstructions {
    private final SandboxTree tree;
    private final SandboxWrites writes;
    private final DeploymentLayout layout;

    public DeploymentInstructions(SandboxWrites writes, DeploymentLayout layout) {
        this.tree = writes.tree();
        this.writes = writes;
        this.layout = layout;
    }

    /** {@code <root>/deployment-instructions}. */
    public String directory() {
        return layout.instructionsDir();
    }

    public String cleanupFile() {
        return file(layout.deploymentGroupId() + "-cleanup");
    }

    public String installJson() {
        return file(layout.deploymentGroupId() + "-install.json");
    }

    public String lastSuccessfulInstall() {
        return file(layout.deploymentGroupId() + "_last_successful_install");
    }

    public String mostRecentInstall() {
        return file(layout.deploymentGroupId() + "_most_recent_install");
    }

    /** The end of DownloadBundle: {@code mkdir_p} of the instructions folder, then the most-recent marker. */
    public void writeMostRecentInstall() throws IOException {
        writes.createDirectories(directory());
        writes.writeText(mostRecentInstall(), layout.deploymentDir());
    }

    /** The end of Install. */
    void writeLastSuccessfulInstall() throws IOException {
        writes.createDirectories(directory());
        writes.writeText(lastSuccessfulInstall(), layout.deploymentDir());
    }

    /** The deployment folder the last-successful marker names ({@code chomp}ed), if there is one. */
    public Optional<String> lastSuccessfulDeployment() {
        return marker(lastSuccessfulInstall());
    }

    /** The deployment folder the most-recent marker names ({@code chomp}ed), if there is one. */
    public Optional<String> mostRecentDeployment() {
        return marker(mostRecentInstall());
    }

    private Optional<String> marker(String path) {
        if (!tree.exists(path)) {
            return Optional.empty();
        }
        try {
            String text = new String(tree.read(path), StandardCharsets.UTF_8);
            return Optional.of(text.replaceFirst("(\r\n|\n|\r)$", ""));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private String file(String name) {
        String dir = directory();
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }
}
