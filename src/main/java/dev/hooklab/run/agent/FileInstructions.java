package dev.hooklab.run.agent;

import dev.hooklab.plan.AgentPath;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/**
 * The agent's MakeDirectoryCommand and CopyCommand in the sandbox: {@code FileUtils.mkdir}; and
 * {@code FileUtils.copy(source, destination, preserve: true)} (content, then access and modification
 * times, owner and group, mode; setuid and setgid dropped when the owner cannot be kept) or, for a
 * symlink in the revision, {@code FileUtils.symlink(File.readlink(source), destination)}.
 * Like those calls, a destination that is an existing directory receives the file inside it.
 */
final class FileInstructions {
    private static final String ATTRIBUTES = "unix:mode,uid,gid,lastAccessTime,lastModifiedTime";

    private final SandboxTree tree;
    private final SandboxWrites writes;
    private final InstallTally tally;

    FileInstructions(SandboxWrites writes, InstallTally tally) {
        this.tree = writes.tree();
        this.writes = writes;
        this.tally = tally;
    }

    void makeDirectory(InstallInstruction.MakeDirectory m, CleanupFile cleanup) throws AgentError {
        try {
            writes.createDirectory(m.directory());
        } catch (IOException e) {
            if (tree.isSymlink(m.directory())) {
                tally.note(m.directory() + " is a symlink whose target the sandbox does not have, so the agent plans "
                        + "to create it and mkdir fails; on an instance where the target exists, the agent installs "
                        + "into it.");
            }
            throw AgentError.errno(e, RubyErrno.MKDIR, m.directory());
        }
        cleanup.record(m.directory());
        tally.directoriesCreated++;
    }

    void copy(InstallInstruction.CopyFile c, CleanupFile cleanup) throws AgentError {
        cleanup.record(c.destination());
        if (tree.isSymlink(c.source())) {
            copySymlink(c);
        } else {
            copyFile(c);
        }
    }

    private void copySymlink(InstallInstruction.CopyFile c) throws AgentError {
        String target;
        try {
            target = tree.readLink(c.source());
        } catch (IOException e) {
            throw AgentError.errno(e, "rb_readlink", c.source());
        }
        String link = landing(c.destination(), target);
        try {
            writes.createSymlink(link, target);
        } catch (IOException e) {
            throw new AgentError(RubyErrno.symlink(e, target, link));
        }
        tally.symlinksCreated++;
    }

    private void copyFile(InstallInstruction.CopyFile c) throws AgentError {
        String destination = landing(c.destination(), c.source());
        Map<String, Object> attributes;
        InputStream in;
        try {
            SandboxFile source = tree.locate(c.source(), true);
            attributes = Files.readAttributes(source.host(), ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            in = Files.newInputStream(source.host(), LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw AgentError.errno(e, RubyErrno.OPEN, c.source());
        }
        try (in) {
            OutputStream out = openDestination(destination);
            try (out) {
                in.transferTo(out);
            }
        } catch (IOException e) {
            throw new AgentError(RubyErrno.strerror(e) + " - " + destination);
        }
        copyMetadata(destination, attributes);
        tally.filesCopied++;
    }

    private OutputStream openDestination(String destination) throws AgentError {
        try {
            return writes.openForWriting(destination);
        } catch (IOException e) {
            throw AgentError.errno(e, RubyErrno.OPEN, destination);
        }
    }

    /** FileUtils' copy_metadata: utime, chown (failing: setuid/setgid dropped), chmod. */
    private void copyMetadata(String destination, Map<String, Object> source) throws AgentError {
        try {
            SandboxFile target = tree.locate(destination, true);
            writes.setTimes(target, (FileTime) source.get("lastAccessTime"), (FileTime) source.get("lastModifiedTime"));
            int mode = (Integer) source.get("mode") & 07777;
            try {
                writes.setOwner(target, (Integer) source.get("uid"), (Integer) source.get("gid"));
            } catch (IOException notPermitted) {
                mode &= 01777;
                tally.note("hooklab does not run as root: copied files owned by another user in the revision keep "
                        + "hooklab's user as owner and lose their setuid/setgid bits; the agent, as root, keeps owner, "
                        + "group and those bits.");
            }
            writes.setMode(target, mode);
        } catch (IOException e) {
            throw AgentError.errno(e, RubyErrno.APPLY, destination);
        }
    }

    /** {@code FileUtils}' rule: into an existing directory, under the source's (or link target's) base name. */
    private String landing(String destination, String name) {
        if (!tree.isDirectory(destination)) {
            return destination;
        }
        String inside = destination + "/" + AgentPath.basename(name);
        tally.note(destination + " is an existing directory: the agent copies " + name + " into it as " + inside
                + ", and its cleanup file records " + destination + " (a directory, removed only when empty), so "
                + inside + " is never removed by a later deployment.");
        return inside;
    }
}
