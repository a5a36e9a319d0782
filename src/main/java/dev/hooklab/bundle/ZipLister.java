package dev.hooklab.bundle;

import org.apache.commons.compress.archivers.zip.UnicodePathExtraField;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;

import static dev.hooklab.bundle.BundleFinding.Kind.ENCRYPTED;
import static dev.hooklab.bundle.BundleFinding.Kind.NAME_NOT_UTF8;
import static dev.hooklab.bundle.BundleFinding.Kind.SPECIAL;

/**
 * Lists a zip from its central directory alone (local headers are not read); only symbolic-link
 * entries have their (short) body read, because it holds the link target.
 */
final class ZipLister {
    private static final int PLATFORM_FAT = 0;
    private static final int TYPE_MASK = 0170000;
    private static final int MAX_LINK_TARGET = 4096;

    ZipBodies list(Path file, Listing listing) throws IOException {
        ZipBodies bodies = new ZipBodies(file);
        try (ZipFile zip = ZipFile.builder().setPath(file).setIgnoreLocalFileHeader(true).get()) {
            for (Enumeration<ZipArchiveEntry> all = zip.getEntries(); all.hasMoreElements(); ) {
                add(zip, all.nextElement(), listing, bodies);
            }
        }
        return bodies;
    }

    private void add(ZipFile zip, ZipArchiveEntry e, Listing listing, ZipBodies bodies) throws IOException {
        boolean unicodeExtra = e.getExtraField(UnicodePathExtraField.UPATH_ID) != null;
        RawName raw = RawName.decode(e.getRawName());
        String name = unicodeExtra ? e.getName() : raw.text();
        boolean fromDos = e.getPlatform() == PLATFORM_FAT;
        // Info-ZIP unzip takes a backslash for a separator only in names made on MS-DOS/Windows that hold no '/'
        // ("appears to use backslashes as path separators", exit 1, which makes the agent retry with rubyzip)
        String pathSource = fromDos && name.indexOf('/') < 0 ? name.replace('\\', '/') : name;
        int unixMode = e.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX ? e.getUnixMode() : 0;
        Integer mode = unixMode != 0 ? unixMode & 07777 : null;
        EntryType type = typeOf(e, unixMode, pathSource);
        String link = type == EntryType.SYMLINK ? linkTarget(zip, e) : null;
        long size = type == EntryType.FILE || type == EntryType.OTHER ? e.getSize() : 0;
        String path = listing.add(name, pathSource, type, size, mode, link);
        if (!raw.utf8() && !unicodeExtra) {
            listing.report(NAME_NOT_UTF8, name, "name bytes are not valid UTF-8 (" + raw.describeBytes() + ")"
                    + (e.getGeneralPurposeBit().usesUTF8ForNames() ? " although the entry is flagged UTF-8" : "")
                    + (fromDos ? "; unzip converts them from the DOS code page" : "; unzip writes these bytes unchanged")
                    + ", so a path typed in UTF-8 does not match it");
        }
        if (e.getGeneralPurposeBit().usesEncryption()) {
            listing.report(ENCRYPTED, name, "encrypted: unzip -qo cannot get a password, skips it (\"unable to get password\") "
                    + "and exits 5, so the agent extracts the whole zip again with rubyzip, which has no password either");
        }
        if (type == EntryType.OTHER) {
            listing.report(SPECIAL, name, String.format("Unix mode %06o is not a file, folder or symlink; "
                    + "unzip writes its data as a regular file", unixMode));
        }
        if (path != null) {
            bodies.put(path, e);
        }
    }

    private static EntryType typeOf(ZipArchiveEntry e, int unixMode, String pathSource) {
        switch (unixMode & TYPE_MASK) {
            case 0120000:
                return EntryType.SYMLINK;
            case 0040000:
                return EntryType.DIRECTORY;
            case 0100000:
            case 0:
                break;
            default:
                return EntryType.OTHER;
        }
        boolean dosDirectory = (e.getExternalAttributes() & 0x10) != 0 && e.getSize() == 0;
        return pathSource.endsWith("/") || dosDirectory ? EntryType.DIRECTORY : EntryType.FILE;
    }

    private static String linkTarget(ZipFile zip, ZipArchiveEntry e) throws IOException {
        if (e.getGeneralPurposeBit().usesEncryption() || !zip.canReadEntryData(e)) {
            return "";
        }
        try (InputStream in = zip.getInputStream(e)) {
            return RawName.decode(in.readNBytes(MAX_LINK_TARGET)).text();
        }
    }
}
