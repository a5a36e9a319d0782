package dev.hooklab.bundle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A bundle as the agent lays it out in deployment-archive: names as the agent's tar or unzip would write
 * them (a leading '/' removed; entries with '..' segments left out), then the single top folder stripped
 * by the agent's rule. Paths here are archive-relative ("scripts/start.sh"); "" is the archive root.
 */
public final class Revision {
    private static final int MAX_LINK_HOPS = 40;

    private final TopFolder topFolder;
    /** archive path -> bundle entry */
    private final Map<String, BundleEntry> entries;
    /** directory archive path -> child names */
    private final Map<String, TreeSet<String>> children = new TreeMap<>();

    Revision(Bundle bundle) {
        Map<String, BundleEntry> extracted = new TreeMap<>();
        for (BundleEntry e : bundle.entries()) {
            extractedName(e.path()).ifPresent(name -> extracted.put(name, e));
        }
        this.topFolder = decideTopFolder(extracted);
        String prefix = topFolder.prefix();
        Map<String, BundleEntry> view = new TreeMap<>();
        for (Map.Entry<String, BundleEntry> e : extracted.entrySet()) {
            String name = e.getKey();
            if (prefix.isEmpty()) {
                view.put(name, e.getValue());
            } else if (name.startsWith(prefix)) {
                view.put(name.substring(prefix.length()), e.getValue());
            }
        }
        this.entries = Collections.unmodifiableMap(view);
        for (String path : entries.keySet()) {
            String parent = parentOf(path);
            children.computeIfAbsent(parent, k -> new TreeSet<>()).add(nameOf(path));
            // make sure every ancestor is known as a directory even without an entry of its own
            while (!parent.isEmpty()) {
                String grand = parentOf(parent);
                children.computeIfAbsent(grand, k -> new TreeSet<>()).add(nameOf(parent));
                parent = grand;
            }
        }
    }

    /**
     * The relative name the agent's tar or unzip writes for a normalised bundle path: leading slashes
     * removed; empty when the name has a '..' segment (tar refuses it) or nothing is left.
     */
    static Optional<String> extractedName(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.isEmpty()) {
            return Optional.empty();
        }
        for (String seg : p.split("/")) {
            if (seg.equals("..")) {
                return Optional.empty();
            }
        }
        return Optional.of(p);
    }

    private static TopFolder decideTopFolder(Map<String, BundleEntry> extracted) {
        TreeSet<String> roots = new TreeSet<>();
        for (String name : extracted.keySet()) {
            int slash = name.indexOf('/');
            roots.add(slash < 0 ? name : name.substring(0, slash));
        }
        List<String> rootList = new ArrayList<>(roots);
        // the single folder that holds an AppSpec-like name, if exactly one root folder does
        String appspecFolder = null;
        int foldersWithAppspec = 0;
        for (String root : roots) {
            if (isDirectory(extracted, root) && holdsAppspecName(extracted, root)) {
                appspecFolder = root;
                foldersWithAppspec++;
            }
        }
        if (roots.size() == 1) {
            String only = roots.first();
            boolean strip = isDirectory(extracted, only) && holdsAppspecName(extracted, only);
            return new TopFolder(strip, only, rootList, null);
        }
        String blocker = null;
        if (foldersWithAppspec == 1 && !rootHoldsAppspec(roots)) {
            for (String root : roots) {
                if (!root.equals(appspecFolder)) {
                    blocker = root;
                    break;
                }
            }
        }
        return new TopFolder(false, foldersWithAppspec == 1 ? appspecFolder : null, rootList, blocker);
    }

    private static boolean rootHoldsAppspec(Collection<String> roots) {
        for (String r : roots) {
            if (r.toLowerCase(Locale.ROOT).contains("appspec")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDirectory(Map<String, BundleEntry> extracted, String name) {
        BundleEntry e = extracted.get(name);
        if (e != null) {
            return e.isDirectory();
        }
        // no entry of its own: a directory exactly when entries sit under it
        String prefix = name + "/";
        for (String key : ((TreeMap<String, BundleEntry>) extracted).tailMap(prefix).keySet()) {
            return key.startsWith(prefix);
        }
        return false;
    }

    private static boolean holdsAppspecName(Map<String, BundleEntry> extracted, String folder) {
        String prefix = folder + "/";
        for (String key : ((TreeMap<String, BundleEntry>) extracted).tailMap(prefix).keySet()) {
            if (!key.startsWith(prefix)) {
                break;
            }
            String rest = key.substring(prefix.length());
            int slash = rest.indexOf('/');
            String child = slash < 0 ? rest : rest.substring(0, slash);
            if (child.toLowerCase(Locale.ROOT).contains("appspec")) {
                return true;
            }
        }
        return false;
    }

    public TopFolder topFolder() {
        return topFolder;
    }

    /** Every archive path with an entry of its own, sorted. */
    public Collection<String> paths() {
        return entries.keySet();
    }

    /** The bundle entry stored at an archive path (no link following). */
    public Optional<BundleEntry> entry(String archivePath) {
        return Optional.ofNullable(entries.get(archivePath));
    }

    /** Whether the path exists in deployment-archive: an entry, or a directory implied by entries below it. */
    public boolean exists(String archivePath) {
        return archivePath.isEmpty() || entries.containsKey(archivePath) || children.containsKey(archivePath);
    }

    /** Whether the path is a directory (declared or implied), without following links. */
    public boolean isDirectory(String archivePath) {
        BundleEntry e = entries.get(archivePath);
        return e != null ? e.isDirectory() : children.containsKey(archivePath) || archivePath.isEmpty();
    }

    /** Names directly inside a directory of deployment-archive, sorted. */
    public List<String> children(String archiveDir) {
        TreeSet<String> names = children.get(archiveDir);
        return names == null ? List.of() : List.copyOf(names);
    }

    /** The bundle path (as in {@link BundleEntry#path()}) an archive path comes from. */
    public String bundlePath(String archivePath) {
        return topFolder.prefix() + archivePath;
    }

    /**
     * Resolves an archive path the way the file system would on the instance, following symbolic links
     * that stay inside the revision (a link in any segment). Returns the final archive path when it
     * exists; empty when it does not exist, or when a link leaves the revision.
     */
    public Optional<String> resolve(String archivePath) {
        List<String> todo = new ArrayList<>(List.of(normalise(archivePath).split("/")));
        List<String> done = new ArrayList<>();
        int hops = 0;
        while (!todo.isEmpty()) {
            String seg = todo.remove(0);
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (done.isEmpty()) {
                    return Optional.empty();
                }
                done.remove(done.size() - 1);
                continue;
            }
            done.add(seg);
            String current = String.join("/", done);
            BundleEntry e = entries.get(current);
            if (e != null && e.type() == EntryType.SYMLINK && e.linkTarget() != null) {
                if (++hops > MAX_LINK_HOPS || e.linkTarget().startsWith("/")) {
                    return Optional.empty();
                }
                done.remove(done.size() - 1);
                List<String> next = new ArrayList<>(List.of(e.linkTarget().split("/")));
                next.addAll(todo);
                todo = next;
                continue;
            }
            if (!exists(current)) {
                return Optional.empty();
            }
        }
        return Optional.of(String.join("/", done));
    }

    private static String normalise(String p) {
        String s = p.replaceAll("/+", "/");
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        return s;
    }

    static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static String nameOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
