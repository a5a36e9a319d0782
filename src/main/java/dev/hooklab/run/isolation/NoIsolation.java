package dev.hooklab.run.isolation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs hooks directly on this machine (macOS, Windows, no bubblewrap): the script runs at its
 * path inside the sandbox folder, in the sandbox's copy of {@code /opt/codedeploy-agent} as
 * working directory, and whatever absolute paths it uses are this machine's.
 */
public final class NoIsolation implements Isolation {

    @Override
    public String name() {
        return "none";
    }

    @Override
    public boolean ownPidNamespace() {
        return false;
    }

    @Override
    public boolean userNamespace() {
        return false;
    }

    @Override
    public String hookPath(SandboxMounts mounts, String instancePath) {
        return mounts.hostPathAsWritten(instancePath); // `..` kept as the agent keeps it, never above the sandbox
    }

    @Override
    public Path launchDirectory(SandboxMounts mounts) throws IOException {
        return Files.createDirectories(mounts.hostPath(SandboxMounts.AGENT_HOME));
    }

    @Override
    public List<String> launch(SandboxMounts mounts, Path controlDir, List<String> command) {
        return command;
    }

    @Override
    public List<String> interactive(SandboxMounts mounts, List<String> command) {
        return command;
    }

    @Override
    public List<String> notes(SandboxMounts mounts) {
        List<String> notes = new ArrayList<>();
        notes.add("No isolation: the hook ran directly on this machine as " + System.getProperty("user.name")
                + ", from the sandbox folder " + mounts.root() + ". Absolute paths in the script (such as "
                + String.join(", ", mounts.instanceRoots()) + " or /etc) reached this machine's own files,"
                + " not the sandbox. Background processes that let go of the hook's outputs keep running here, as"
                + " on an instance.");
        notes.addAll(mounts.notes());
        return notes;
    }
}
