package dev.hooklab.bundle;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

import java.io.EOFException;
import java.io.IOException;
import java.util.Locale;
import java.util.zip.ZipException;

import static dev.hooklab.bundle.BundleFinding.Kind.NAME_NOT_UTF8;
import static dev.hooklab.bundle.BundleFinding.Kind.SPECIAL;

/**
 * Lists a tar or tgz in one streaming pass: names (as stored bytes, decoded strictly as UTF-8), types,
 * sizes, modes and link targets, keeping the bodies {@link TarCapture} asks for.
 */
final class TarLister {
    private final TarCapture capture;

    TarLister(TarCapture capture) {
        this.capture = capture;
    }

    TarBodies list(TarSource source, String display, Listing listing) throws BundleException {
        TarBodies bodies;
        try {
            bodies = new TarBodies(source, source.stamp());
        } catch (IOException e) {
            throw new BundleException(display + ": cannot read it (" + e.getMessage() + ")", e);
        }
        String label = listing.format().label();
        String lastName = null;
        TarCapture.Account account = capture.account();
        try (TarEntryStream tar = source.open()) {
            int ordinal = -1;
            TarArchiveEntry entry;
            while ((entry = tar.next()) != null) {
                ordinal++;
                RawName name = RawName.decode(tar.rawName());
                byte[] rawLink = tar.rawLinkTarget();
                String link = rawLink == null ? null : RawName.decode(rawLink).text();
                EntryType type = typeOf(entry);
                long size = type == EntryType.FILE ? entry.getRealSize() : 0;
                String path = listing.add(name.text(), type, size, entry.getMode() & 07777, link);
                lastName = name.text();
                if (!name.utf8()) {
                    listing.report(NAME_NOT_UTF8, name.text(), "name bytes are not valid UTF-8 (" + name.describeBytes()
                            + "); GNU tar writes these bytes unchanged, so a path typed in UTF-8 does not match it");
                }
                if (type == EntryType.OTHER) {
                    listing.report(SPECIAL, name.text(), special(entry));
                }
                if (path == null) {
                    continue;
                }
                switch (type) {
                    case FILE -> {
                        TarBodies.Span span = new TarBodies.Span(tar.bodyOffset(), size, entry.getLastModifiedTime().toMillis(), entry.isSparse());
                        int keep = account.keep(path, size);
                        byte[] body = keep > 0 ? tar.readNBytes(keep) : null;
                        bodies.file(path, ordinal, span, body);
                    }
                    case HARDLINK -> bodies.hardLink(path, ExtractionHazards.tarLinkTarget(link == null ? "" : link));
                    default -> bodies.other(path);
                }
            }
            if (source.gzip()) {
                tar.readToEnd();
            }
        } catch (TarDamageException e) {
            throw new BundleException(display + ": " + damaged(label, e, lastName), e);
        } catch (EOFException e) {
            throw new BundleException(display + ": truncated " + label + " archive (unexpected end of data "
                    + where(lastName) + ")", e);
        } catch (ZipException e) {
            throw new BundleException(display + ": damaged " + label + " archive (corrupt gzip data " + where(lastName) + ")", e);
        } catch (IOException | RuntimeException e) {
            String what = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("truncated")
                    ? "truncated " + label + " archive (unexpected end of data "
                    : "damaged " + label + " archive (unreadable tar header ";
            throw new BundleException(display + ": " + what + where(lastName) + ")", e);
        }
        return bodies;
    }

    /** One line for a stream GNU tar refuses: what is wrong, where, and that the agent's DownloadBundle fails. */
    static String damaged(String label, TarDamageException e, String lastName) {
        return "damaged " + label + " archive (" + e.getMessage() + ", " + where(lastName)
                + "), so the agent fails DownloadBundle (\"Error extracting tar archive: 2\")";
    }

    private static String where(String lastName) {
        return lastName == null ? "before the first entry" : "after entry '" + lastName + "'";
    }

    private static EntryType typeOf(TarArchiveEntry e) {
        if (e.isSymbolicLink()) {
            return EntryType.SYMLINK;
        }
        if (e.isLink()) {
            return EntryType.HARDLINK;
        }
        if (e.isDirectory()) {
            return EntryType.DIRECTORY;
        }
        if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
            return EntryType.OTHER;
        }
        return EntryType.FILE; // GNU tar extracts unknown types as regular files
    }

    private static String special(TarArchiveEntry e) {
        String what = e.isFIFO() ? "a fifo (named pipe)"
                : e.isCharacterDevice() ? "a character device " + e.getDevMajor() + "," + e.getDevMinor()
                : "a block device " + e.getDevMajor() + "," + e.getDevMinor();
        return what + ", not a regular file: GNU tar running as root, as the agent does, recreates it in deployment-archive";
    }
}
