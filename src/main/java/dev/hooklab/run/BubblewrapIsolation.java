package dev.hooklab.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs hooks under bubblewrap (Linux): the hook sees the sandbox at the instance's real paths
 * ({@code /opt/codedeploy-agent} and every {@code files} destination, writable), the rest of this
 * machine read-only, a private {@code /tmp}, an empty {@code /run} (no host service sockets:
 * D-Bus, systemd, docker), no network unless asked, and its own PID namespace: when the hook's
 * main process ends the namespace goes and everything the hook started dies with it. Works as
 * root and as an ordinary user (then bwrap creates a user namespace). As root the hook keeps the
 * usual root capabilities except those that could undo the confinement (mount, admin, modules).
 */
public final class BubblewrapIsolation implements Isolation {
    /** Where the wrapper finds its per-run control folder inside the sandbox. */
    static final String CONTROL = "/run/hooklab";

    private static final List<String> ROOT_CAPABILITIES = List.of("CAP_CHOWN", "CAP_DAC_OVERRIDE",
            "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL", "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP",
            "CAP_SETFCAP", "CAP_NET_BIND_SERVICE", "CAP_NET_RAW", "CAP_SYS_CHROOT", "CAP_MKNOD", "CAP_AUDIT_WRITE");
    private static final List<String> OWN_FILE_SYSTEMS = List.of("/proc", "/dev", "/tmp", "/run");

    private final Path bwrap;
    private final boolean network;
    private final boolean root;

    /**
     * @param bwrap   the bwrap program
     * @param network whether the hook may use this machine's network
     * @param root    whether hooklab runs as root (no user namespace; capabilities are trimmed instead)
     */
    public BubblewrapIsolation(Path bwrap, boolean network, boolean root) {
        this.bwrap = bwrap;
        this.network = network;
        this.root = root;
    }

    @Override
    public String name() {
        return "bwrap";
    }

    @Override
    public boolean ownPidNamespace() {
        return true;
    }

    @Override
    public boolean userNamespace() {
        return !root;
    }

    @Override
    public String hookPath(SandboxMounts mounts, String instancePath) {
        return instancePath;
    }

    @Override
    public String controlPath(Path controlDir) {
        return CONTROL;
    }

    @Override
    public Path launchDirectory(SandboxMounts mounts) {
        return mounts.root();
    }

    @Override
    public List<String> launch(SandboxMounts mounts, Path controlDir, List<String> command) throws IOException {
        Map<Path, Path> binds = new LinkedHashMap<>(); // mount point -> sandbox copy
        List<Path> hidden = new ArrayList<>(); // this machine's folders where the instance has nothing yet
        for (String instanceRoot : mounts.instanceRoots()) {
            // bind only what the instance has at this step: a files destination appears when Install creates it
            Path copy = mounts.hostPath(instanceRoot);
            if (instanceRoot.equals(SandboxMounts.AGENT_HOME)) {
                Files.createDirectories(copy);
            }
            Path point = SyntheticRoot.mountPoint(instanceRoot);
            if (Files.isDirectory(copy, LinkOption.NOFOLLOW_LINKS)) {
                binds.put(point, copy);
            } else if (Files.exists(point, LinkOption.NOFOLLOW_LINKS)
                    && binds.keySet().stream().noneMatch(point::startsWith)) {
                hidden.add(point);
            }
        }
        List<Path> mountPoints = new ArrayList<>(binds.keySet());
        mountPoints.addAll(hidden); // left out of the rebuilt root: absent, as on the instance
        OWN_FILE_SYSTEMS.forEach(system -> mountPoints.add(Path.of(system)));

        List<String> args = new ArrayList<>(List.of(bwrap.toString(), "--die-with-parent", "--new-session",
                "--unshare-pid", "--unshare-ipc"));
        if (!network) {
            args.add("--unshare-net");
        }
        if (root) {
            args.addAll(List.of("--cap-drop", "ALL"));
            ROOT_CAPABILITIES.forEach(capability -> args.addAll(List.of("--cap-add", capability)));
        }
        args.addAll(new SyntheticRoot().args(mountPoints));
        args.addAll(List.of("--proc", "/proc", "--dev", "/dev"));
        for (String own : List.of("/tmp", "/run")) {
            if (!binds.containsKey(Path.of(own))) {
                args.addAll(List.of("--tmpfs", own));
            }
        }
        if (network) {
            // keeps /etc/resolv.conf working where it points into systemd-resolved's folder
            args.addAll(List.of("--ro-bind-try", "/run/systemd/resolve", "/run/systemd/resolve"));
        }
        binds.entrySet().stream()
                .sorted(Comparator.comparingInt(bind -> bind.getKey().getNameCount()))
                .forEach(bind -> args.addAll(List.of("--bind", bind.getValue().toString(), bind.getKey().toString())));
        args.addAll(List.of("--bind", controlDir.toString(), CONTROL, "--remount-ro", "/",
                "--chdir", SandboxMounts.AGENT_HOME, "--"));
        args.addAll(command);
        return args;
    }

    @Override
    public List<String> notes(SandboxMounts mounts) {
        List<String> notes = new ArrayList<>();
        notes.add("Bubblewrap sandbox: the hook saw the sandbox at " + String.join(", ", mounts.instanceRoots())
                + "; the rest of this machine read-only, a private /tmp, an empty /run (no system services such as"
                + " systemctl, D-Bus or docker)" + (network ? "" : ", no network") + ".");
        List<String> absent = mounts.instanceRoots().stream()
                .filter(root -> !Files.isDirectory(mounts.hostPath(root), LinkOption.NOFOLLOW_LINKS)).toList();
        if (!absent.isEmpty()) {
            notes.add(String.join(", ", absent) + " did not exist yet in the sandbox, "
                    + "so the hook did not see it, as on a fresh instance; it could not create it either (the rest of "
                    + "this machine is read-only), where a hook running as root on an instance could.");
        }
        notes.addAll(mounts.notes());
        return notes;
    }
}
