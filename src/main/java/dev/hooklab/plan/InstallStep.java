package dev.hooklab.plan;

import dev.hooklab.appspec.PermissionRule;

/** One instruction of the Install step, in the agent's install.json vocabulary. */
public sealed interface InstallStep {

    /** The path the step acts on. */
    String target();

    /** {@code mkdir}: a directory the deployment creates (recorded in the cleanup file). */
    record Mkdir(String target) implements InstallStep {
    }

    /**
     * {@code copy}: one file or symlink into place (recorded in the cleanup file).
     *
     * @param source      the absolute source as the agent joins it onto deployment-archive
     * @param archivePath the source relative to deployment-archive
     * @param target      the expanded destination file
     */
    record Copy(String source, String archivePath, String target) implements InstallStep {
    }

    /** {@code chmod}/{@code setfacl}/{@code semanage}/{@code chown} for one target, from one permissions entry. */
    record Permission(String target, PermissionRule rule) implements InstallStep {
    }
}
