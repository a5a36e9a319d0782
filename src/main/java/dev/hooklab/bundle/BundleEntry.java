package dev.hooklab.bundle;

import java.util.Objects;

/**
 * One entry of a revision bundle, as listed (never extracted).
 *
 * @param name       the name exactly as stored (decoded; invalid UTF-8 shows replacement characters)
 * @param path       the normalised relative path: no leading {@code ./}, no doubled or trailing {@code /};
 *                   a hostile name keeps its leading {@code /} or {@code ..} segments here and is reported as a finding
 * @param type       file, directory, symlink, hardlink or other
 * @param size       uncompressed size in bytes (0 for directories and links)
 * @param mode       Unix permission bits ({@code 07777} mask) where the archive stores them, else null
 *                   (zips made on Windows have none)
 * @param linkTarget target of a symlink or hardlink, else null
 * @param implicit   true for a directory that no entry declares but that entries sit under
 */
public record BundleEntry(String name, String path, EntryType type, long size, Integer mode, String linkTarget,
                          boolean implicit) {

    public BundleEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
    }

    public static BundleEntry file(String path, long size, Integer mode) {
        return new BundleEntry(path, path, EntryType.FILE, size, mode, null, false);
    }

    public static BundleEntry directory(String path, Integer mode) {
        return new BundleEntry(path + "/", path, EntryType.DIRECTORY, 0, mode, null, false);
    }

    public static BundleEntry symlink(String path, String target) {
        return new BundleEntry(path, path, EntryType.SYMLINK, 0, 0777, target, false);
    }

    public boolean isDirectory() {
        return type == EntryType.DIRECTORY;
    }

    public boolean isFile() {
        return type == EntryType.FILE;
    }

    /** The last path segment. */
    public String fileName() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** True when the mode has any execute bit; false when it has none or is unknown. */
    public boolean executable() {
        return mode != null && (mode & 0111) != 0;
    }
}
