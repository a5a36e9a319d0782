package dev.hooklab.bundle;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Writes real bundles for tests: the same list of entries as a zip (made on Unix or on Windows), a tar,
 * a tgz or a folder. Names may be given as raw bytes to test encodings.
 */
public final class BundleFixture {

    public enum Type { FILE, DIR, SYMLINK, HARDLINK, FIFO }

    /** One entry to write. {@code rawName} overrides {@code name} as the stored bytes. */
    public record Item(Type type, String name, byte[] rawName, byte[] body, int mode, String target) {
        Item withRawName(byte[] bytes) {
            return new Item(type, new String(bytes, StandardCharsets.ISO_8859_1), bytes, body, mode, target);
        }

        public Item withMode(int newMode) {
            return new Item(type, name, rawName, body, newMode, target);
        }

        /** The name as ISO-8859-1 text of its stored bytes (what the writers are given). */
        String storedName() {
            return rawName != null ? name : new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        }
    }

    private BundleFixture() {
    }

    public static Item file(String name, String body) {
        return file(name, body, 0644);
    }

    public static Item file(String name, String body, int mode) {
        return new Item(Type.FILE, name, null, body.getBytes(StandardCharsets.UTF_8), mode, null);
    }

    public static Item file(String name, byte[] body) {
        return new Item(Type.FILE, name, null, body, 0644, null);
    }

    public static Item dir(String name) {
        return new Item(Type.DIR, name.endsWith("/") ? name : name + "/", null, new byte[0], 0755, null);
    }

    public static Item symlink(String name, String target) {
        return new Item(Type.SYMLINK, name, null, new byte[0], 0777, target);
    }

    public static Item hardlink(String name, String target) {
        return new Item(Type.HARDLINK, name, null, new byte[0], 0644, target);
    }

    public static Item fifo(String name) {
        return new Item(Type.FIFO, name, null, new byte[0], 0644, null);
    }

    /** A zip made on Unix: modes and symlinks in the external attributes. */
    public static Path zip(Path dir, String fileName, Item... items) throws IOException {
        return zip(dir, fileName, true, List.of(items));
    }

    /** A zip made on MS-DOS/Windows: no Unix modes, no links. */
    public static Path windowsZip(Path dir, String fileName, Item... items) throws IOException {
        return zip(dir, fileName, false, List.of(items));
    }

    public static Path zip(Path dir, String fileName, boolean unix, List<Item> items) throws IOException {
        Path file = dir.resolve(fileName);
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
            out.setEncoding(StandardCharsets.ISO_8859_1.name());
            out.setUseLanguageEncodingFlag(false);
            for (Item item : items) {
                ZipArchiveEntry e = new ZipArchiveEntry(item.storedName());
                if (unix) {
                    e.setUnixMode(typeBits(item.type()) | item.mode());
                }
                byte[] body = item.type() == Type.SYMLINK ? item.target().getBytes(StandardCharsets.UTF_8) : item.body();
                out.putArchiveEntry(e);
                out.write(body);
                out.closeArchiveEntry();
            }
        }
        return file;
    }

    private static int typeBits(Type type) {
        return switch (type) {
            case DIR -> 0040000;
            case SYMLINK -> 0120000;
            case FIFO -> 0010000;
            default -> 0100000;
        };
    }

    public static Path tar(Path dir, String fileName, Item... items) throws IOException {
        Path file = dir.resolve(fileName);
        try (OutputStream out = Files.newOutputStream(file)) {
            writeTar(out, List.of(items), false);
        }
        return file;
    }

    /** A tar whose non-ASCII names go into PAX headers (as GNU tar --format=posix writes them). */
    public static Path paxTar(Path dir, String fileName, Item... items) throws IOException {
        Path file = dir.resolve(fileName);
        try (OutputStream out = Files.newOutputStream(file)) {
            writeTar(out, List.of(items), true);
        }
        return file;
    }

    public static Path tgz(Path dir, String fileName, Item... items) throws IOException {
        Path file = dir.resolve(fileName);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            writeTar(out, List.of(items), false);
        }
        return file;
    }

    private static void writeTar(OutputStream raw, List<Item> items, boolean pax) throws IOException {
        TarArchiveOutputStream out = pax
                ? new TarArchiveOutputStream(raw, StandardCharsets.UTF_8.name())
                : new TarArchiveOutputStream(raw, StandardCharsets.ISO_8859_1.name());
        out.setLongFileMode(pax ? TarArchiveOutputStream.LONGFILE_POSIX : TarArchiveOutputStream.LONGFILE_GNU);
        out.setAddPaxHeadersForNonAsciiNames(pax);
        for (Item item : items) {
            String name = pax ? item.name() : item.storedName();
            TarArchiveEntry e = switch (item.type()) {
                case FILE, DIR -> new TarArchiveEntry(name, true);
                case SYMLINK -> new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
                case HARDLINK -> new TarArchiveEntry(name, TarConstants.LF_LINK, true);
                case FIFO -> new TarArchiveEntry(name, TarConstants.LF_FIFO, true);
            };
            e.setMode(item.mode());
            if (item.target() != null) {
                e.setLinkName(item.target());
            }
            if (item.type() == Type.FILE) {
                e.setSize(item.body().length);
            }
            out.putArchiveEntry(e);
            if (item.type() == Type.FILE) {
                out.write(item.body());
            }
            out.closeArchiveEntry();
        }
        out.finish();
    }

    /** The same entries as a folder (no hard links or raw names). */
    public static Path folder(Path dir, String name, Item... items) throws IOException {
        Path root = Files.createDirectories(dir.resolve(name));
        for (Item item : items) {
            Path p = root.resolve(item.name());
            Files.createDirectories(p.getParent());
            switch (item.type()) {
                case DIR -> Files.createDirectories(p);
                case FILE -> Files.write(p, item.body());
                case SYMLINK -> Files.createSymbolicLink(p, Path.of(item.target()));
                case FIFO -> run("mkfifo", p.toString());
                case HARDLINK -> Files.createLink(p, root.resolve(item.target()));
            }
            if (item.type() != Type.SYMLINK) {
                Files.setPosixFilePermissions(p, permissions(item.mode()));
            }
        }
        for (Item item : items) { // parents created implicitly got the default mode
            if (item.type() == Type.DIR) {
                Files.setPosixFilePermissions(root.resolve(item.name()), permissions(item.mode()));
            }
        }
        return root;
    }

    public static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission p : PosixFilePermission.values()) {
            if ((mode & (0400 >> p.ordinal())) != 0) {
                set.add(p);
            }
        }
        return set;
    }

    private static void run(String... command) throws IOException {
        try {
            int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + exit);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Sets the general-purpose encryption bit of an entry in both its local and central header. */
    public static void markEncrypted(Path zip, String entryName) throws IOException {
        patchHeaders(zip, entryName, (buf, flagsAt, nameAt) -> buf.putShort(flagsAt, (short) (buf.getShort(flagsAt) | 1)));
    }

    /** Makes an entry's local and central headers declare another uncompressed size (a lying header). */
    public static void declareSize(Path zip, String entryName, int size) throws IOException {
        // the uncompressed size sits 16 bytes after the flags in both headers
        patchHeaders(zip, entryName, (buf, flagsAt, nameAt) -> buf.putInt(flagsAt + 16, size));
    }

    /** Replaces an entry's stored name by another of the same length (commons-compress would rewrite '\\'). */
    static void renameEntry(Path zip, String entryName, String newName) throws IOException {
        byte[] replacement = newName.getBytes(StandardCharsets.UTF_8);
        patchHeaders(zip, entryName, (buf, flagsAt, nameAt) -> buf.put(nameAt, replacement));
    }

    private interface HeaderPatch {
        void apply(ByteBuffer buf, int flagsAt, int nameAt);
    }

    private static void patchHeaders(Path zip, String entryName, HeaderPatch patch) throws IOException {
        byte[] data = Files.readAllBytes(zip);
        ByteBuffer buf = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = entryName.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 < data.length; i++) {
            int sig = buf.getInt(i);
            int flagsAt;
            int nameAt;
            int nameLength;
            if (sig == 0x04034b50) {
                flagsAt = i + 6;
                nameLength = buf.getShort(i + 26) & 0xffff;
                nameAt = i + 30;
            } else if (sig == 0x02014b50) {
                flagsAt = i + 8;
                nameLength = buf.getShort(i + 28) & 0xffff;
                nameAt = i + 46;
            } else {
                continue;
            }
            if (nameLength == wanted.length && java.util.Arrays.equals(data, nameAt, nameAt + nameLength, wanted, 0, wanted.length)) {
                patch.apply(buf, flagsAt, nameAt);
            }
        }
        Files.write(zip, data);
    }
}
