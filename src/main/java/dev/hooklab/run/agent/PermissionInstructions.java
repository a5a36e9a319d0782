package dev.hooklab.run.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The agent's ChangeModeCommand, ChangeAclCommand, ChangeContextCommand and ChangeOwnerCommand in the sandbox.
 * chmod always applies (the mode string read as octal). setfacl runs when this machine has it. chown applies
 * when hooklab is root and the accounts exist here. SELinux contexts are never applied. Like the agent's
 * calls, each follows a symlink at the target (inside the sandbox).
 */
final class PermissionInstructions {
    private final SandboxTree tree;
    private final SandboxWrites writes;
    private final InstallHost host;
    private final InstallTally tally;

    PermissionInstructions(SandboxWrites writes, InstallHost host, InstallTally tally) {
        this.tree = writes.tree();
        this.writes = writes;
        this.host = host;
        this.tally = tally;
    }

    /** {@code File.chmod(mode.to_i(8), file)}. */
    void changeMode(InstallInstruction.ChangeMode m) throws AgentError {
        Optional<SandboxFile> target = target("chmod", m.file(), RubyErrno.APPLY);
        if (target.isEmpty()) {
            return;
        }
        try {
            writes.setMode(target.get(), Integer.parseInt(m.mode(), 8));
        } catch (IOException e) {
            throw AgentError.errno(e, RubyErrno.APPLY, m.file());
        }
        tally.modesSet++;
    }

    /** {@code setfacl --set <full acl> <file>}, the full ACL built from the file's current mode. */
    void changeAcl(InstallInstruction.ChangeAcl a, AccessControlList acl) throws AgentError {
        Optional<SandboxFile> target = target("setfacl", a.file(), RubyErrno.STAT);
        if (target.isEmpty()) {
            return;
        }
        SandboxFile file = target.get();
        int mode;
        try {
            mode = (Integer) Files.getAttribute(file.host(), "unix:mode", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw AgentError.errno(e, RubyErrno.STAT, a.file());
        }
        String full = acl.complete(mode);
        String command = "setfacl --set " + full + " " + a.file();
        Optional<Path> setfacl = host.command("setfacl");
        if (setfacl.isEmpty()) {
            tally.notApplied("setfacl", a.file(), "setfacl is not installed on this machine. The agent runs: " + command
                    + " (on an instance without setfacl that command fails, and the deployment with it).");
            return;
        }
        runSetfacl(setfacl.get(), full, file, a.file(), command);
    }

    private void runSetfacl(Path setfacl, String acl, SandboxFile file, String object, String command)
            throws AgentError {
        try {
            Process process = new ProcessBuilder(List.of(setfacl.toString(), "--set", acl, file.host().toString()))
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .replace(file.host().toString(), file.instancePath()).strip();
            int exit = process.waitFor();
            if (exit == 0) {
                tally.aclsSet++;
            } else if (output.contains("Operation not supported")) {
                tally.notApplied("setfacl", object, "The sandbox folder's file system does not support "
                        + "ACLs (" + output + "). The agent runs: " + command);
            } else {
                throw new AgentError("The deployment failed because of a problem with the acls permission settings in "
                        + "the application specification file for this object: " + object + ". Failed command: "
                        + command + ". Exit code: pid " + process.pid() + " exit " + exit);
            }
        } catch (IOException e) {
            tally.notApplied("setfacl", object, "setfacl could not be started here (" + RubyErrno.strerror(e)
                    + "). The agent runs: " + command);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tally.notApplied("setfacl", object, "interrupted. The agent runs: " + command);
        }
    }

    /** Reported only: the agent's semanage and restorecon commands, on the file's real path. */
    void changeContext(InstallInstruction.ChangeContext c) {
        String real = c.file();
        try {
            real = tree.locate(c.file(), true).instancePath();
        } catch (IOException e) {
            // the agent's File.realpath would fail; show the path as planned
        }
        String args = (c.user() != null ? "-s " + c.user() + " " : "") + "-t " + c.type()
                + (c.range() != null ? " -r " + c.range() : "");
        tally.notApplied("semanage", c.file(), "SELinux contexts are not applied in the sandbox. The agent runs: "
                + "semanage fcontext -a " + args + " " + real + ", then restorecon -v " + real + ", and records "
                + "semanage\\0" + real + " in the cleanup file. Where semanage or restorecon is missing or fails, "
                + "the deployment fails there.");
    }

    /** {@code File.chown(getpwnam(owner).uid, getgrnam(group).gid, file)}. */
    void changeOwner(InstallInstruction.ChangeOwner o) throws AgentError {
        String who = (o.owner() == null ? "" : o.owner()) + (o.group() == null ? "" : ":" + o.group());
        OptionalInt uid = o.owner() == null ? OptionalInt.empty() : host.userId(o.owner());
        OptionalInt gid = o.group() == null ? OptionalInt.empty() : host.groupId(o.group());
        if (o.owner() != null && uid.isEmpty()) {
            tally.notApplied("chown", o.file(), "There is no user " + o.owner() + " on this machine. The agent looks "
                    + "the name up on the instance and fails the deployment with \"can't find user for " + o.owner()
                    + "\" when the instance has no such user either.");
            return;
        }
        if (o.group() != null && gid.isEmpty()) {
            tally.notApplied("chown", o.file(), "There is no group " + o.group() + " on this machine. The agent looks "
                    + "the name up on the instance and fails the deployment with \"can't find group for " + o.group()
                    + "\" when the instance has no such group either.");
            return;
        }
        if (!host.isRoot()) {
            tally.notApplied("chown", o.file(), "hooklab is not running as root, so it cannot give the file to " + who
                    + "; the agent (root) does.");
            return;
        }
        Optional<SandboxFile> target = target("chown", o.file(), RubyErrno.APPLY);
        if (target.isEmpty()) {
            return;
        }
        try {
            writes.setOwner(target.get(), uid.isPresent() ? uid.getAsInt() : null, gid.isPresent() ? gid.getAsInt() : null);
            tally.ownersSet++;
        } catch (IOException e) {
            tally.notApplied("chown", o.file(), "This machine refused to give the file to " + who + " ("
                    + RubyErrno.strerror(e) + "); the agent (root) does.");
        }
    }

    /**
     * The target, symlinks followed as the agent's call follows them; empty (reported) when a symlink leads to
     * a file the sandbox does not have, which the instance may well have. ENOENT as the agent's call raises it.
     */
    private Optional<SandboxFile> target(String command, String path, String function) throws AgentError {
        SandboxFile file;
        try {
            file = tree.locate(path, true);
        } catch (IOException e) {
            throw AgentError.errno(e, function, path);
        }
        boolean throughLink = !file.instancePath().equals(tree.normalize(path));
        if (Files.exists(file.host(), LinkOption.NOFOLLOW_LINKS)) {
            if (throughLink) {
                tally.note(path + " is reached through a symlink: the agent's " + command + " changes "
                        + file.instancePath() + ", not the link.");
            }
            return Optional.of(file);
        }
        if (throughLink) {
            tally.notApplied(command, path, path + " leads through a symlink to " + file.instancePath()
                    + ", which the sandbox does not have; on the instance the agent's " + command
                    + " changes that file (it follows symlinks).");
            return Optional.empty();
        }
        throw new AgentError("No such file or directory @ " + function + " - " + path);
    }
}
