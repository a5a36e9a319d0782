package dev.hooklab.plan;

import dev.hooklab.appspec.AppSpec;
import dev.hooklab.appspec.FileMapping;
import dev.hooklab.appspec.HookScript;
import dev.hooklab.appspec.Mark;
import dev.hooklab.appspec.PermissionRule;
import dev.hooklab.bundle.Bundle;
import dev.hooklab.bundle.BundleEntry;
import dev.hooklab.bundle.BundleFormat;
import dev.hooklab.bundle.DeploymentArchive;
import dev.hooklab.bundle.EntryContent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deployment archives and AppSpecs built in memory for planning tests (the readers have their own tests on real
 * files).
 */
final class Archives {
    private Archives() {
    }

    /** A deployment-archive listing: "dir/" for directories, "a -> b" for symlinks, anything else a file. */
    static DeploymentArchive of(String... names) {
        List<BundleEntry> entries = new ArrayList<>();
        for (String n : names) {
            if (n.contains(" -> ")) {
                String[] parts = n.split(" -> ");
                entries.add(BundleEntry.symlink(parts[0], parts[1]));
            } else if (n.endsWith("/")) {
                entries.add(BundleEntry.directory(n.substring(0, n.length() - 1), 0755));
            } else {
                entries.add(BundleEntry.file(n, 10, 0644));
            }
        }
        return new Bundle(null, BundleFormat.ZIP, entries, List.of(), EntryContent.of(Map.of())).archive();
    }

    static HookScript script(String event, String location, int timeout) {
        return new HookScript(event, location, timeout, null, false, new Mark(5, 19), new Mark(5, 9));
    }

    static AppSpec spec(List<FileMapping> files, List<PermissionRule> permissions, HookScript... scripts) {
        Map<String, List<HookScript>> hooks = new LinkedHashMap<>();
        Map<String, Mark> marks = new LinkedHashMap<>();
        for (HookScript s : scripts) {
            hooks.computeIfAbsent(s.event(), k -> new ArrayList<>()).add(s);
            marks.put(s.event(), new Mark(4, 3));
        }
        return new AppSpec("linux", hooks, marks, files, permissions, null);
    }

    static FileMapping files(String source, String destination) {
        return new FileMapping(source, destination, new Mark(3, 5));
    }

    static PermissionRule permission(String object, String pattern, List<String> except, List<String> types,
                                     String mode) {
        return new PermissionRule(object, pattern, except, types, null, null, mode, List.of(), null, new Mark(9, 5));
    }
}
