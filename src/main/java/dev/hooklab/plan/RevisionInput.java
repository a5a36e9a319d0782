package dev.hooklab.plan;

import dev.hooklab.appspec.AppSpec;
import dev.hooklab.bundle.Revision;

import java.util.Optional;

/**
 * A revision to plan: its AppSpec and its contents when known.
 *
 * @param spec         the AppSpec
 * @param contents     deployment-archive's contents; empty for a lone appspec.yml
 */
public record RevisionInput(AppSpec spec, Optional<ArchiveContents> contents) {

    /** The revision's files, seen both ways the plan needs: as bundle entries and as the Install step's tree. */
    public record ArchiveContents(Revision revision, ArchiveTree tree) {
        public static ArchiveContents of(Revision revision) {
            return new ArchiveContents(revision, ArchiveTree.of(revision));
        }
    }
}
