package dev.hooklab.diagnose.rules;

import dev.hooklab.bundle.Bundle;
import dev.hooklab.bundle.BundleEntry;
import dev.hooklab.bundle.BundleFinding;
import dev.hooklab.bundle.BundleFormat;
import dev.hooklab.bundle.EntryType;
import dev.hooklab.finding.Diagnostic;
import dev.hooklab.finding.DiagnosticCode;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the agent's tar or unzip does with the odd parts of an archive. */
final class BundleRules implements Rule {
    private static final String TAR_FAILS = "Error extracting tar archive: 2";
    private static final Pattern METHOD = Pattern.compile("\\(method (\\d+)\\)");

    @Override
    public void check(RevisionFacts facts, Consumer<Diagnostic> out) {
        facts.bundle().ifPresent(bundle -> bundle.findings().forEach(f -> out.accept(diagnose(bundle, f))));
    }

    private static Diagnostic diagnose(Bundle bundle, BundleFinding f) {
        boolean tar = bundle.format() == BundleFormat.TAR || bundle.format() == BundleFormat.TGZ;
        String entry = f.entry();
        Diagnostic d = switch (f.kind()) {
            case FORMAT_MISMATCH -> Diagnostic.warning(DiagnosticCode.BUNDLE_FORMAT_MISMATCH,
                            "The file name and the content disagree (" + f.detail() + "). The agent unpacks with the "
                                    + "bundle type declared for the revision, never by looking at the bytes.")
                    .withFix("Register the revision with bundleType " + bundle.format().label()
                            + " (and name the file to match).");
            case UNSAFE_PATH -> unsafePath(tar, entry, f.detail());
            case SYMLINK_ESCAPE -> symlinkEscape(bundle, tar, entry, f.detail());
            case HARDLINK -> Diagnostic.warning(DiagnosticCode.BUNDLE_HARDLINK,
                            "Entry " + quote(entry) + " is a hard link (" + f.detail() + ").")
                    .withFix("Store the file itself instead of a hard link.");
            case DUPLICATE -> Diagnostic.warning(DiagnosticCode.BUNDLE_DUPLICATE_ENTRY,
                            quote(entry) + " is stored more than once; extraction keeps the last copy (" + f.detail() + ").")
                    .withFix("Rebuild the archive so each path is stored once.");
            case ENCRYPTED -> Diagnostic.error(DiagnosticCode.BUNDLE_ENCRYPTED_ENTRY,
                            quote(entry) + " is encrypted; the agent's unzip has no password and cannot extract it, "
                                    + "and its fallback extractor fails too.")
                    .withFix("Build the zip without a password.");
            case UNSUPPORTED_COMPRESSION -> Diagnostic.error(DiagnosticCode.BUNDLE_UNSUPPORTED_COMPRESSION,
                            quote(entry) + " " + f.detail() + ", so the agent fails DownloadBundle.")
                    .withAgentMessage(rubyzipMessage(f.detail()))
                    .withFix("Rebuild the zip with deflate (zip -r, or your tool's default \"Deflate\" method).");
            case NAME_NOT_UTF8 -> Diagnostic.warning(DiagnosticCode.BUNDLE_NAME_ENCODING,
                            "The name of " + quote(entry) + " is not valid UTF-8 (" + f.detail() + "); it will not match "
                                    + "a name written in appspec.yml.")
                    .withFix("Rename the file with plain ASCII or UTF-8 and rebuild the archive.");
            case SPECIAL -> Diagnostic.warning(DiagnosticCode.BUNDLE_SPECIAL_ENTRY,
                            quote(entry) + " is a special file (" + f.detail() + ").")
                    .withFix("Leave devices, FIFOs and sockets out of the revision.");
        };
        return entry == null ? d : d.inFile(entry);
    }

    private static Diagnostic unsafePath(boolean tar, String entry, String detail) {
        boolean dotdot = entry != null && (entry.equals("..") || entry.startsWith("../") || entry.contains("/../")
                || entry.endsWith("/.."));
        if (tar && dotdot) {
            return Diagnostic.error(DiagnosticCode.BUNDLE_ENTRY_UNSAFE,
                            "Entry " + quote(entry) + " climbs out of the revision with '..'. GNU tar refuses such a "
                                    + "member and exits with status 2, so the agent fails DownloadBundle. " + detail)
                    .withAgentMessage(TAR_FAILS)
                    .withFix("Rebuild the archive from inside the revision folder (tar -C dir -czf bundle.tgz .).");
        }
        return Diagnostic.warning(DiagnosticCode.BUNDLE_ENTRY_UNSAFE,
                        "Entry " + quote(entry) + " has " + (dotdot ? "'..' segments" : "an absolute name")
                                + "; the agent's " + (tar ? "tar" : "unzip") + " rewrites it. " + detail)
                .withFix("Rebuild the archive from inside the revision folder so names are relative.");
    }

    private static Diagnostic symlinkEscape(Bundle bundle, boolean tar, String entry, String detail) {
        boolean isLink = entry != null && bundle.entries().stream()
                .anyMatch(e -> e.name().equals(entry) && e.type() == EntryType.SYMLINK);
        if (!isLink && tar) {
            return Diagnostic.error(DiagnosticCode.BUNDLE_SYMLINK_ESCAPE,
                            "Entry " + quote(entry) + " is stored through a symbolic link that leaves the revision. "
                                    + "GNU tar refuses to write through it (\"Cannot open: Not a directory\") and exits "
                                    + "with status 2, so the agent fails DownloadBundle. " + detail)
                    .withAgentMessage(TAR_FAILS)
                    .withFix("Store real directories instead of links to paths outside the revision.");
        }
        String target = bundle.entries().stream().filter(e -> e.name().equals(entry)).map(BundleEntry::linkTarget)
                .filter(t -> t != null).findFirst().orElse(detail);
        return Diagnostic.warning(DiagnosticCode.BUNDLE_SYMLINK_ESCAPE,
                        "Symbolic link " + quote(entry) + " points outside the revision (" + target + "); hooks and "
                                + "the files section follow it to wherever it points on the instance. " + detail)
                .withFix("Point the link inside the revision, or create it in a hook on the instance.");
    }

    /** rubyzip's error, the deployment's failure message; the method number comes from the finding's "(method N)". */
    private static String rubyzipMessage(String detail) {
        Matcher m = METHOD.matcher(detail);
        return m.find() ? "Unsupported compression method " + m.group(1) : null;
    }

    static String quote(String s) {
        return s == null ? "(bundle)" : "'" + s + "'";
    }
}
