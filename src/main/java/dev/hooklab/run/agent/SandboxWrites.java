package dev.hooklab.run.agent;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

/**
 * Every change hooklab makes in a sandbox folder. Each operation takes an instance path, resolves it with
 * {@link SandboxTree#locate} (symlinks read and resolved inside the sandbox, the last component followed
 * or not as the Ruby call being emulated does) and acts on the result with {@code NOFOLLOW_LINKS}, so this
 * machine never follows a symlink and nothing is written outside the sandbox folder.
 *
 * <p>Failures are {@link IOException}s; messages built from them must use instance paths (see
 * {@link RubyErrno}), never the host paths inside the exceptions.
 */
public final class SandboxWrites {
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final SandboxTree tree;

    public SandboxWrites(SandboxTree tree) {
        this.tree = tree;
    }

    public SandboxTree tree() {
        return tree;
    }

    /** {@code Dir.mkdir}: a symlink as the last component is not followed (EEXIST). */
    public SandboxFile createDirectory(String dir) throws IOException {
        SandboxFile f = tree.locate(dir, false);
        provideSystemFolders(f.instancePath());
        Files.createDirectory(f.host());
        return f;
    }

    /** {@code FileUtils.mkdir_p}. */
    public void createDirectories(String dir) throws IOException {
        StringBuilder prefix = new StringBuilder();
        for (String segment : SandboxTree.segments(dir)) {
            prefix.append('/').append(segment);
            if (!tree.isDirectory(prefix.toString())) {
                createDirectory(prefix.toString());
            }
        }
    }

    /** {@code File.open(path, 'w')}: creates or truncates; a symlink as the last component is followed. */
    public OutputStream openForWriting(String path) throws IOException {
        SandboxFile f = tree.locate(path, true);
        provideSystemFolders(f.instancePath());
        return Files.newOutputStream(f.host(), CREATE, TRUNCATE_EXISTING, WRITE, NOFOLLOW);
    }

    /**
     * {@code File.open(path, 'a')} after {@code mkdir_p} of its folder: appends, creating the file; folders on
     * the way resolve inside the sandbox and a symlink as the last component is refused, so a file a hook
     * replaced with a link never makes hooklab write outside the sandbox.
     */
    public OutputStream openForAppending(String path) throws IOException {
        SandboxFile f = tree.locate(path, false);
        String folder = f.instancePath().substring(0, Math.max(1, f.instancePath().lastIndexOf('/')));
        createDirectories(folder);
        f = tree.locate(path, false);
        return Files.newOutputStream(f.host(), CREATE, APPEND, WRITE, NOFOLLOW);
    }

    /** {@link #openForWriting} for UTF-8 text. */
    public Writer openTextForWriting(String path) throws IOException {
        SandboxFile f = tree.locate(path, true);
        provideSystemFolders(f.instancePath());
        return Files.newBufferedWriter(f.host(), StandardCharsets.UTF_8, CREATE, TRUNCATE_EXISTING, WRITE, NOFOLLOW);
    }

    /** {@code File.open(path, 'w') { |f| f.write(text) }}. */
    public void writeText(String path, String text) throws IOException {
        try (Writer out = openTextForWriting(path)) {
            out.write(text);
        }
    }

    /** {@code File.symlink(target, link)}: the link's target is stored as given; EEXIST when anything is there. */
    public SandboxFile createSymlink(String link, String target) throws IOException {
        SandboxFile f = tree.locate(link, false);
        provideSystemFolders(f.instancePath());
        Files.createSymbolicLink(f.host(), Path.of(target));
        return f;
    }

    /** {@code File.unlink}: removes the path itself (a symlink, not what it points to); never a directory. */
    public void unlink(String path) throws IOException {
        SandboxFile f = tree.locate(path, false);
        if (Files.isDirectory(f.host(), NOFOLLOW)) {
            throw new FileSystemException(path, null, "Is a directory");
        }
        Files.delete(f.host());
    }

    /** {@code File.rename}: neither path's last component is followed; what is at {@code to} is replaced. */
    public void rename(String from, String to) throws IOException {
        SandboxFile source = tree.locate(from, false);
        SandboxFile target = tree.locate(to, false);
        Files.move(source.host(), target.host(), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                LinkOption.NOFOLLOW_LINKS);
    }

    /** {@code Dir.rmdir}: false when the directory is not empty. The sandbox folder itself is never removed. */
    public boolean removeDirectory(String path) throws IOException {
        SandboxFile f = tree.locate(path, false);
        if (f.host().equals(tree.root())) {
            throw new FileSystemException(path, null, "Device or resource busy");
        }
        if (!Files.isDirectory(f.host(), NOFOLLOW)) {
            throw new FileSystemException(path, null, "Not a directory");
        }
        try {
            Files.delete(f.host());
            return true;
        } catch (DirectoryNotEmptyException e) {
            return false;
        }
    }

    /** {@code chmod}: all twelve permission bits, setuid, setgid and sticky included. */
    public void setMode(SandboxFile f, int mode) throws IOException {
        try {
            Files.setAttribute(f.host(), "unix:mode", mode, NOFOLLOW);
        } catch (AccessDeniedException e) {
            // Java opens the file to change it without following links; a file this user cannot read
            // (mode 0200, 0000) refuses that, so change it by path once it is known not to be a symlink
            if (Files.isSymbolicLink(f.host())) {
                throw e;
            }
            Files.setAttribute(f.host(), "unix:mode", mode);
        }
    }

    /**
     * {@code chmod +x} (user, group and other) of a regular file or directory found by {@link SandboxTree#locate},
     * through file descriptors: every folder from the sandbox folder down is opened without following a
     * symlink ({@code openat O_NOFOLLOW}), and the file is checked and changed without following one. A link
     * swapped in on the way after the lookup makes this fail (ELOOP) rather than change a file elsewhere;
     * a FIFO, socket or device is refused without being opened.
     */
    public void addExecutePermission(SandboxFile f) throws IOException {
        Path relative = tree.root().relativize(f.host());
        if (relative.toString().isEmpty() || relative.startsWith("..")) {
            throw new FileSystemException(f.instancePath(), null, "Not inside the sandbox folder");
        }
        int mode = (Integer) Files.getAttribute(f.host(), "unix:mode", NOFOLLOW);
        try (DirectoryStream<Path> top = Files.newDirectoryStream(tree.root())) {
            if (!(top instanceof SecureDirectoryStream<Path> root) || (mode & 07000) != 0) {
                // no openat here, or setuid/setgid/sticky bits that only a mode by path keeps
                if (!Files.isRegularFile(f.host(), NOFOLLOW) && !Files.isDirectory(f.host(), NOFOLLOW)) {
                    throw new FileSystemException(f.instancePath(), null, "Not a regular file");
                }
                setMode(f, mode | 0111);
                return;
            }
            List<SecureDirectoryStream<Path>> opened = new ArrayList<>();
            try {
                SecureDirectoryStream<Path> dir = root;
                for (int i = 0; i < relative.getNameCount() - 1; i++) {
                    dir = dir.newDirectoryStream(relative.getName(i), NOFOLLOW);
                    opened.add(dir);
                }
                PosixFileAttributeView view = dir.getFileAttributeView(relative.getFileName(),
                        PosixFileAttributeView.class, NOFOLLOW);
                PosixFileAttributes now = view.readAttributes();
                if (!now.isRegularFile() && !now.isDirectory()) {
                    throw new FileSystemException(f.instancePath(), null,
                            now.isSymbolicLink() ? "Too many levels of symbolic links" : "Not a regular file");
                }
                Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
                permissions.addAll(now.permissions());
                permissions.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                        PosixFilePermission.OTHERS_EXECUTE));
                view.setPermissions(permissions);
            } finally {
                for (SecureDirectoryStream<Path> dir : opened) {
                    dir.close();
                }
            }
        }
    }

    /** {@code lchown}: null leaves the owner or the group as it is. */
    public void setOwner(SandboxFile f, Integer uid, Integer gid) throws IOException {
        if (uid != null) {
            Files.setAttribute(f.host(), "unix:uid", uid, NOFOLLOW);
        }
        if (gid != null) {
            Files.setAttribute(f.host(), "unix:gid", gid, NOFOLLOW);
        }
    }

    /** {@code File.utime}. */
    public void setTimes(SandboxFile f, FileTime accessed, FileTime modified) throws IOException {
        Files.getFileAttributeView(f.host(), BasicFileAttributeView.class, NOFOLLOW).setTimes(modified, accessed, null);
    }

    /**
     * Creates the system folders of a fresh instance ({@code /var}, {@code /usr/local}, ...) above a path when
     * the sandbox lacks them: the instance has them, so the agent never creates (nor records) them.
     */
    void provideSystemFolders(String instancePath) throws IOException {
        StringBuilder prefix = new StringBuilder();
        List<String> segments = SandboxTree.segments(instancePath);
        for (int i = 0; i < segments.size() - 1; i++) {
            prefix.append('/').append(segments.get(i));
            String dir = prefix.toString();
            if (SandboxTree.FRESH.isDirectory(dir) && !tree.exists(dir)) {
                Files.createDirectory(tree.locate(dir, false).host());
            }
        }
    }
}
