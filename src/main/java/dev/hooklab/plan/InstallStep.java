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
     * @param sourceDir   the source's folder as the agent joins it onto deployment-archive; with {@code name},
     *                    the source (kept in two parts: a revision of 100,000 files shares one folder string)
     * @param name        the source's file name, or "" when {@code sourceDir} is the whole source
     * @param archivePath the source relative to deployment-archive
     * @param target      the expanded destination file
     */
    record Copy(String sourceDir, String name, String archivePath, String target) implements InstallStep {

        /** The absolute source as the agent joins it onto deployment-archive (File.join). */
        public String source() {
            return name.isEmpty() ? sourceDir : AgentPath.fileJoin(sourceDir, name);
        }
    }

    /** {@code chmod}/{@code setfacl}/{@code semanage}/{@code chown} for one target, from one permissions entry. */
    record Permission(String target, PermissionRule rule) implements InstallStep {
    }
}
