package dev.hooklab.bundle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A bundle as the agent lays it out in deployment-archive: names as the agent's tar or unzip writes
 * them ({@link #extractedName}), entries stored below a symbolic link moved to where the link leads
 * (or dropped when the extractor refuses them), then the single top folder stripped by the agent's
 * rule ({@link TopFolder}). Paths here are archive-relative ("scripts/start.sh"); "" is the archive root.
 */
public final class DeploymentArchive {
    private static final int MAX_LINK_HOPS = 40;

    private final TopFolder topFolder;
    /** archive path -> bundle entry */
    private final Map<String, BundleEntry> entries;
    /** directory archive path -> child names (sorted on first use) */
    private final Map<String, List<String>> children = new HashMap<>();
    private final Set<String> sortedChildren = new HashSet<>();
    private final Map<String, AppSpecLookup> lookups = new java.util.concurrent.ConcurrentHashMap<>();
    private List<String> sortedPaths;

    DeploymentArchive(Bundle bundle) {
        BundleFormat format = bundle.format();
        Map<String, BundleEntry> extracted = new HashMap<>(bundle.entries().size() * 2);
        boolean anyLink = false;
        for (BundleEntry e : bundle.entries()) {
            String name = extractedNameOrNull(format, e.path());
            if (name != null && !(e.implicit() && extracted.containsKey(name))) {
                extracted.put(name, e); // a later entry wins, as on extraction
            }
            anyLink |= e.type() == EntryType.SYMLINK;
        }
        if (anyLink) {
            extracted = throughLinks(format, new TreeMap<>(extracted));
        }
        this.topFolder = TopFolder.decide(format, extracted);
        String prefix = topFolder.prefix();
        Map<String, BundleEntry> view = extracted;
        if (!prefix.isEmpty()) {
            view = new HashMap<>(extracted.size() * 2);
            for (Map.Entry<String, BundleEntry> e : extracted.entrySet()) {
                if (e.getKey().startsWith(prefix)) {
                    view.put(e.getKey().substring(prefix.length()), e.getValue());
                }
            }
        }
        this.entries = Collections.unmodifiableMap(view);
        Set<String> impliedDirectories = new HashSet<>();
        for (String path : entries.keySet()) {
            String parent = parentOf(path);
            children.computeIfAbsent(parent, k -> new ArrayList<>()).add(nameOf(path));
            // a directory without an entry of its own (the listing adds implicit ones, but links can move entries)
            while (!parent.isEmpty() && !entries.containsKey(parent) && impliedDirectories.add(parent)) {
                String grand = parentOf(parent);
                children.computeIfAbsent(grand, k -> new ArrayList<>()).add(nameOf(parent));
                parent = grand;
            }
        }
    }

    /**
     * The relative name the agent's extractor writes for a normalised bundle path, or empty when it
     * writes nothing. GNU tar and unzip both drop a leading '/'. GNU tar skips a member with a '..'
     * segment (and exits 2); {@code unzip -qo} drops the '..' segments and extracts the rest.
     */
    public static Optional<String> extractedName(BundleFormat format, String path) {
        return Optional.ofNullable(extractedNameOrNull(format, path));
    }

    private static String extractedNameOrNull(BundleFormat format, String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (ArchivePath.hasDotDot(p)) {
            if (format != BundleFormat.ZIP) {
                return null;
            }
            StringBuilder kept = new StringBuilder();
            for (String seg : p.split("/")) {
                if (!seg.equals("..") && !seg.isEmpty()) {
                    kept.append(kept.length() == 0 ? "" : "/").append(seg);
                }
            }
            p = kept.toString();
        }
        return p.isEmpty() ? null : p;
    }

    /**
     * Entries stored below a symbolic link land where the link leads. GNU tar writes through a link
     * whose target is relative without '..' (others exist only as placeholders until the end, so it
     * fails with "Not a directory"); unzip refuses every such entry and the agent's rubyzip retry
     * writes through the link. Entries that would land outside the revision are dropped.
     */
    private static Map<String, BundleEntry> throughLinks(BundleFormat format, TreeMap<String, BundleEntry> in) {
        Map<String, BundleEntry> out = new HashMap<>(in.size() * 2);
        for (Map.Entry<String, BundleEntry> e : in.entrySet()) {
            String landed = landing(format, in, e.getKey());
            if (landed != null && !(e.getValue().implicit() && out.containsKey(landed))) {
                out.put(landed, e.getValue());
            }
        }
        return out;
    }

    private static String landing(BundleFormat format, Map<String, BundleEntry> in, String name) {
        String current = name;
        for (int hops = 0; hops <= MAX_LINK_HOPS; hops++) {
            String link = linkAncestor(in, current);
            if (link == null) {
                return current;
            }
            String target = in.get(link).linkTarget();
            boolean tarRefuses = format != BundleFormat.ZIP && ArchivePath.hasDotDot(target);
            if (target.isEmpty() || target.startsWith("/") || tarRefuses) {
                return null;
            }
            String resolved = ArchivePath.resolveLexically(parentOf(link), target);
            if (resolved == null) {
                return null;
            }
            current = ArchivePath.child(resolved, current.substring(link.length() + 1));
        }
        return null;
    }

    /** The nearest proper ancestor of a name that is a symbolic link, or null. */
    private static String linkAncestor(Map<String, BundleEntry> in, String name) {
        int slash = name.indexOf('/');
        while (slash > 0) {
            BundleEntry e = in.get(name.substring(0, slash));
            if (e != null && e.type() == EntryType.SYMLINK && e.linkTarget() != null) {
                return name.substring(0, slash);
            }
            slash = name.indexOf('/', slash + 1);
        }
        return null;
    }

    public TopFolder topFolder() {
        return topFolder;
    }

    /** Every archive path with an entry of its own (implicit directories included), sorted. */
    public synchronized List<String> paths() {
        if (sortedPaths == null) {
            List<String> all = new ArrayList<>(entries.keySet());
            Collections.sort(all);
            sortedPaths = Collections.unmodifiableList(all);
        }
        return sortedPaths;
    }

    /** The archive paths whose last segment the test accepts, sorted; cheaper than filtering {@link #paths()}. */
    public List<String> pathsNamed(Predicate<String> fileName) {
        List<String> found = new ArrayList<>();
        for (String p : entries.keySet()) {
            if (fileName.test(nameOf(p))) {
                found.add(p);
            }
        }
        Collections.sort(found);
        return found;
    }

    /**
     * Where the agent finds the AppSpec of this name here ({@link AppSpecLookup#in}), worked out once per name: it
     * looks at every path, which a re-judge of a large revision (a changed setting) need not pay again.
     */
    public AppSpecLookup appSpecLookup(String configuredName) {
        return lookups.computeIfAbsent(configuredName == null ? "" : configuredName, n -> AppSpecLookup.in(this, n));
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
    public synchronized List<String> children(String archiveDir) {
        List<String> names = children.get(archiveDir);
        if (names == null) {
            return List.of();
        }
        if (sortedChildren.add(archiveDir)) {
            Collections.sort(names);
        }
        return Collections.unmodifiableList(names);
    }

    /**
     * The bundle path (as in {@link BundleEntry#path()}) an archive path comes from: the path of the
     * entry stored there (which differs when the stored name was unsafe or the entry was stored below a
     * link), else the archive path under the stripped top folder.
     */
    public String bundlePath(String archivePath) {
        BundleEntry e = entries.get(archivePath);
        return e != null ? e.path() : topFolder.prefix() + archivePath;
    }

    /**
     * Resolves an archive path the way the file system would on the instance, following symbolic links
     * that stay inside the revision (a link in any segment). Returns the final archive path when it
     * exists; empty when it does not exist, or when a link leaves the revision.
     */
    public Optional<String> resolve(String archivePath) {
        List<String> todo = new ArrayList<>(List.of(archivePath.split("/")));
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
            String parent = String.join("/", done);
            if (!isDirectory(parent)) {
                return Optional.empty(); // a file used as a directory
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

    static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static String nameOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
