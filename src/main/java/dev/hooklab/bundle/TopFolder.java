package dev.hooklab.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.TreeSet;

/**
 * The outcome of the agent's single-top-folder rule (semantics 2.3): after unpacking a zip, tar or tgz,
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

    public TopFolder {
        rootEntries = List.copyOf(rootEntries);
    }

    /** The prefix (with trailing slash) that bundle paths lose in deployment-archive, or "". */
    public String prefix() {
        return stripped ? folder + "/" : "";
    }

    /** Applies the rule to extracted names (archive-relative, sorted) and their entries. */
    static TopFolder decide(BundleFormat format, NavigableMap<String, BundleEntry> extracted) {
        TreeSet<String> roots = new TreeSet<>();
        for (String name : extracted.keySet()) {
            int slash = name.indexOf('/');
            roots.add(slash < 0 ? name : name.substring(0, slash));
        }
        List<String> rootList = new ArrayList<>(roots);
        if (roots.size() == 1) {
            String only = roots.first();
            boolean strip = format != BundleFormat.FOLDER && isDirectory(extracted, only) && holdsAppspecName(extracted, only);
            return new TopFolder(strip, only, rootList, null);
        }
        if (format == BundleFormat.FOLDER || roots.stream().anyMatch(TopFolder::looksLikeAppspec)) {
            return new TopFolder(false, null, rootList, null);
        }
        List<String> candidates = new ArrayList<>();
        for (String root : roots) {
            if (!root.equals(MACOS_METADATA) && isDirectory(extracted, root) && holdsAppspecName(extracted, root)) {
                candidates.add(root);
            }
        }
        if (candidates.size() != 1) {
            return new TopFolder(false, null, rootList, null);
        }
        String folder = candidates.get(0);
        String blocker = roots.stream().filter(r -> !r.equals(folder)).findFirst().orElse(null);
        return new TopFolder(false, folder, rootList, blocker);
    }

    private static boolean looksLikeAppspec(String name) {
        return name.toLowerCase(Locale.ROOT).contains("appspec");
    }

    private static boolean isDirectory(NavigableMap<String, BundleEntry> extracted, String name) {
        BundleEntry e = extracted.get(name);
        if (e != null) {
            return e.isDirectory();
        }
        String prefix = name + "/";
        String next = extracted.ceilingKey(prefix);
        return next != null && next.startsWith(prefix); // implied by entries below it
    }

    private static boolean holdsAppspecName(NavigableMap<String, BundleEntry> extracted, String folder) {
        String prefix = folder + "/";
        for (String key : extracted.tailMap(prefix, true).keySet()) {
            if (!key.startsWith(prefix)) {
                break;
            }
            String rest = key.substring(prefix.length());
            int slash = rest.indexOf('/');
            if (looksLikeAppspec(slash < 0 ? rest : rest.substring(0, slash))) {
                return true;
            }
        }
        return false;
    }
}
