package dev.hooklab.bundle.extract;

import dev.hooklab.bundle.InsideFolder;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;

/**
 * deployment-archive on disk as extraction writes it. Every path is checked to stay inside after
 * normalisation; files and directories are created new, never through an existing link; modes are
 * set without following links. {@link #empty()} is the agent's {@code rm -rf} before unpacking, and
 * {@link #discard()} takes away a failed extraction.
 */
final class ArchiveFolder {
    private static final LinkOption NO_FOLLOW = LinkOption.NOFOLLOW_LINKS;
    private static final Set<OpenOption> CREATE_FILE = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, NO_FOLLOW);

    private static final Path PROCESS_STATUS = Path.of("/proc/self/status");
    private static final int OWNER_READ_WRITE = 0600;

    private final Path root;
    private final boolean unixModes;
    private final int umask;
    private boolean created;

    ArchiveFolder(Path dir) {
        this.root = dir.toAbsolutePath().normalize();
        this.unixModes = root.getFileSystem().supportedFileAttributeViews().contains("unix");
        this.umask = unixModes ? processUmask() : -1;
    }

    /** The process's file-creation mask (Linux tells it in /proc), or -1 when unknown. */
    private static int processUmask() {
        try {
            for (String line : Files.readAllLines(PROCESS_STATUS)) {
                if (line.startsWith("Umask:")) {
                    return Integer.parseInt(line.substring("Umask:".length()).trim(), 8);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or an old kernel: modes are then always set after creation
        }
        return -1;
    }

    Path root() {
        return root;
    }

    /** Removes everything inside deployment-archive without following links; a file or link in its place goes too. */
    void empty() throws IOException {
        if (Files.isDirectory(root, NO_FOLLOW)) {
            deleteContents(root);
        } else {
            Files.deleteIfExists(root);
        }
    }

    /** The bytes free for this user on the file system that holds, or will hold, deployment-archive. */
    long usableSpace() throws IOException {
        Path existing = root;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing == null ? Long.MAX_VALUE : Files.getFileStore(existing).getUsableSpace();
    }

    /** Creates deployment-archive and its missing parents. */
    void create() throws IOException {
        if (!Files.isDirectory(root, NO_FOLLOW)) {
            Files.createDirectories(root);
            created = true;
        }
    }

    /** The absolute path of a relative one, refused when it does not stay strictly inside after normalisation. */
    Path resolve(String relative) throws IOException {
        return InsideFolder.resolve(root, relative).filter(inside -> !inside.equals(root))
                .orElseThrow(() -> new IOException("'" + relative + "' would land outside deployment-archive"));
    }

    /** A new directory; its parent must exist (a link in its place makes it fail, nothing is followed). */
    void createDirectory(String relative) throws IOException {
        Files.createDirectory(resolve(relative));
    }

    /**
     * A new regular file open for writing, created with its permission bits (and owner read and write,
     * so that {@link #finishFile} can still reach it); fails if anything, a link included, is already there.
     */
    FileChannel createFile(String relative, FileMode mode) throws IOException {
        FileMode created = new FileMode(mode.bits() | OWNER_READ_WRITE, mode.declared());
        return FileChannel.open(resolve(relative), CREATE_FILE, PosixFilePermissions.asFileAttribute(created.permissions()));
    }

    /**
     * Completes a written file: its modification time when known, then its mode unless creating it gave
     * it already (the usual case: no set-id or sticky bit, owner read and write, nothing the umask removes),
     * which saves three system calls per file.
     */
    void finishFile(String relative, FileMode mode, FileTime modified) throws IOException {
        if (modified != null) {
            Files.getFileAttributeView(resolve(relative), BasicFileAttributeView.class, NO_FOLLOW).setTimes(modified, modified, null);
        }
        int bits = mode.bits();
        if (umask < 0 || (bits & (umask | 07000)) != 0 || (bits & OWNER_READ_WRITE) != OWNER_READ_WRITE) {
            setMode(relative, mode);
        }
    }

    void createSymlink(String relative, String target) throws IOException {
        Files.createSymbolicLink(resolve(relative), Path.of(target));
    }

    /** A hard link to a file already written inside deployment-archive. */
    void createHardLink(String relative, String existing) throws IOException {
        Files.createLink(resolve(relative), resolve(existing));
    }

    /** Applies a mode to a path extraction created, without following a link there. */
    void setMode(String relative, FileMode mode) throws IOException {
        setMode(resolve(relative), mode);
    }

    /** The mode of deployment-archive itself (the agent moves a stripped top folder into its place). */
    void setRootMode(FileMode mode) throws IOException {
        setMode(root, mode);
    }

    private void setMode(Path p, FileMode mode) throws IOException {
        if (unixModes) {
            Files.setAttribute(p, "unix:mode", mode.bits(), NO_FOLLOW);
        } else {
            Files.setPosixFilePermissions(p, mode.permissions());
        }
    }

    /** After a failure: nothing stays behind, and deployment-archive goes too when extraction created it. */
    void discard() throws IOException {
        if (created) {
            if (Files.isDirectory(root, NO_FOLLOW)) {
                deleteContents(root);
            }
            Files.deleteIfExists(root);
        } else {
            empty();
        }
    }

    /** Deletes everything below {@code top} (never following links), depth first with a stack: any depth will do. */
    private static void deleteContents(Path top) throws IOException {
        Deque<Path> open = new ArrayDeque<>();
        open.push(top);
        while (!open.isEmpty()) {
            Path dir = open.peek();
            openUp(dir);
            boolean hasFolders = false;
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                for (Path child : stream) {
                    if (Files.isDirectory(child, NO_FOLLOW)) {
                        open.push(child);
                        hasFolders = true;
                    } else {
                        Files.delete(child);
                    }
                }
            }
            if (!hasFolders) {
                open.pop();
                if (dir != top) {
                    Files.delete(dir);
                }
            }
        }
    }

    /** A read-only or unreadable directory is opened up for its owner first (as root this never matters). */
    private static void openUp(Path dir) throws IOException {
        if (!Files.isReadable(dir) || !Files.isWritable(dir) || !Files.isExecutable(dir)) {
            Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
            perms.addAll(Files.getPosixFilePermissions(dir, NO_FOLLOW));
            perms.addAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
            Files.setPosixFilePermissions(dir, perms);
        }
    }
}
