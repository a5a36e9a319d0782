package dev.hooklab.cli;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * A revision written by tests as real files: the same entries as a folder, a zip (made on Unix or on
 * Windows), a tar or a tgz. Archives carry a directory entry for every parent folder, as {@code zip -r}
 * and {@code tar c} write them. Immutable: every call returns a new revision.
 */
public final class TestRevision {
    /** A bash script that does nothing harmful. */
    public static final String BASH = "#!/bin/bash\nset -e\necho done\n";

    /** One file or folder: a path relative to the archive root, its bytes and its Unix permission bits. */
    public record Item(String name, byte[] body, int mode, boolean directory) {
    }

    private final List<Item> items;

    private TestRevision(List<Item> items) {
        this.items = List.copyOf(items);
    }

    public static TestRevision empty() {
        return new TestRevision(List.of());
    }

    /** A revision with this appspec.yml at its root. */
    public static TestRevision withAppSpec(String yaml) {
        return empty().file("appspec.yml", yaml);
    }

    public TestRevision file(String name, String body) {
        return file(name, body.getBytes(StandardCharsets.UTF_8), 0644);
    }

    public TestRevision file(String name, String body, int mode) {
        return file(name, body.getBytes(StandardCharsets.UTF_8), mode);
    }

    public TestRevision file(String name, byte[] body, int mode) {
        List<Item> next = new ArrayList<>(items);
        next.add(new Item(name, body, mode, false));
        return new TestRevision(next);
    }

    /** An executable bash script (mode 0755). */
    public TestRevision script(String name) {
        return file(name, BASH, 0755);
    }

    public TestRevision script(String name, String body) {
        return file(name, body, 0755);
    }

    public TestRevision dir(String name) {
        List<Item> next = new ArrayList<>(items);
        next.add(new Item(name.replaceAll("/+$", ""), new byte[0], 0755, true));
        return new TestRevision(next);
    }

    /** The same entries inside one top-level folder (as a zip of the folder rather than of its contents). */
    public TestRevision under(String folder) {
        List<Item> next = new ArrayList<>();
        for (Item i : items) {
            next.add(new Item(folder + "/" + i.name(), i.body(), i.mode(), i.directory()));
        }
        return new TestRevision(next);
    }

    public List<Item> items() {
        return items;
    }

    /** The revision as a folder {@code dir/name}. */
    public Path folder(Path dir, String name) throws IOException {
        Path root = Files.createDirectories(dir.resolve(name));
        for (Item item : items) {
            Path p = root.resolve(item.name());
            if (item.directory()) {
                Files.createDirectories(p);
            } else {
                Files.createDirectories(p.getParent());
                Files.write(p, item.body());
            }
            Files.setPosixFilePermissions(p, permissions(item.mode()));
        }
        return root;
    }

    /** A zip made on Unix: modes in the external attributes. */
    public Path zip(Path dir, String fileName) throws IOException {
        return zip(dir, fileName, true);
    }

    /** A zip made on Windows: no Unix modes at all. */
    public Path windowsZip(Path dir, String fileName) throws IOException {
        return zip(dir, fileName, false);
    }

    private Path zip(Path dir, String fileName, boolean unix) throws IOException {
        Path file = dir.resolve(fileName);
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
            for (Item item : withParents()) {
                ZipArchiveEntry e = new ZipArchiveEntry(item.directory() ? item.name() + "/" : item.name());
                if (unix) {
                    e.setUnixMode((item.directory() ? 0040000 : 0100000) | item.mode());
                }
                out.putArchiveEntry(e);
                if (!item.directory()) {
                    out.write(item.body());
                }
                out.closeArchiveEntry();
            }
        }
        return file;
    }

    public Path tar(Path dir, String fileName) throws IOException {
        Path file = dir.resolve(fileName);
        try (OutputStream out = Files.newOutputStream(file)) {
            writeTar(out);
        }
        return file;
    }

    public Path tgz(Path dir, String fileName) throws IOException {
        Path file = dir.resolve(fileName);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            writeTar(out);
        }
        return file;
    }

    private void writeTar(OutputStream raw) throws IOException {
        TarArchiveOutputStream out = new TarArchiveOutputStream(raw, StandardCharsets.UTF_8.name());
        out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        for (Item item : withParents()) {
            TarArchiveEntry e = new TarArchiveEntry(item.directory() ? item.name() + "/" : item.name(), true);
            e.setMode((item.directory() ? 0040000 : 0100000) | item.mode());
            if (!item.directory()) {
                e.setSize(item.body().length);
            }
            out.putArchiveEntry(e);
            if (!item.directory()) {
                out.write(item.body());
            }
            out.closeArchiveEntry();
        }
        out.finish();
    }

    /** The items, each preceded by directory entries for parents not listed yet. */
    private List<Item> withParents() {
        Set<String> dirs = new LinkedHashSet<>();
        List<Item> out = new ArrayList<>();
        for (Item item : items) {
            String[] parts = item.name().split("/");
            StringBuilder path = new StringBuilder();
            for (int k = 0; k < parts.length - 1; k++) {
                path.append(k == 0 ? "" : "/").append(parts[k]);
                if (dirs.add(path.toString())) {
                    out.add(new Item(path.toString(), new byte[0], 0755, true));
                }
            }
            if (item.directory()) {
                if (dirs.add(item.name())) {
                    out.add(item);
                }
            } else {
                out.add(item);
            }
        }
        return out;
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission p : PosixFilePermission.values()) {
            if ((mode & (0400 >> p.ordinal())) != 0) {
                set.add(p);
            }
        }
        return set;
    }
}
