package dev.hooklab.bundle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.hooklab.bundle.BundleFinding.Kind.DUPLICATE;
import static dev.hooklab.bundle.BundleFinding.Kind.HARDLINK;
import static dev.hooklab.bundle.BundleFinding.Kind.SYMLINK_ESCAPE;
import static dev.hooklab.bundle.BundleFinding.Kind.UNSAFE_PATH;

/**
 * The findings every format shares: unsafe names, links that leave the revision and what is stored
 * below them, hard links and duplicates. Details say what the agent's extractor does with the entry
 * ({@code /bin/tar -xpsf}, {@code unzip -qo}; checked with GNU tar 1.34 and UnZip 6.00).
 */
final class ExtractionHazards {
    private static final String TAR_FAILS = "the deployment fails with 'Error extracting tar archive: 2'";

    private final BundleFormat format;
    private final List<BundleFinding> findings = new ArrayList<>();

    ExtractionHazards(BundleFormat format) {
        this.format = format;
    }

    List<BundleFinding> check(List<BundleEntry> entries) {
        Map<String, BundleEntry> seen = new HashMap<>(entries.size() * 2);
        Map<String, BundleEntry> escapingLinks = new LinkedHashMap<>();
        boolean hardLinks = entries.stream().anyMatch(e -> e.type() == EntryType.HARDLINK);
        Set<String> extractedSoFar = new HashSet<>();
        for (BundleEntry e : entries) {
            unsafePath(e);
            duplicate(e, seen);
            belowEscapingLink(e, escapingLinks);
            if (e.type() == EntryType.SYMLINK) {
                escapingLink(e).ifPresent(detail -> {
                    escapingLinks.put(e.path(), e);
                    findings.add(new BundleFinding(SYMLINK_ESCAPE, e.name(), detail));
                });
            } else if (e.type() == EntryType.HARDLINK) {
                findings.add(new BundleFinding(HARDLINK, e.name(), hardLink(e, extractedSoFar)));
            }
            if (hardLinks) {
                DeploymentArchive.extractedName(format, e.path()).ifPresent(extractedSoFar::add);
            }
        }
        return findings;
    }

    private void unsafePath(BundleEntry e) {
        String path = e.path();
        if (ArchivePath.hasDotDot(path)) {
            findings.add(new BundleFinding(UNSAFE_PATH, e.name(), dotDotDetail(path)));
        } else if (ArchivePath.isAbsolute(path)) {
            findings.add(new BundleFinding(UNSAFE_PATH, e.name(), absoluteDetail(path)));
        }
    }

    private String dotDotDetail(String path) {
        return switch (format) {
            case TAR, TGZ -> "name has a '..' segment: GNU tar skips this member (\"Member name contains '..'\") "
                    + "and exits 2, so " + TAR_FAILS;
            case ZIP -> "name has a '..' segment: unzip -qo drops the '..' segments and extracts it as '"
                    + DeploymentArchive.extractedName(format, path).orElse("") + "' inside deployment-archive "
                    + "(exit 0, the warning is silenced by -q); if unzip fails for another entry, the agent's "
                    + "rubyzip retry writes it to the literal path, outside deployment-archive";
            case FOLDER -> "name has a '..' segment";
        };
    }

    private String absoluteDetail(String path) {
        String relative = DeploymentArchive.extractedName(format, path).orElse("");
        return switch (format) {
            case TAR, TGZ -> "absolute name: GNU tar removes the leading '/' and extracts it as '" + relative
                    + "' inside deployment-archive (exit 0)";
            case ZIP -> "absolute name: unzip strips the leading '/' and extracts it as '" + relative
                    + "' inside deployment-archive, but exits 1, so the agent extracts the whole zip again with rubyzip";
            case FOLDER -> "absolute name";
        };
    }

    private void duplicate(BundleEntry e, Map<String, BundleEntry> seen) {
        BundleEntry earlier = seen.putIfAbsent(e.path(), e);
        if (earlier == null || earlier.isDirectory() && e.isDirectory()) {
            return;
        }
        String as = earlier.name().equals(e.name()) ? "" : " (stored earlier as '" + earlier.name() + "')";
        findings.add(new BundleFinding(DUPLICATE, e.name(), "'" + e.path() + "' is stored more than once" + as
                + "; the later entry wins on extraction"));
    }

    /** The detail when a symbolic link points outside the revision root, else empty. */
    private Optional<String> escapingLink(BundleEntry link) {
        String target = link.linkTarget();
        if (target == null || target.isEmpty() || ArchivePath.hasDotDot(link.path())) {
            return Optional.empty();
        }
        if (target.startsWith("/")) {
            return Optional.of("symlink to the absolute path '" + target
                    + "': it is created as stored and points outside deployment-archive on the instance");
        }
        String dir = ArchivePath.parent(DeploymentArchive.extractedName(format, link.path()).orElse(link.path()));
        if (ArchivePath.resolveLexically(dir.equals("/") ? "" : dir, target) == null) {
            return Optional.of("symlink target '" + target + "' resolves outside the revision root");
        }
        return Optional.empty();
    }

    private void belowEscapingLink(BundleEntry e, Map<String, BundleEntry> escapingLinks) {
        if (escapingLinks.isEmpty()) {
            return;
        }
        String parent = ArchivePath.parent(e.path());
        while (!parent.isEmpty() && !parent.equals("/")) {
            BundleEntry link = escapingLinks.get(parent);
            if (link != null) {
                findings.add(new BundleFinding(SYMLINK_ESCAPE, e.name(), belowLinkDetail(link)));
                return;
            }
            parent = ArchivePath.parent(parent);
        }
    }

    private String belowLinkDetail(BundleEntry link) {
        String which = "stored below symlink '" + link.path() + "' -> '" + link.linkTarget() + "', which leads outside the revision";
        return switch (format) {
            case TAR, TGZ -> which + ": GNU tar fails with 'Cannot open: Not a directory' and exits 2, so " + TAR_FAILS;
            case ZIP -> which + ": unzip refuses it ('checkdir error: ... exists but is not directory', exit 2), "
                    + "then the agent's rubyzip retry writes it through the link, outside deployment-archive";
            case FOLDER -> which;
        };
    }

    private String hardLink(BundleEntry e, Set<String> extractedSoFar) {
        String target = e.linkTarget() == null ? "" : e.linkTarget();
        String linked = tarLinkTarget(target);
        StringBuilder detail = new StringBuilder("hard link to '").append(target).append('\'');
        if (!linked.equals(ArchivePath.normalise(target))) {
            detail.append(", which leaves the revision: GNU tar links to '").append(linked)
                    .append("' inside deployment-archive instead");
        }
        if (!extractedSoFar.contains(linked)) {
            detail.append("; no earlier entry provides '").append(linked)
                    .append("', so GNU tar fails with 'Cannot hard link to \u2018").append(linked)
                    .append("\u2019: No such file or directory' and exits 2, and ").append(TAR_FAILS);
        }
        return detail.toString();
    }

    /** Where GNU tar links a hard link: leading '/' and everything up to the last '..' segment removed. */
    static String tarLinkTarget(String target) {
        String t = ArchivePath.normalise(target);
        while (t.startsWith("/")) {
            t = t.substring(1);
        }
        int cut = -1;
        String[] segs = t.split("/");
        int offset = 0;
        for (String seg : segs) {
            offset += seg.length() + 1;
            if (seg.equals("..")) {
                cut = offset;
            }
        }
        return cut < 0 ? t : (cut >= t.length() ? "" : t.substring(cut));
    }
}
