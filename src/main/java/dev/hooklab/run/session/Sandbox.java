package dev.hooklab.run.session;

import dev.hooklab.run.isolation.SandboxMounts;
import dev.hooklab.run.agent.SandboxTree;
import dev.hooklab.run.agent.SandboxWrites;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Collection;
import java.util.List;

/**
 * The sandbox folder of a session: the instance's file tree (agent-behaviour.md §2.2) under one folder of this
 * machine. A folder the user names is kept; a temporary one is removed when the session closes. A
 * folder that is not empty and was not made by hooklab is refused, so nothing of the user's is lost.
 */
public final class Sandbox implements AutoCloseable {
    private static final String MARK = ".hooklab/sandbox";
    private static final String LOCK = ".hooklab/lock";

    private final Path root;
    private final boolean temporary;
    private final SandboxMounts mounts;
    private final SandboxWrites writes;
    private final SandboxLock lock;
    private boolean closed;

    private Sandbox(Path root, boolean temporary, SandboxMounts mounts, SandboxLock lock) {
        this.root = root;
        this.temporary = temporary;
        this.mounts = mounts;
        this.lock = lock;
        this.writes = new SandboxWrites(new SandboxTree(root));
    }

    /**
     * @param folder       where to keep the sandbox, or null for a temporary folder
     * @param destinations the files destinations hooks must see at their real paths
     * @param extraRoots   other instance folders the sandbox owns (a --root-dir outside /opt/codedeploy-agent)
     * @throws IOException a folder that cannot be used; a folder another run holds is refused at once, with a
     *                     message naming that run's pid
     */
    public static Sandbox open(Path folder, Collection<String> destinations, Collection<String> extraRoots)
            throws IOException {
        Path root;
        boolean temporary = folder == null;
        if (temporary) {
            root = Files.createTempDirectory("hooklab-sandbox-");
        } else {
            root = folder.toAbsolutePath().normalize();
            if (Files.exists(root, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(folder + " is not a folder");
            }
            if (Files.isDirectory(root) && !isEmpty(root) && !Files.exists(root.resolve(MARK))) {
                throw new IOException(folder + " is not empty and is not a hooklab sandbox; name an empty or new folder");
            }
            Files.createDirectories(root);
        }
        Files.createDirectories(root.resolve(MARK).getParent());
        // one run at a time: two runs in one folder would overwrite each other's files and remove each other's
        SandboxLock lock = SandboxLock.take(root.resolve(LOCK), folder == null ? root : folder);
        try {
            Files.writeString(root.resolve(MARK), "hooklab sandbox: the instance's files under one folder\n",
                    StandardCharsets.UTF_8);
            List<String> all = new java.util.ArrayList<>(destinations);
            all.addAll(extraRoots);
            return new Sandbox(root, temporary, SandboxMounts.of(root, all), lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    public Path root() {
        return root;
    }

    public boolean temporary() {
        return temporary;
    }

    public SandboxMounts mounts() {
        return mounts;
    }

    /** The instance's files in the sandbox folder, read with symlinks resolved inside it. */
    public SandboxTree tree() {
        return writes.tree();
    }

    /** The only way anything of the instance is written: never outside the sandbox folder. */
    public SandboxWrites writes() {
        return writes;
    }

    /** Where an instance path lies in the sandbox folder, lexically; for showing it, not for writing. */
    public Path host(String instancePath) {
        return tree().hostPath(instancePath);
    }

    /** Empties the folder (keeping it and its mark): a fresh instance. */
    public void reset() throws IOException {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
            for (Path child : children) {
                if (!child.getFileName().toString().equals(".hooklab")) {
                    delete(child);
                }
            }
        }
    }

    /**
     * Lets go of the folder (another run may use it) and removes it when it is temporary. Safe to call
     * from several threads and more than once (an interrupted run and its shutdown hook): the first does it.
     */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            lock.close();
        } finally {
            if (temporary) {
                delete(root);
            }
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    /**
     * Deletes a tree without following links. A hook may leave folders without permissions (mode 000,
     * or 0500 around read-only files): each folder is made rwx for its owner before it is read, and only
     * after it is known to be a real folder, never a link. Goes on past a failure and reports the first.
     */
    static void delete(Path top) throws IOException {
        IOException first = deleteTree(top, null);
        if (first != null) {
            throw first;
        }
    }

    private static IOException deleteTree(Path path, IOException first) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException e) {
            return first;
        } catch (IOException e) {
            return first != null ? first : e;
        }
        if (attrs.isDirectory()) {
            try {
                // lstat said folder: chmod cannot reach through a link here (hooks have ended)
                Files.setPosixFilePermissions(path, java.util.EnumSet.of(PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
            } catch (IOException | UnsupportedOperationException e) {
                // not ours to change (or not POSIX): try anyway
            }
            List<Path> children = new java.util.ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
                entries.forEach(children::add);
            } catch (IOException e) {
                first = first != null ? first : e;
            }
            for (Path child : children) {
                first = deleteTree(child, first);
            }
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            first = first != null ? first : e;
        }
        return first;
    }
}
