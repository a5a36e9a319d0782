package dev.hooklab.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The outcome of the agent's single-top-folder rule (agent-behaviour.md §3.3): after unpacking a zip, tar or tgz,
 * the archive root is listed (hidden entries count); one level is stripped only when the root holds
 * exactly one entry, that entry is a directory, and it directly contains a name with "appspec" in any
 * case. Folder revisions are copied as they are, never stripped.
 *
 * @param stripped    whether the agent strips a folder
 * @param folder      the single root entry when there is one (stripped or not); when a blocker keeps a
 *                    folder holding an AppSpec-like name from being stripped, that folder; else null
 * @param rootEntries the names at the archive root, sorted
 * @param blocker     when a single folder holding an AppSpec-like name is not stripped because other root
 *                    entries sit beside it ({@code __MACOSX}, a dotfile, a README): the first of those
 *                    in sorted order, else null
 */
public record TopFolder(boolean stripped, String folder, List<String> rootEntries, String blocker) {

    private static final String MACOS_METADATA = "__MACOSX";
    private static final String APPSPEC = "appspec";

    public TopFolder {
        rootEntries = List.copyOf(rootEntries);
    }

    /** The prefix (with trailing slash) that bundle paths lose in deployment-archive, or "". */
    public String prefix() {
        return stripped ? folder + "/" : "";
    }

    /** Applies the rule to extracted names (archive-relative) and their entries, in one pass over the names. */
    static TopFolder decide(BundleFormat format, Map<String, BundleEntry> extracted) {
        Set<String> roots = new HashSet<>();
        Set<String> withChildren = new HashSet<>();
        Set<String> withAppspecChild = new HashSet<>();
        for (String name : extracted.keySet()) {
            int slash = name.indexOf('/');
            if (slash < 0) {
                roots.add(name);
                continue;
            }
            String root = name.substring(0, slash);
            roots.add(root);
            withChildren.add(root);
            int next = name.indexOf('/', slash + 1);
            if (containsAppspec(name, slash + 1, next < 0 ? name.length() : next)) {
                withAppspecChild.add(root);
            }
        }
        List<String> rootList = new ArrayList<>(roots);
        Collections.sort(rootList);
        if (roots.size() == 1) {
            String only = rootList.get(0);
            boolean strip = format != BundleFormat.FOLDER && isDirectory(extracted, withChildren, only)
                    && withAppspecChild.contains(only);
            return new TopFolder(strip, only, rootList, null);
        }
        if (format == BundleFormat.FOLDER || rootList.stream().anyMatch(r -> containsAppspec(r, 0, r.length()))) {
            return new TopFolder(false, null, rootList, null);
        }
        List<String> candidates = new ArrayList<>();
        for (String root : rootList) {
            if (!root.equals(MACOS_METADATA) && isDirectory(extracted, withChildren, root)
                    && withAppspecChild.contains(root)) {
                candidates.add(root);
            }
        }
        if (candidates.size() != 1) {
            return new TopFolder(false, null, rootList, null);
        }
        String folder = candidates.get(0);
        String blocker = rootList.stream().filter(r -> !r.equals(folder)).findFirst().orElse(null);
        return new TopFolder(false, folder, rootList, blocker);
    }

    /** Whether name[from, to) contains "appspec" in any case. */
    private static boolean containsAppspec(String name, int from, int to) {
        for (int i = from; i + APPSPEC.length() <= to; i++) {
            if (name.regionMatches(true, i, APPSPEC, 0, APPSPEC.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDirectory(Map<String, BundleEntry> extracted, Set<String> withChildren, String name) {
        BundleEntry e = extracted.get(name);
        return e != null ? e.isDirectory() : withChildren.contains(name); // implied by entries below it
    }
}
