package dev.hooklab.run.agent;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What one Install carries out, leaves undone and notices, gathered while it runs. */
final class InstallTally {
    int directoriesCreated;
    int filesCopied;
    int symlinksCreated;
    int modesSet;
    int aclsSet;
    int ownersSet;
    private final List<NotApplied> notApplied = new ArrayList<>();
    private final Set<String> notes = new LinkedHashSet<>();

    void notApplied(String command, String path, String reason) {
        notApplied.add(new NotApplied(command, path, reason));
    }

    /** A sandbox difference; the same note is kept once. */
    void note(String text) {
        notes.add(text);
    }

    InstallCounts counts() {
        return new InstallCounts(directoriesCreated, filesCopied, symlinksCreated, modesSet, aclsSet, ownersSet);
    }

    List<NotApplied> notApplied() {
        return List.copyOf(notApplied);
    }

    List<String> notes() {
        return List.copyOf(notes);
    }
}
