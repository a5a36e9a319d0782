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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * A revision written by tests as real files: one list of entries, written as a folder, a zip (made on Unix or
 * on Windows), a tar (plain or with PAX names) or a tgz. Immutable: every call returns a new revision.
 * <p>
 * {@link #empty()} writes archives the way {@code zip -r} and {@code tar c} do, with a directory entry for
 * every parent folder; {@link #exact()} writes exactly the entries listed, in their order (a hand-made
 * archive), which is what the reader tests need. Names may be given as raw bytes to test encodings.
 */
public final class TestRevision {
    /** A bash script that does nothing harmful. */
    public static final String BASH = "#!/bin/bash\nset -e\necho done\n";

    public enum Type { FILE, DIR, SYMLINK, HARDLINK, FIFO }

    /** One entry. {@code rawName}, when set, is the stored name's bytes; directory names end in '/'. */
    public record Entry(Type type, String name, byte[] rawName, byte[] body, int mode, String target) {
        /** The name as ISO-8859-1 text of its stored bytes (what the writers are given). */
        String storedName() {
            return rawName != null ? name : new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        }
    }

    private final List<Entry> entries;
    private final boolean parents;

    private TestRevision(List<Entry> entries, boolean parents) {
        this.entries = List.copyOf(entries);
        this.parents = parents;
    }

    /** No entries yet; archives get a directory entry for every parent folder, as {@code zip -r} writes them. */
    public static TestRevision empty() {
        return new TestRevision(List.of(), true);
    }

    /** No entries yet; archives hold exactly the entries listed, in order, and no implied parent folders. */
    public static TestRevision exact() {
        return new TestRevision(List.of(), false);
    }

    /** The seed story's AppSpec: everything installed to /var/app/current, AfterInstall named by that path. */
    public static final String SEED_STORY_APPSPEC = """
            version: 0.0
            os: linux
            files:
              - source: /
                destination: /var/app/current
            hooks:
              AfterInstall:
                - location: /var/app/current/start_aplication.sh
                  timeout: 180
            """;

    /** The seed story as a revision: its AppSpec and start_aplication.sh at the root. */
    public static TestRevision seedStory() {
        return withAppSpec(SEED_STORY_APPSPEC).script("start_aplication.sh");
    }

    /** A revision with this appspec.yml at its root. */
    public static TestRevision withAppSpec(String yaml) {
        return empty().file("appspec.yml", yaml);
    }

    private TestRevision plus(Entry entry) {
        List<Entry> next = new ArrayList<>(entries);
        next.add(entry);
        return new TestRevision(next, parents);
    }

    public TestRevision file(String name, String body) {
        return file(name, body, 0644);
    }

    public TestRevision file(String name, String body, int mode) {
        return file(name, body.getBytes(StandardCharsets.UTF_8), mode);
    }

    public TestRevision file(String name, byte[] body) {
        return file(name, body, 0644);
    }

    public TestRevision file(String name, byte[] body, int mode) {
        return plus(new Entry(Type.FILE, name, null, body, mode, null));
    }

    /** A file whose stored name is exactly these bytes (for encoding tests). */
    public TestRevision rawFile(byte[] rawName, String body) {
        return plus(new Entry(Type.FILE, new String(rawName, StandardCharsets.ISO_8859_1), rawName,
                body.getBytes(StandardCharsets.UTF_8), 0644, null));
    }

    /** An executable bash script (mode 0755). */
    public TestRevision script(String name) {
        return file(name, BASH, 0755);
    }

    public TestRevision script(String name, String body) {
        return file(name, body, 0755);
    }

    public TestRevision dir(String name) {
        return dir(name, 0755);
    }

    public TestRevision dir(String name, int mode) {
        return plus(new Entry(Type.DIR, name.endsWith("/") ? name : name + "/", null, new byte[0], mode, null));
    }

    public TestRevision symlink(String name, String target) {
        return plus(new Entry(Type.SYMLINK, name, null, new byte[0], 0777, target));
    }

    public TestRevision hardlink(String name, String target) {
        return plus(new Entry(Type.HARDLINK, name, null, new byte[0], 0644, target));
    }

    public TestRevision fifo(String name) {
        return plus(new Entry(Type.FIFO, name, null, new byte[0], 0644, null));
    }

    /** The same entries inside one top-level folder (as a zip of the folder rather than of its contents). */
    public TestRevision under(String folder) {
        List<Entry> next = new ArrayList<>();
        for (Entry e : entries) {
            byte[] raw = e.rawName() == null ? null : (folder + "/" + e.name()).getBytes(StandardCharsets.ISO_8859_1);
            String target = e.type() == Type.HARDLINK ? folder + "/" + e.target() : e.target();
            next.add(new Entry(e.type(), folder + "/" + e.name(), raw, e.body(), e.mode(), target));
        }
        return new TestRevision(next, parents);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The revision as a folder {@code dir/name} (raw names are not supported there). */
    public Path folder(Path dir, String name) throws IOException {
        Path root = Files.createDirectories(dir.resolve(name));
        for (Entry e : entries) {
            Path p = root.resolve(e.name());
            Files.createDirectories(p.getParent());
            switch (e.type()) {
                case DIR -> Files.createDirectories(p);
                case FILE -> Files.write(p, e.body());
                case SYMLINK -> Files.createSymbolicLink(p, Path.of(e.target()));
                case FIFO -> run("mkfifo", p.toString());
                case HARDLINK -> Files.createLink(p, root.resolve(e.target()));
            }
            if (e.type() != Type.SYMLINK) {
                Files.setPosixFilePermissions(p, permissions(e.mode()));
            }
        }
        for (Entry e : entries) { // parents created implicitly got the default mode
            if (e.type() == Type.DIR) {
                Files.setPosixFilePermissions(root.resolve(e.name()), permissions(e.mode()));
            }
        }
        return root;
    }

    /** A zip made on Unix: modes and symlinks in the external attributes. */
    public Path zip(Path dir, String fileName) throws IOException {
        return zip(dir, fileName, true);
    }

    /** A zip made on MS-DOS/Windows: no Unix modes, no links. */
    public Path windowsZip(Path dir, String fileName) throws IOException {
        return zip(dir, fileName, false);
    }

    private Path zip(Path dir, String fileName, boolean unix) throws IOException {
        Path file = dir.resolve(fileName);
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
            out.setEncoding(StandardCharsets.ISO_8859_1.name());
            out.setUseLanguageEncodingFlag(false);
            for (Entry e : written()) {
                ZipArchiveEntry z = new ZipArchiveEntry(e.storedName());
                if (unix) {
                    z.setUnixMode(typeBits(e.type()) | e.mode());
                }
                out.putArchiveEntry(z);
                out.write(e.type() == Type.SYMLINK ? e.target().getBytes(StandardCharsets.UTF_8) : e.body());
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

    public Path tar(Path dir, String fileName) throws IOException {
        Path file = dir.resolve(fileName);
        try (OutputStream out = Files.newOutputStream(file)) {
            writeTar(out, false);
        }
        return file;
    }

    /** A tar whose non-ASCII names go into PAX headers (as GNU tar --format=posix writes them). */
    public Path paxTar(Path dir, String fileName) throws IOException {
        Path file = dir.resolve(fileName);
        try (OutputStream out = Files.newOutputStream(file)) {
            writeTar(out, true);
        }
        return file;
    }

    public Path tgz(Path dir, String fileName) throws IOException {
        Path file = dir.resolve(fileName);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            writeTar(out, false);
        }
        return file;
    }

    private void writeTar(OutputStream raw, boolean pax) throws IOException {
        TarArchiveOutputStream out = new TarArchiveOutputStream(raw,
                (pax ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).name());
        out.setLongFileMode(pax ? TarArchiveOutputStream.LONGFILE_POSIX : TarArchiveOutputStream.LONGFILE_GNU);
        out.setAddPaxHeadersForNonAsciiNames(pax);
        for (Entry e : written()) {
            String name = pax ? e.name() : e.storedName();
            TarArchiveEntry t = switch (e.type()) {
                case FILE, DIR -> new TarArchiveEntry(name, true);
                case SYMLINK -> new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
                case HARDLINK -> new TarArchiveEntry(name, TarConstants.LF_LINK, true);
                case FIFO -> new TarArchiveEntry(name, TarConstants.LF_FIFO, true);
            };
            t.setMode(e.mode());
            if (e.target() != null) {
                t.setLinkName(e.target());
            }
            if (e.type() == Type.FILE) {
                t.setSize(e.body().length);
            }
            out.putArchiveEntry(t);
            if (e.type() == Type.FILE) {
                out.write(e.body());
            }
            out.closeArchiveEntry();
        }
        out.finish();
    }

    /** The entries an archive holds: as listed, or each preceded by entries for parents not listed yet. */
    private List<Entry> written() {
        if (!parents) {
            return entries;
        }
        Set<String> dirs = new LinkedHashSet<>();
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            String[] parts = e.name().split("/");
            StringBuilder path = new StringBuilder();
            for (int k = 0; k < parts.length - 1; k++) {
                path.append(parts[k]).append('/');
                if (dirs.add(path.toString())) {
                    out.add(new Entry(Type.DIR, path.toString(), null, new byte[0], 0755, null));
                }
            }
            if (e.type() != Type.DIR || dirs.add(e.name())) {
                out.add(e);
            }
        }
        return out;
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

    /** Sets the general-purpose encryption bit of a zip entry in both its local and central header. */
    public static void markEncrypted(Path zip, String entryName) throws IOException {
        patchHeaders(zip, entryName, (buf, flagsAt, nameAt) -> buf.putShort(flagsAt, (short) (buf.getShort(flagsAt) | 1)));
    }

    /** Makes a zip entry's local and central headers declare another uncompressed size (a lying header). */
    public static void declareSize(Path zip, String entryName, int size) throws IOException {
        // the uncompressed size sits 16 bytes after the flags in both headers
        patchHeaders(zip, entryName, (buf, flagsAt, nameAt) -> buf.putInt(flagsAt + 16, size));
    }

    /** Replaces a zip entry's stored name by another of the same length (commons-compress would rewrite '\\'). */
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
            if (nameLength == wanted.length && Arrays.equals(data, nameAt, nameAt + nameLength, wanted, 0, wanted.length)) {
                patch.apply(buf, flagsAt, nameAt);
            }
        }
        Files.write(zip, data);
    }
}
