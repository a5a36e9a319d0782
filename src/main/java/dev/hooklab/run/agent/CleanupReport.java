package dev.hooklab.run.agent;

import java.util.List;
import java.util.Optional;

/**
 * What the start of Install did with the previous deployment's {@code <dg-id>-cleanup} file (instance paths,
 * in the order the agent handled them: the file's lines in reverse).
 *
 * @param found              whether there was a cleanup file
 * @param removed            files, symlinks and empty directories removed
 * @param keptNotEmpty       directories left because they were not empty (ENOTEMPTY, which the agent ignores)
 * @param contextsNotRemoved {@code semanage\0<path>} lines: the agent runs {@code semanage fcontext -d <path>};
 *                           hooklab applies no SELinux contexts, so it has none to remove
 * @param skippedLastLine    a last line without its newline (an interrupted write), which the agent skips
 */
public record CleanupReport(boolean found, List<String> removed, List<String> keptNotEmpty,
                            List<String> contextsNotRemoved, Optional<String> skippedLastLine) {

    public CleanupReport {
        removed = List.copyOf(removed);
        keptNotEmpty = List.copyOf(keptNotEmpty);
        contextsNotRemoved = List.copyOf(contextsNotRemoved);
    }

    /** No cleanup file, or no cleanup reached. */
    public static CleanupReport none() {
        return new CleanupReport(false, List.of(), List.of(), List.of(), Optional.empty());
    }
}
