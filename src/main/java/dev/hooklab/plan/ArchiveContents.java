package dev.hooklab.plan;

import dev.hooklab.bundle.DeploymentArchive;

/**
 * A revision's files, seen both ways the plan needs: as bundle entries laid out in deployment-archive, and as
 * the Install step's tree.
 */
public record ArchiveContents(DeploymentArchive archive, ArchiveTree tree) {
    public static ArchiveContents of(DeploymentArchive archive) {
        return new ArchiveContents(archive, ArchiveTree.of(archive));
    }
}
