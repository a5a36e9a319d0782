package dev.hooklab.bundle;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static dev.hooklab.bundle.BundleFinding.Kind.ENCRYPTED;
import static dev.hooklab.bundle.BundleFinding.Kind.NAME_NOT_UTF8;
import static dev.hooklab.bundle.BundleFinding.Kind.SPECIAL;
import static dev.hooklab.bundle.BundleFinding.Kind.UNSUPPORTED_COMPRESSION;

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
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (CentralDirectory.Header h : CentralDirectory.read(channel)) {
                add(channel, h, listing, bodies);
            }
        }
        return bodies;
    }

    private void add(FileChannel channel, CentralDirectory.Header h, Listing listing, ZipBodies bodies)
            throws IOException {
        boolean unicodeExtra = h.unicodePath() != null;
        RawName raw = RawName.decode(h.rawName());
        String name = unicodeExtra ? h.unicodePath() : raw.text();
        boolean fromDos = h.platform() == PLATFORM_FAT;
        // Info-ZIP unzip takes a backslash for a separator only in names made on MS-DOS/Windows that hold no '/'
        // ("appears to use backslashes as path separators", exit 1, which makes the agent retry with rubyzip)
        String pathSource = fromDos && name.indexOf('/') < 0 ? name.replace('\\', '/') : name;
        int unixMode = h.unixMode();
        Integer mode = unixMode != 0 ? unixMode & 07777 : null;
        EntryType type = typeOf(h, unixMode, pathSource);
        String link = type == EntryType.SYMLINK ? linkTarget(channel, h) : null;
        long size = type == EntryType.FILE || type == EntryType.OTHER ? h.size() : 0;
        String path = listing.add(name, pathSource, type, size, mode, link);
        if (!raw.utf8() && !unicodeExtra) {
            listing.report(NAME_NOT_UTF8, name, "name bytes are not valid UTF-8 (" + raw.describeBytes() + ")"
                    + (h.utf8Flag() ? " although the entry is flagged UTF-8" : "")
                    + (fromDos ? "; unzip converts them from the DOS code page" : "; unzip writes these bytes unchanged")
                    + ", so a path typed in UTF-8 does not match it");
        }
        if (h.encrypted()) {
            listing.report(ENCRYPTED, name, "encrypted: unzip -qo cannot get a password, skips it (\"unable to get password\") "
                    + "and exits 5, so the agent extracts the whole zip again with rubyzip, which has no password either");
        }
        boolean hasData = type == EntryType.FILE || type == EntryType.OTHER || type == EntryType.SYMLINK;
        if (hasData && !h.encrypted() && !ZipMethods.agentReads(h.method())) {
            listing.report(UNSUPPORTED_COMPRESSION, name, ZipMethods.unsupported(h.method()));
        }
        if (type == EntryType.OTHER) {
            listing.report(SPECIAL, name, String.format("Unix mode %06o is not a file, folder or symlink; "
                    + "unzip writes its data as a regular file", unixMode));
        }
        if (path != null) {
            bodies.put(path, name, h, type == EntryType.FILE || type == EntryType.OTHER);
        }
    }

    private static EntryType typeOf(CentralDirectory.Header h, int unixMode, String pathSource) {
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
        boolean dosDirectory = (h.externalAttributes() & 0x10) != 0 && h.size() == 0;
        return pathSource.endsWith("/") || dosDirectory ? EntryType.DIRECTORY : EntryType.FILE;
    }

    private static String linkTarget(FileChannel channel, CentralDirectory.Header h) throws IOException {
        if (h.encrypted()) {
            return "";
        }
        byte[] body = ZipBodies.read(channel, new String(h.rawName(), java.nio.charset.StandardCharsets.ISO_8859_1),
                h, MAX_LINK_TARGET);
        return body == null ? "" : RawName.decode(body).text();
    }
}
