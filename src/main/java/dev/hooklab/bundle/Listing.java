package dev.hooklab.bundle;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the entries of one archive in stored order, whatever its format: normalises names into
 * paths, keeps the format-specific findings, and on {@link #finish()} adds the implicit parent
 * directories and the findings every format shares ({@link ExtractionHazards}).
 */
final class Listing {
    private final BundleFormat format;
    private final List<BundleEntry> declared = new ArrayList<>();
    private final List<BundleFinding> findings = new ArrayList<>();

    Listing(BundleFormat format) {
        this.format = format;
    }

    BundleFormat format() {
        return format;
    }

    /**
     * Adds an entry as stored. Returns its normalised path, or null when the name normalises to
     * nothing ({@code ./} alone) and the entry is skipped.
     */
    String add(String name, EntryType type, long size, Integer mode, String linkTarget) {
        return add(name, name, type, size, mode, linkTarget);
    }

    /** As {@link #add(String, EntryType, long, Integer, String)}, the path taken from {@code pathSource}. */
    String add(String name, String pathSource, EntryType type, long size, Integer mode, String linkTarget) {
        String path = ArchivePath.normalise(pathSource);
        if (path.isEmpty()) {
            return null;
        }
        declared.add(new BundleEntry(name, path, type, size, mode, linkTarget, false));
        return path;
    }

    void report(BundleFinding.Kind kind, String entryName, String detail) {
        findings.add(new BundleFinding(kind, entryName, detail));
    }

    /** Entries with implicit parents inserted before their first child, and all findings. */
    Listed finish() {
        findings.addAll(new ExtractionHazards(format).check(declared));
        return new Listed(withImplicitParents(), findings);
    }

    private List<BundleEntry> withImplicitParents() {
        Set<String> declaredPaths = new HashSet<>(declared.size() * 2);
        for (BundleEntry e : declared) {
            declaredPaths.add(e.path());
        }
        Set<String> present = new HashSet<>(declared.size() * 2);
        List<BundleEntry> out = new ArrayList<>(declared.size() + 16);
        Deque<String> missing = new ArrayDeque<>();
        for (BundleEntry e : declared) {
            String parent = ArchivePath.parent(e.path());
            while (canBeImplicit(parent) && present.add(parent)) {
                missing.push(parent);
                parent = ArchivePath.parent(parent);
            }
            while (!missing.isEmpty()) {
                String dir = missing.pop();
                if (!declaredPaths.contains(dir)) {
                    out.add(new BundleEntry(dir + "/", dir, EntryType.DIRECTORY, 0, null, null, true));
                }
            }
            out.add(e);
        }
        return out;
    }

    private static boolean canBeImplicit(String dir) {
        return !dir.isEmpty() && !dir.equals("/") && !ArchivePath.hasDotDot(dir);
    }

    /** What a format reader hands to {@link BundleReader}. */
    record Listed(List<BundleEntry> entries, List<BundleFinding> findings) {
    }
}
