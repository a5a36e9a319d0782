package dev.hooklab.run.agent;

import dev.hooklab.run.isolation.SandboxMounts;
import dev.hooklab.run.ScriptFile;
import dev.hooklab.run.ScriptFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Predicate;

/**
 * Hook scripts found and made executable in a sandbox's instance tree, through {@link SandboxTree} and
 * {@link SandboxWrites}: a location is resolved as a chroot at the sandbox folder would resolve it
 * ({@code ..} stops at its root, an absolute link target starts again there, a relative one from the
 * link's folder). A path that ends outside the folders the sandbox holds for the instance
 * ({@link SandboxMounts#isSandboxed}: the agent's home, the files destinations, the deployment root) is
 * this machine's own file: it is reported as {@link ScriptFile.Kind#OUTSIDE} and never looked into or changed.
 */
public final class SandboxScriptFiles implements ScriptFiles {
    private final SandboxWrites writes;
    private final SandboxMounts mounts;
    private final Predicate<String> specialInRevision;

    /**
     * @param specialInRevision whether the revision unpacked at an instance path holds a FIFO or device there,
     *                          which hooklab's extraction does not create (the agent's tar, as root, does)
     */
    public SandboxScriptFiles(SandboxWrites writes, SandboxMounts mounts, Predicate<String> specialInRevision) {
        this.writes = writes;
        this.mounts = mounts;
        this.specialInRevision = specialInRevision;
    }

    public SandboxScriptFiles(SandboxWrites writes, SandboxMounts mounts) {
        this(writes, mounts, path -> false);
    }

    @Override
    public ScriptFile find(String instancePath) {
        SandboxTree tree = writes.tree();
        SandboxFile f;
        try {
            f = tree.locate(instancePath, true);
        } catch (IOException e) { // symlinks that loop: File.exist? is false
            return new ScriptFile(ScriptFile.Kind.MISSING, tree.normalize(instancePath), false, null, null);
        }
        if (!mounts.isSandboxed(f.instancePath())) {
            return new ScriptFile(ScriptFile.Kind.OUTSIDE, f.instancePath(), false, null, null);
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(f.host(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return specialInRevision.test(f.instancePath())
                    ? new ScriptFile(ScriptFile.Kind.SPECIAL, f.instancePath(), false, null,
                    "a FIFO or device in the revision")
                    : new ScriptFile(ScriptFile.Kind.MISSING, f.instancePath(), false, null, null);
        }
        if (attributes.isDirectory()) {
            return new ScriptFile(ScriptFile.Kind.DIRECTORY, f.instancePath(), Files.isExecutable(f.host()), null, null);
        }
        if (!attributes.isRegularFile()) {
            return new ScriptFile(ScriptFile.Kind.SPECIAL, f.instancePath(), false, null,
                    attributes.isOther() ? "a FIFO, socket or device" : "a symbolic link swapped in");
        }
        return new ScriptFile(ScriptFile.Kind.FILE, f.instancePath(), Files.isExecutable(f.host()), head(f), null);
    }

    @Override
    public void makeExecutable(ScriptFile file) throws IOException {
        if (file.kind() != ScriptFile.Kind.FILE && file.kind() != ScriptFile.Kind.DIRECTORY) {
            throw new IllegalArgumentException("only a file or directory of the sandbox is made executable");
        }
        SandboxFile f = writes.tree().locate(file.resolvedPath(), false);
        if (!mounts.isSandboxed(f.instancePath())) {
            throw new IOException(file.resolvedPath() + " now leads outside the sandbox");
        }
        writes.addExecutePermission(f);
    }

    /** The first bytes of a regular file, opened without following a link. */
    private static byte[] head(SandboxFile f) {
        try (InputStream in = Files.newInputStream(f.host(), LinkOption.NOFOLLOW_LINKS)) {
            return in.readNBytes(ScriptFile.HEAD_LIMIT);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
