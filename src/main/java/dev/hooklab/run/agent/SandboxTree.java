package dev.hooklab.run.agent;

import dev.hooklab.bundle.InsideFolder;
import dev.hooklab.plan.ArchiveTree;
import dev.hooklab.plan.InstanceFiles;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The instance's file tree inside a sandbox folder: the instance path {@code /x/y} is {@code SANDBOX/x/y}.
 *
 * <p>Symlinks found in the sandbox are read, never followed by this machine: their targets are taken as
 * instance paths, as the instance's kernel would take them. An absolute target starts again at the sandbox
 * folder (a target that names a place inside the sandbox folder by its host path counts as that place), and
 * {@code ..} stops at the sandbox folder as it stops at {@code /}. So {@code /var/www/current -> releases/5}
 * works as on an instance, and no link, however hostile, leads out of the sandbox.
 *
 * <p>This class only reads; {@link SandboxWrites} makes every change, through {@link #locate}.
 */
public final class SandboxTree {
    /** Linux's limit of symlinks followed while resolving one path (ELOOP beyond). */
    static final int MAX_LINKS = 40;
    private static final String LOOP = "Too many levels of symbolic links";
    /** The system folders every fresh instance has. */
    static final InstanceFiles FRESH = InstanceFiles.FRESH_LINUX;

    private final Path root;
    private final Path realRoot;
    /** Resolved folders (joined segments) that lstat showed to be real directories; null when not caching. */
    private final Set<String> knownFolders;

    /** @param root the sandbox folder; it must exist */
    public SandboxTree(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            this.realRoot = this.root.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("the sandbox folder does not exist: " + this.root, e);
        }
        this.knownFolders = null;
    }

    private SandboxTree(SandboxTree of) {
        this.root = of.root;
        this.realRoot = of.realRoot;
        this.knownFolders = new HashSet<>();
    }

    /**
     * The same tree, remembering every folder {@link #locate} has seen to be a real directory (not a link), so
     * that a path below it is not looked at again from the sandbox folder down. Only for a phase in which no
     * hook runs and nothing removes, renames or replaces a folder (the Install step's planning and copying):
     * a folder seen once is still the same folder then. Not thread-safe.
     */
    public SandboxTree withFolderCache() {
        return new SandboxTree(this);
    }

    public Path root() {
        return root;
    }

    /**
     * Where an instance path lies in the sandbox, lexically ({@code .} and {@code ..} resolved, {@code ..}
     * stopping at {@code /}); no symlink is looked at. For showing paths, not for writing.
     *
     * @throws IllegalArgumentException for a path that is not absolute or holds a NUL character
     */
    public Path hostPath(String instancePath) {
        return inside(lexical(instancePath));
    }

    /** An instance path normalised lexically: {@code .} and {@code ..} resolved, {@code ..} stopping at {@code /}. */
    public String normalize(String instancePath) {
        return "/" + String.join("/", lexical(instancePath));
    }

    /**
     * Resolves an instance path in the sandbox as the instance would: every symlink on the way is read and
     * its target followed inside the sandbox; the last component's symlink only when {@code followFinal}.
     * A missing component ends the resolution (the rest is appended as written).
     *
     * @throws IOException              when symlinks loop (ELOOP) or a folder cannot be read
     * @throws IllegalArgumentException for a path that is not absolute or holds a NUL character
     */
    public SandboxFile locate(String instancePath, boolean followFinal) throws IOException {
        Deque<String> pending = new ArrayDeque<>(segments(instancePath));
        List<String> done = new ArrayList<>();
        int links = 0;
        boolean missing = false;
        while (!pending.isEmpty()) {
            String segment = pending.pollFirst();
            if (!step(done, segment) || missing || pending.isEmpty() && !followFinal) {
                continue;
            }
            String key = knownFolders == null ? null : String.join("/", done);
            if (key != null && knownFolders.contains(key)) {
                continue;
            }
            Path host = inside(done);
            BasicFileAttributes attributes = lstat(host);
            if (attributes == null) {
                missing = true;
            } else if (attributes.isDirectory()) {
                if (key != null) {
                    knownFolders.add(key);
                }
            } else if (attributes.isSymbolicLink()) {
                if (++links > MAX_LINKS) {
                    throw new FileSystemException(instancePath, null, LOOP);
                }
                String target = Files.readSymbolicLink(host).toString();
                done.remove(done.size() - 1);
                if (target.startsWith("/")) {
                    done.clear();
                    target = instancePathOf(target);
                }
                List<String> next = split(target);
                for (int i = next.size() - 1; i >= 0; i--) {
                    pending.addFirst(next.get(i));
                }
            }
        }
        return new SandboxFile("/" + String.join("/", done), inside(done));
    }

    /** {@code File.exist?}: follows symlinks; false when they loop. */
    public boolean exists(String instancePath) {
        try {
            return Files.exists(locate(instancePath, true).host(), LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code File.directory?}: follows symlinks. */
    public boolean isDirectory(String instancePath) {
        try {
            return Files.isDirectory(locate(instancePath, true).host(), LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code File.file?}: a regular file, symlinks followed (a FIFO, socket or device is not). */
    public boolean isRegularFile(String instancePath) {
        try {
            return Files.isRegularFile(locate(instancePath, true).host(), LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code File.symlink?}: the last component itself is a symlink. */
    public boolean isSymlink(String instancePath) {
        try {
            return Files.isSymbolicLink(locate(instancePath, false).host());
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code File.readlink}: the link's target as written. */
    public String readLink(String instancePath) throws IOException {
        return Files.readSymbolicLink(locate(instancePath, false).host()).toString();
    }

    /** The names inside a directory (symlinks followed to it), sorted. */
    public List<String> list(String instancePath) throws IOException {
        try (Stream<Path> children = Files.list(locate(instancePath, true).host())) {
            return children.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** {@code File.read}: the bytes of a regular file, symlinks followed. */
    public byte[] read(String instancePath) throws IOException {
        try (java.io.InputStream in = open(instancePath)) {
            return in.readAllBytes();
        }
    }

    /**
     * A regular file opened for reading, symlinks followed inside the sandbox. A FIFO, socket or device (which a
     * hook may have put there) is refused without being opened: it could block hooklab or show it another disk.
     */
    public java.io.InputStream open(String instancePath) throws IOException {
        SandboxFile f = locate(instancePath, true);
        BasicFileAttributes attributes = lstat(f.host());
        if (attributes != null && !attributes.isRegularFile()) {
            throw new FileSystemException(instancePath, null, attributes.isDirectory() ? "Is a directory"
                    : "Not a regular file (a FIFO, socket or device)");
        }
        return Files.newInputStream(f.host(), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * What exists on the instance for the Install planner: what exists in the sandbox, plus the usual system
     * folders of a fresh instance ({@link InstanceFiles#FRESH_LINUX}), which {@link SandboxWrites} creates
     * physically when something is put into them.
     */
    public InstanceFiles instanceFiles() {
        return new InstanceFiles() {
            @Override
            public boolean exists(String absolutePath) {
                return FRESH.exists(absolutePath) || SandboxTree.this.exists(absolutePath);
            }

            @Override
            public boolean isDirectory(String absolutePath) {
                return FRESH.isDirectory(absolutePath) || SandboxTree.this.isDirectory(absolutePath);
            }
        };
    }

    /** The extracted revision at {@code archiveDir} (an instance path) as the Install step looks at it. */
    public ArchiveTree archive(String archiveDir) {
        return new SandboxArchive(this, archiveDir);
    }

    private static List<String> lexical(String instancePath) {
        List<String> done = new ArrayList<>();
        for (String segment : segments(instancePath)) {
            step(done, segment);
        }
        return done;
    }

    static List<String> segments(String instancePath) {
        if (instancePath == null || !instancePath.startsWith("/")) {
            throw new IllegalArgumentException("not an absolute instance path: " + instancePath);
        }
        if (instancePath.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an instance path cannot hold a NUL character");
        }
        return split(instancePath);
    }

    private static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }

    /** Applies one segment; false for '.' and '..', which name nothing new to look at. */
    private static boolean step(List<String> done, String segment) {
        if (segment.equals(".")) {
            return false;
        }
        if (segment.equals("..")) {
            if (!done.isEmpty()) {
                done.remove(done.size() - 1);
            }
            return false;
        }
        done.add(segment);
        return true;
    }

    private Path inside(List<String> segments) {
        return InsideFolder.resolve(root, String.join("/", segments)).orElseThrow(() ->
                new IllegalArgumentException("the path leaves the sandbox folder: /" + String.join("/", segments)));
    }

    /** An absolute link target as an instance path: host paths into the sandbox folder are mapped back. */
    private String instancePathOf(String absoluteTarget) {
        Path target = Path.of(absoluteTarget).normalize();
        for (Path base : List.of(root, realRoot)) {
            if (target.startsWith(base)) {
                return "/" + base.relativize(target);
            }
        }
        return absoluteTarget;
    }

    /** The attributes of the path itself, or null when it (or a folder on the way) does not exist. */
    private static BasicFileAttributes lstat(Path host) throws IOException {
        try {
            return Files.readAttributes(host, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (FileSystemException e) {
            if ("Not a directory".equals(e.getReason())) {
                return null;
            }
            throw e;
        }
    }
}
