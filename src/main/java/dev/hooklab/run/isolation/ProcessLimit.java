package dev.hooklab.run.isolation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Caps the number of processes (and threads) of one hook under bubblewrap, so that a fork bomb
 * stops at {@link #MAX_PROCESSES} instead of filling this machine.
 *
 * <p>As root, with a {@code pids} cgroup controller this machine has mounted (cgroup v2, or the
 * v1 {@code pids} hierarchy): each hook gets a cgroup of its own with {@code pids.max}, joined by
 * the launch shell before it starts bwrap, and removed afterwards; {@code pids.events} tells
 * whether the hook hit the limit. {@code RLIMIT_NPROC} cannot serve root: the kernel never applies
 * it to uid 0, with or without capabilities.
 *
 * <p>As an ordinary user (bwrap then makes a user namespace): {@code RLIMIT_NPROC}, set inside the
 * sandbox with util-linux's {@code prlimit}, where the kernel counts only the sandbox's processes.
 */
final class ProcessLimit {
    /** Generous for a deployment script (a JVM has a few dozen threads), low enough to stop a fork bomb. */
    static final int MAX_PROCESSES = 512;
    private static final String PREFIX = "hooklab-";

    private final Path pidsHierarchy;

    private ProcessLimit(Path pidsHierarchy) {
        this.pidsHierarchy = pidsHierarchy;
    }

    /** A limit through the pids controller when hooklab is root and one is mounted, else none (RLIMIT_NPROC). */
    static ProcessLimit find(boolean root) {
        return new ProcessLimit(root ? pidsHierarchy(Path.of("/proc/self/mountinfo")).orElse(null) : null);
    }

    /** Whether hooks get a cgroup (else the launch must set RLIMIT_NPROC inside the sandbox). */
    boolean usesCgroup() {
        return pidsHierarchy != null;
    }

    /** A new cgroup for one hook, with its limit set, or empty when none can be made here. */
    Optional<Path> create() {
        if (pidsHierarchy == null) {
            return Optional.empty();
        }
        Path cgroup = pidsHierarchy.resolve(PREFIX + UUID.randomUUID());
        try {
            Files.createDirectory(cgroup);
            Files.writeString(cgroup.resolve("pids.max"), Integer.toString(MAX_PROCESSES));
            return Optional.of(cgroup);
        } catch (IOException | SecurityException e) {
            remove(cgroup);
            return Optional.empty();
        }
    }

    /** How often a fork failed at the limit. */
    static long refusals(Path cgroup) {
        try {
            for (String line : Files.readAllLines(cgroup.resolve("pids.events"), StandardCharsets.UTF_8)) {
                String[] words = line.trim().split("\\s+");
                if (words.length == 2 && words[0].equals("max")) {
                    return Long.parseLong(words[1]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no events file: nothing to tell
        }
        return 0;
    }

    /** Removes the cgroup once its last process is gone (the sandbox's PID namespace may take a moment). */
    static void remove(Path cgroup) {
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                Files.deleteIfExists(cgroup);
                return;
            } catch (IOException | SecurityException busy) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The mount point of a {@code pids} controller hooklab can make cgroups in: cgroup v2 first, then v1. */
    static Optional<Path> pidsHierarchy(Path mountInfo) {
        List<String> lines;
        try {
            lines = Files.readAllLines(mountInfo, StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        Path v1 = null;
        for (String line : lines) {
            // ID PARENT MAJ:MIN ROOT MOUNT_POINT OPTIONS [OPTIONAL...] - TYPE SOURCE SUPER_OPTIONS
            String[] halves = line.split(" - ", 2);
            String[] fields = halves[0].split(" ");
            if (halves.length < 2 || fields.length < 5 || !fields[3].equals("/")) {
                continue;
            }
            String[] after = halves[1].split(" ");
            Path point = Path.of(fields[4].replace("\\040", " "));
            if (after[0].equals("cgroup2") && controls(point.resolve("cgroup.subtree_control"))) {
                return Optional.of(point);
            }
            if (v1 == null && after[0].equals("cgroup") && after.length > 2
                    && List.of(after[2].split(",")).contains("pids")) {
                v1 = point;
            }
        }
        return Optional.ofNullable(v1).filter(Files::isWritable);
    }

    /** Whether a cgroup v2 root hands the pids controller to its children (and hooklab may write there). */
    private static boolean controls(Path subtreeControl) {
        try {
            return Files.isWritable(subtreeControl.getParent())
                    && List.of(Files.readString(subtreeControl).trim().split(" ")).contains("pids");
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
