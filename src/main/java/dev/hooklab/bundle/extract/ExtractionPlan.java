package dev.hooklab.bundle.extract;

import dev.hooklab.bundle.ArchivePath;
import dev.hooklab.bundle.Bundle;
import dev.hooklab.bundle.BundleEntry;
import dev.hooklab.bundle.BundleException;
import dev.hooklab.bundle.BundleFinding;
import dev.hooklab.bundle.BundleFormat;
import dev.hooklab.bundle.EntryType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What extracting a bundle will create, decided before anything is written: the entries extraction
 * keeps (the later of two at one path), placed where the agent leaves them (top folder stripped),
 * with their modes; the notes on what differs from the agent. Building a plan runs the
 * {@link ExtractionGuard} and the check of declared sizes against the cap, so a plan is safe to write.
 * Paths of planned items are relative to deployment-archive.
 */
final class ExtractionPlan {
    private static final int MAX_LISTED = 5;

    /** A directory to create; its mode is applied after everything inside it is written. */
    record Directory(String path, FileMode mode) {
    }

    /**
     * A regular file to write.
     *
     * @param index      the entry's position among the bundle's own entries (in stored order)
     * @param bundlePath the entry's path in the bundle
     * @param name       the entry's stored name, for messages
     */
    record File(int index, String bundlePath, String name, String path, FileMode mode, long size) {
    }

    /** A link at {@code path}: to {@code target} as stored for a symbolic link, to a planned file's path for a hard link. */
    record Link(String path, String target) {
    }

    private final List<BundleEntry> declared;
    private final List<Directory> directories;
    private final List<File> files;
    private final List<Link> hardLinks;
    private final List<Link> symlinks;
    private final List<String> notes;
    private final FileMode rootMode;
    private final long declaredBytes;

    private ExtractionPlan(Builder b) {
        this.declared = b.declared;
        this.directories = List.copyOf(b.directories());
        this.files = List.copyOf(b.files);
        this.hardLinks = List.copyOf(b.hardLinks);
        this.symlinks = List.copyOf(b.symlinks);
        this.notes = List.copyOf(b.notes());
        this.rootMode = b.rootMode;
        this.declaredBytes = b.declaredBytes;
    }

    /**
     * Plans the extraction of a bundle.
     *
     * @throws BundleException when the guard refuses an entry, or the declared sizes exceed {@code cap}
     */
    static ExtractionPlan of(Bundle bundle, String display, long cap) throws BundleException {
        Builder b = new Builder(bundle);
        new ExtractionGuard(display, b.scope).check(b.declared, b.winners, b.unreadable);
        b.layOut();
        if (b.declaredBytes > cap) {
            String[] sizes = ExpandedBytes.formatApart(b.declaredBytes, cap);
            throw new ExtractionCapException(display + ": refused to extract: its files declare " + sizes[0] + ", over the cap of "
                    + sizes[1] + " of expanded data. If you trust this bundle, raise the cap of expanded bytes");
        }
        return new ExtractionPlan(b);
    }

    /** The bundle's own entries in stored order, as {@link File#index()} counts them. */
    List<BundleEntry> declared() {
        return declared;
    }

    /** Every directory below deployment-archive, each after its parent. */
    List<Directory> directories() {
        return directories;
    }

    List<File> files() {
        return files;
    }

    List<Link> hardLinks() {
        return hardLinks;
    }

    /** The symbolic links to create: only those that stay inside the revision. */
    List<Link> symlinks() {
        return symlinks;
    }

    List<String> notes() {
        return notes;
    }

    /** The mode of deployment-archive itself when the agent moves a stripped top folder into its place, else null. */
    FileMode rootMode() {
        return rootMode;
    }

    /** What the headers of the files to write add up to. */
    long declaredBytes() {
        return declaredBytes;
    }

    /** Works out the plan; one use. */
    private static final class Builder {
        private final Bundle bundle;
        private final List<BundleEntry> declared = new ArrayList<>();
        private final Map<String, BundleEntry> winners = new HashMap<>();
        private final Map<String, Integer> winnerIndex = new HashMap<>();
        /** Stored name -> why the agent's extractors cannot unpack that entry (encrypted, unsupported compression). */
        private final Map<String, String> unreadable = new HashMap<>();
        private final String prefix;
        private final SymlinkScope scope;

        private final Map<String, FileMode> directoryModes = new TreeMap<>();
        private final List<File> files = new ArrayList<>();
        private final List<Link> hardLinks = new ArrayList<>();
        private final List<Link> symlinks = new ArrayList<>();
        private final List<String> linkNotes = new ArrayList<>();
        private final List<String> skipped = new ArrayList<>();
        private final List<String> setIdCleared = new ArrayList<>();
        private FileMode rootMode;
        private long declaredBytes;

        Builder(Bundle bundle) {
            this.bundle = bundle;
            for (BundleEntry e : bundle.entries()) {
                if (!e.implicit()) {
                    winners.put(e.path(), e);
                    winnerIndex.put(e.path(), declared.size());
                    declared.add(e);
                }
            }
            for (BundleFinding f : bundle.findings()) {
                if (f.kind() == BundleFinding.Kind.ENCRYPTED && f.entry() != null) {
                    unreadable.putIfAbsent(f.entry(), "it is encrypted, and the agent's unzip has no password to extract it either");
                } else if (f.kind() == BundleFinding.Kind.UNSUPPORTED_COMPRESSION && f.entry() != null) {
                    unreadable.putIfAbsent(f.entry(), "it " + f.detail() + ", so the agent fails DownloadBundle");
                }
            }
            prefix = bundle.format() == BundleFormat.FOLDER ? "" : bundle.archive().topFolder().prefix();
            Map<String, String> targets = new HashMap<>();
            for (BundleEntry e : winners.values()) {
                if (e.type() == EntryType.SYMLINK) {
                    targets.put(e.path(), e.linkTarget() == null ? "" : e.linkTarget());
                }
            }
            scope = new SymlinkScope(targets, prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1));
        }

        void layOut() {
            for (int i = 0; i < declared.size(); i++) {
                BundleEntry e = declared.get(i);
                if (winnerIndex.get(e.path()) == i) {
                    place(i, e);
                }
            }
        }

        private void place(int index, BundleEntry e) {
            if (!prefix.isEmpty() && (e.path() + "/").equals(prefix)) {
                rootMode = FileMode.forDirectory(e.mode());
                return;
            }
            if (!e.path().startsWith(prefix)) {
                throw new IllegalStateException("'" + e.path() + "' lies outside the stripped top folder " + prefix);
            }
            String path = e.path().substring(prefix.length());
            addParents(path); // also for what is not created: the agent's extractor makes its folder all the same
            switch (e.type()) {
                case DIRECTORY -> {
                    FileMode mode = FileMode.forDirectory(e.mode());
                    directoryModes.put(path, mode);
                    setId(e, mode);
                }
                case FILE -> file(index, e, path);
                case OTHER -> {
                    if (bundle.format() == BundleFormat.ZIP) {
                        file(index, e, path); // unzip writes the data of a zip entry with another Unix type as a regular file
                    } else {
                        skipped.add("'" + e.name() + "'");
                    }
                }
                case SYMLINK -> symlink(e, path);
                case HARDLINK -> hardLinks.add(new Link(path, linkedFile(e).substring(prefix.length())));
            }
        }

        /** A link is created only when it leads inside the revision; otherwise a note says why not. */
        private void symlink(BundleEntry e, String path) {
            String target = e.linkTarget() == null ? "" : e.linkTarget();
            String why = target.isEmpty() ? "it has no target"
                    : target.indexOf('\0') >= 0 ? "its target holds a NUL character"
                    : scope.staysInside(e.path(), target) ? null : "it points outside the revision";
            if (why == null) {
                symlinks.add(new Link(path, target));
            } else {
                linkNotes.add("symlink '" + e.name() + "' -> '" + target.replace('\0', '?') + "' not created: " + why);
            }
        }

        private void file(int index, BundleEntry e, String path) {
            FileMode mode = FileMode.forFile(e.mode());
            files.add(new File(index, e.path(), e.name(), path, mode, e.size()));
            declaredBytes += e.size();
            setId(e, mode);
        }

        /** The path of the file a hard link ends at (the guard made sure there is one). */
        private String linkedFile(BundleEntry link) {
            BundleEntry e = link;
            String target = e.path();
            while (e.type() == EntryType.HARDLINK) {
                target = ArchivePath.normalise(e.linkTarget());
                e = winners.get(target);
            }
            return target;
        }

        private void setId(BundleEntry e, FileMode mode) {
            if (mode.setIdCleared()) {
                setIdCleared.add("'" + e.name() + "' (" + FileMode.octal(mode.declared()) + " -> " + FileMode.octal(mode.bits()) + ")");
            }
        }

        private void addParents(String path) {
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                directoryModes.putIfAbsent(path.substring(0, slash), FileMode.forDirectory(null));
            }
        }

        /** Sorted by path, so that each directory comes after its parent. */
        List<Directory> directories() {
            List<Directory> out = new ArrayList<>(directoryModes.size());
            directoryModes.forEach((path, mode) -> out.add(new Directory(path, mode)));
            return out;
        }

        List<String> notes() {
            List<String> notes = new ArrayList<>();
            if (!prefix.isEmpty()) {
                notes.add("top folder '" + prefix + "' stripped, as the agent does");
            }
            notes.addAll(linkNotes);
            if (!skipped.isEmpty()) {
                notes.add(listed(skipped, "fifo or device", "fifos or devices") + " not created: hooklab makes no fifos or devices, "
                        + "the agent, running as root, would");
            }
            if (!setIdCleared.isEmpty()) {
                notes.add("setuid/setgid bits cleared on " + listed(setIdCleared, "entry", "entries") + ": "
                        + switch (bundle.format()) {
                            case TAR, TGZ -> "the agent's tar -p, running as root, would keep them";
                            case ZIP -> "the agent's unzip clears them too";
                            case FOLDER -> "the agent's copy of a folder revision may keep them";
                        });
            }
            return notes;
        }

        /** "entry 'a'", "2 entries ('a', 'b')", "9 entries ('a', ... and 4 more)"; the items come quoted. */
        private static String listed(List<String> items, String one, String many) {
            StringBuilder out = new StringBuilder();
            if (items.size() == 1) {
                return one + " " + items.get(0);
            }
            out.append(items.size()).append(' ').append(many).append(" (");
            for (int i = 0; i < Math.min(items.size(), MAX_LISTED); i++) {
                out.append(i == 0 ? "" : ", ").append(items.get(i));
            }
            if (items.size() > MAX_LISTED) {
                out.append(" and ").append(items.size() - MAX_LISTED).append(" more");
            }
            return out.append(')').toString();
        }
    }
}
