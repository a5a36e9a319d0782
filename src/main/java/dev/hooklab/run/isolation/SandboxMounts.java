package dev.hooklab.run.isolation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A sandbox folder on this machine and the instance paths it stands for. The folder mirrors the
 * instance: {@code /opt/codedeploy-agent} is {@code SANDBOX/opt/codedeploy-agent}, and each
 * {@code files} destination such as {@code /var/app/current} is {@code SANDBOX/var/app/current}.
 * Only those paths (and everything under them) are the sandbox's; every other instance path is
 * this machine's own.
 */
public final class SandboxMounts {
    /** Where the agent lives on an instance, and the working directory of its SysV daemon. */
    public static final String AGENT_HOME = "/opt/codedeploy-agent";

    private static final List<String> SYSTEM_MOUNTS = List.of("/proc", "/dev", "/sys");

    private final Path root;
    private final List<String> instanceRoots;
    private final List<String> notes;

    private SandboxMounts(Path root, List<String> instanceRoots, List<String> notes) {
        this.root = root;
        this.instanceRoots = instanceRoots;
        this.notes = notes;
    }

    /**
     * @param root         the sandbox folder
     * @param destinations absolute instance paths of the AppSpec's {@code files} destinations, and the
     *                     deployment root when it is not under {@code /opt/codedeploy-agent}
     *                     ({@code --root-dir}); trailing slashes and {@code .}/{@code ..} are normalised
     */
    public static SandboxMounts of(Path root, Collection<String> destinations) {
        Objects.requireNonNull(root, "root");
        TreeSet<String> roots = new TreeSet<>(Comparator.comparingInt(SandboxMounts::depth)
                .thenComparing(Comparator.naturalOrder()));
        roots.add(AGENT_HOME);
        List<String> notes = new ArrayList<>();
        for (String destination : destinations) {
            if (!destination.startsWith("/")) {
                throw new IllegalArgumentException("not an absolute instance path: " + destination);
            }
            String path = normalize(destination);
            if (path.equals("/")) {
                notes.add("The destination / cannot be shown at its real path: files installed there are only"
                        + " in the sandbox folder " + root + ".");
            } else if (SYSTEM_MOUNTS.stream().anyMatch(system -> within(path, system))) {
                notes.add("The destination " + path + " lies in a system file system the sandbox cannot replace;"
                        + " hooks do not see its installed files there.");
            } else {
                roots.add(path);
            }
        }
        return new SandboxMounts(root.toAbsolutePath().normalize(), List.copyOf(roots), List.copyOf(notes));
    }

    public Path root() {
        return root;
    }

    /** {@code /opt/codedeploy-agent} and each usable destination, shallow ones first. */
    public List<String> instanceRoots() {
        return instanceRoots;
    }

    /** Destinations the sandbox cannot show where the instance has them. */
    public List<String> notes() {
        return notes;
    }

    /** Whether {@code instancePath} is the sandbox's (under one of the instance roots). */
    public boolean isSandboxed(String instancePath) {
        String path = normalize(instancePath);
        return instanceRoots.stream().anyMatch(mount -> within(path, mount));
    }

    /**
     * Where {@code instancePath} is on this machine: inside the sandbox folder when it is the
     * sandbox's, otherwise the machine's own path.
     */
    public Path hostPath(String instancePath) {
        String path = normalize(instancePath);
        return isSandboxed(path) ? root.resolve(path.substring(1)) : Path.of(path);
    }

    /**
     * Where a hook that runs straight on this machine finds {@code instancePath}, written as the path is: the
     * sandbox folder followed by the path with its {@code .}, {@code ..} and doubled slashes kept, so that the
     * script's {@code $0} reads as on an instance. A path that is not the sandbox's, or whose {@code ..} would climb
     * above {@code /} (and so above the sandbox folder), is given as {@link #hostPath} gives it.
     */
    public String hostPathAsWritten(String instancePath) {
        if (!instancePath.startsWith("/") || !isSandboxed(instancePath) || climbsAboveRoot(instancePath)) {
            return hostPath(instancePath).toString();
        }
        return root + instancePath;
    }

    /** Whether a {@code ..} of the absolute {@code path}, taken as written, would go above {@code /}. */
    public static boolean climbsAboveRoot(String path) {
        int depth = 0;
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                if (--depth < 0) {
                    return true;
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                depth++;
            }
        }
        return false;
    }

    /** hooklab's own files for this sandbox (wrapper status, spilled output); no hook sees them. */
    public Path hooklabDir() {
        return root.resolve(".hooklab");
    }

    public static String normalize(String instancePath) {
        String normalized = Path.of("/").resolve(instancePath).normalize().toString();
        return normalized.isEmpty() ? "/" : normalized;
    }

    public static boolean within(String path, String mount) {
        return path.equals(mount) || path.startsWith(mount.endsWith("/") ? mount : mount + "/");
    }

    private static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count();
    }
}
