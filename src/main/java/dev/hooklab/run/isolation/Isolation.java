package dev.hooklab.run.isolation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * How a hook process is kept inside its sandbox: {@link BubblewrapIsolation} shows it the
 * sandbox at the instance's real paths, {@link NoIsolation} runs it straight on this machine.
 */
public interface Isolation {

    /** {@code bwrap} or {@code none}, as in {@code --isolation}. */
    String name();

    /** Whether the hook runs in its own PID namespace, so nothing it starts outlives it. */
    boolean ownPidNamespace();

    /** Whether the hook runs in a user namespace, where {@code su} and {@code sudo} cannot work. */
    boolean userNamespace();

    /** The path the hook uses for {@code instancePath}. */
    String hookPath(SandboxMounts mounts, String instancePath);

    /** The folder to start the launch command in. */
    Path launchDirectory(SandboxMounts mounts) throws IOException;

    /**
     * The command line that runs {@code command} (written in the hook's view of paths) confined.
     * {@code controlDir} is this launch's private folder of hooklab's, never visible to the hook: it names the
     * launch, so that {@link #afterRun} releases what was set up for it (a cgroup, say).
     */
    List<String> launch(SandboxMounts mounts, Path controlDir, List<String> command) throws IOException;

    /**
     * The command line that runs {@code command} (a person's shell, say) confined as a hook launched now would be:
     * the same view of paths and the same limits, with nothing set up that {@link #afterRun} would have to release,
     * and the terminal it is started in kept as its own. Its working directory is the hook's when it is started in
     * {@link #launchDirectory} (bubblewrap sets it itself).
     */
    List<String> interactive(SandboxMounts mounts, List<String> command) throws IOException;

    /**
     * Called once the hook launched for {@code controlDir} has ended: releases what {@link #launch}
     * set up for it, and returns notes about the run (such as a limit it reached).
     */
    default List<String> afterRun(Path controlDir) {
        return List.of();
    }

    /** How every run under this isolation differs from an instance. */
    List<String> notes(SandboxMounts mounts);
}
