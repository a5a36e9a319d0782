package dev.hooklab.bundle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A bundle as the agent lays it out in deployment-archive: names as the agent's tar or unzip writes
 * them ({@link #extractedName}), entries stored below a symbolic link moved to where the link leads
 * (or dropped when the extractor refuses them), then the single top folder stripped by the agent's
 * rule ({@link TopFolder}). Paths here are archive-relative ("scripts/start.sh"); "" is the archive root.
 */
public final class Revision {
    private static final int MAX_LINK_HOPS = 40;

    private final TopFolder topFolder;
    /** archive path -> bundle entry */
    private final Map<String, BundleEntry> entries;
    /** directory archive path -> child names */
    private final Map<String, TreeSet<String>> children = new TreeMap<>();

    Revision(Bundle bundle) {
        BundleFormat format = bundle.format();
        TreeMap<String, BundleEntry> extracted = new TreeMap<>();
        boolean anyLink = false;
        for (BundleEntry e : bundle.entries()) {
            Optional<String> name = extractedName(format, e.path());
            if (name.isPresent() && !(e.implicit() && extracted.containsKey(name.get()))) {
                extracted.put(name.get(), e); // a later entry wins, as on extraction
            }
            anyLink |= e.type() == EntryType.SYMLINK;
        }
        if (anyLink) {
            extracted = throughLinks(format, extracted);
        }
        this.topFolder = TopFolder.decide(format, extracted);
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
            // every ancestor is a directory, even without an entry of its own
            while (!parent.isEmpty()) {
                String grand = parentOf(parent);
                children.computeIfAbsent(grand, k -> new TreeSet<>()).add(nameOf(parent));
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
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (ArchivePath.hasDotDot(p)) {
            if (format != BundleFormat.ZIP) {
                return Optional.empty();
            }
            StringBuilder kept = new StringBuilder();
            for (String seg : p.split("/")) {
                if (!seg.equals("..") && !seg.isEmpty()) {
                    kept.append(kept.length() == 0 ? "" : "/").append(seg);
                }
            }
            p = kept.toString();
        }
        return p.isEmpty() ? Optional.empty() : Optional.of(p);
    }

    /**
     * Entries stored below a symbolic link land where the link leads. GNU tar writes through a link
     * whose target is relative without '..' (others exist only as placeholders until the end, so it
     * fails with "Not a directory"); unzip refuses every such entry and the agent's rubyzip retry
     * writes through the link. Entries that would land outside the revision are dropped.
     */
    private static TreeMap<String, BundleEntry> throughLinks(BundleFormat format, TreeMap<String, BundleEntry> in) {
        TreeMap<String, BundleEntry> out = new TreeMap<>();
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
