package dev.hooklab.run.session;

import dev.hooklab.run.SandboxMounts;
import dev.hooklab.run.agent.SandboxTree;
import dev.hooklab.run.agent.SandboxWrites;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.List;

/**
 * The sandbox folder of a session: the instance's file tree (agent-behaviour.md §2.2) under one folder of this
 * machine. A folder the user names is kept; a temporary one is removed when the session closes. A
 * folder that is not empty and was not made by hooklab is refused, so nothing of the user's is lost.
 */
public final class Sandbox implements AutoCloseable {
    private static final String MARK = ".hooklab/sandbox";

    private final Path root;
    private final boolean temporary;
    private final SandboxMounts mounts;
    private final SandboxWrites writes;

    private Sandbox(Path root, boolean temporary, SandboxMounts mounts) {
        this.root = root;
        this.temporary = temporary;
        this.mounts = mounts;
        this.writes = new SandboxWrites(new SandboxTree(root));
    }

    /**
     * @param folder       where to keep the sandbox, or null for a temporary folder
     * @param destinations the files destinations hooks must see at their real paths
     * @param extraRoots   other instance folders the sandbox owns (a --root-dir outside /opt/codedeploy-agent)
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
        Files.writeString(root.resolve(MARK), "hooklab sandbox: the instance's files under one folder\n",
                StandardCharsets.UTF_8);
        List<String> all = new java.util.ArrayList<>(destinations);
        all.addAll(extraRoots);
        return new Sandbox(root, temporary, SandboxMounts.of(root, all));
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

    @Override
    public void close() throws IOException {
        if (temporary) {
            delete(root);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    /** Deletes a tree without following links, making read-only folders writable on the way. */
    static void delete(Path top) throws IOException {
        if (!Files.exists(top, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                dir.toFile().setWritable(true, true);
                dir.toFile().setExecutable(true, true);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
