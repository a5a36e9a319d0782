package dev.hooklab.bundle.extract;

import dev.hooklab.bundle.ArchivePath;
import dev.hooklab.bundle.BundleEntry;
import dev.hooklab.bundle.BundleException;
import dev.hooklab.bundle.EntryType;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses a bundle before anything is written when any entry could make extraction write outside
 * deployment-archive or through a link: an absolute name or one with {@code ..}, a NUL in a name, an
 * entry stored below a symbolic link (wherever it points) or below a file, a hard link to something
 * outside the revision or not extracted before it, an entry the agent cannot unpack (encrypted, or
 * packed with a compression method its unzip lacks). The refusal is one line naming
 * the first offending entry in stored order.
 */
final class ExtractionGuard {
    private static final int MAX_HARD_LINK_HOPS = 40;

    private final String display;
    private final SymlinkScope scope;

    ExtractionGuard(String display, SymlinkScope scope) {
        this.display = display;
        this.scope = scope;
    }

    /**
     * @param declared  the bundle's own entries in stored order (no implicit directories)
     * @param winners   the entry extraction leaves at each path (the later of two)
     * @param unreadable the stored names of entries the agent cannot unpack (encrypted, unsupported compression), with why
     */
    void check(List<BundleEntry> declared, Map<String, BundleEntry> winners, Map<String, String> unreadable) throws BundleException {
        Map<String, BundleEntry> links = new HashMap<>();
        for (BundleEntry e : declared) {
            if (e.type() == EntryType.SYMLINK) {
                links.put(e.path(), e); // a link replaced by a later entry is still extracted in between
            }
        }
        Set<String> extractedSoFar = new HashSet<>();
        for (BundleEntry e : declared) {
            checkName(e);
            String why = unreadable.get(e.name());
            if (why != null) {
                throw refusal(e, why);
            }
            checkParents(e, links, winners);
            if (e.type() == EntryType.HARDLINK) {
                checkHardLink(e, extractedSoFar, winners);
            }
            if (e.type() == EntryType.FILE || e.type() == EntryType.HARDLINK) {
                extractedSoFar.add(e.path());
            }
        }
    }

    private void checkName(BundleEntry e) throws BundleException {
        String path = e.path();
        if (ArchivePath.isAbsolute(path)) {
            throw refusal(e, "the name is absolute: it would be written at '" + path + "', outside deployment-archive");
        }
        if (ArchivePath.hasDotDot(path)) {
            throw refusal(e, ArchivePath.resolveLexically("", path) == null
                    ? "the name climbs out of deployment-archive ('..')"
                    : "the name has a '..' segment, and extraction takes no name that could climb out of deployment-archive");
        }
        if (path.indexOf('\0') >= 0) {
            throw refusal(e, "the name holds a NUL character, which no file name can");
        }
    }

    /** No entry may be written through a link, or below something that is not a folder. */
    private void checkParents(BundleEntry e, Map<String, BundleEntry> links, Map<String, BundleEntry> winners)
            throws BundleException {
        String path = e.path();
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            String ancestor = path.substring(0, slash);
            BundleEntry link = links.get(ancestor);
            if (link != null) {
                String where = "it is stored below the symbolic link '" + ancestor + "' -> '" + link.linkTarget() + "'";
                throw refusal(e, scope.staysInside(ancestor, link.linkTarget())
                        ? where + ", and extraction never writes through a link"
                        : where + ", which points outside the revision");
            }
            BundleEntry above = winners.get(ancestor);
            if (above != null && !above.isDirectory()) {
                throw refusal(e, "it is stored below '" + ancestor + "', which is a " + above.type().label() + ", not a folder");
            }
        }
    }

    private void checkHardLink(BundleEntry e, Set<String> extractedSoFar, Map<String, BundleEntry> winners) throws BundleException {
        String stored = e.linkTarget() == null ? "" : e.linkTarget();
        String target = ArchivePath.normalise(stored);
        String what = "it is a hard link to '" + stored + "'";
        if (target.isEmpty()) {
            throw refusal(e, "it is a hard link without a target");
        }
        if (ArchivePath.isAbsolute(target)) {
            throw refusal(e, what + ", outside the revision");
        }
        if (ArchivePath.hasDotDot(target)) {
            throw refusal(e, what + ", which climbs out of deployment-archive ('..')");
        }
        if (!extractedSoFar.contains(target)) {
            throw refusal(e, what + ", which no earlier entry extracts");
        }
        BundleEntry linked = winners.get(target);
        for (int hops = 0; linked != null && linked.type() == EntryType.HARDLINK; hops++) {
            if (hops == MAX_HARD_LINK_HOPS) {
                throw refusal(e, what + ", and that chain of hard links never reaches a file");
            }
            linked = winners.get(ArchivePath.normalise(linked.linkTarget() == null ? "" : linked.linkTarget()));
        }
        if (linked == null || !linked.isFile()) {
            throw refusal(e, what + ", which in the end is " + (linked == null ? "missing" : "a " + linked.type().label())
                    + ", not a file");
        }
    }

    private BundleException refusal(BundleEntry e, String why) {
        return new BundleException(display + ": refused to extract '" + e.name() + "': " + why);
    }
}
