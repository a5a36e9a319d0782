package dev.hooklab.run.isolation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs hooks under bubblewrap (Linux): the hook sees the sandbox at the instance's real paths
 * ({@code /opt/codedeploy-agent} and every {@code files} destination, writable), the rest of this
 * machine read-only, a private {@code /tmp}, an empty {@code /run} (no host service sockets:
 * D-Bus, systemd, docker), no network unless asked, and its own PID namespace: when the hook's
 * main process ends the namespace goes and everything the hook started dies with it.
 *
 * <p>Hooks are hostile code, and hooklab often runs as root (as in CI), so the sandbox is also closed
 * from below: the kernel's knobs in {@code /proc} ({@code /proc/sys}, {@code /proc/sysrq-trigger},
 * {@code /proc/irq}...) are read-only and {@code /proc/kcore}, {@code /proc/keys}... are hidden;
 * {@code /dev} is bwrap's small set ({@code null}, {@code zero}, {@code random}, {@code tty}...);
 * bwrap sets {@code no_new_privs}; a {@link SeccompFilter} refuses file handles, mounts, ptrace,
 * modules, BPF, keyrings and new namespaces; and a {@link ProcessLimit} stops fork bombs.
 *
 * <p>As an ordinary user bwrap makes a user namespace and the hook has no capabilities at all. As
 * root the hook keeps real root, without a user namespace, but only {@link #ROOT_CAPABILITIES}: those
 * a deployment script needs inside the sandbox to {@code chown}, {@code chmod} and write files it does
 * not own, and to switch users ({@code runas}: {@code su}). Mapping root into a user namespace was
 * the other choice: bwrap maps a single uid, so every {@code chown} to another user would fail (and
 * {@code su} with it), and an identity-mapped root would still be root to {@code /proc/sys} and exempt
 * from {@code RLIMIT_NPROC}. What is dropped closes the known ways out: {@code CAP_DAC_READ_SEARCH}
 * ({@code open_by_handle_at} on a writable bind's file system reaches every file on it),
 * {@code CAP_MKNOD} and {@code CAP_SETFCAP} (a device node or file capability left in the sandbox
 * folder would be live on this machine), {@code CAP_SYS_ADMIN}, {@code CAP_SYS_MODULE},
 * {@code CAP_SYS_PTRACE}, {@code CAP_NET_ADMIN}, {@code CAP_NET_RAW}, {@code CAP_SETPCAP} and the rest.
 */
public final class BubblewrapIsolation implements Isolation {
    /** What a root hook keeps: file ownership and modes, signals in its own namespace, su, low ports. */
    static final List<String> ROOT_CAPABILITIES = List.of("CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FOWNER",
            "CAP_FSETID", "CAP_KILL", "CAP_SETGID", "CAP_SETUID", "CAP_NET_BIND_SERVICE", "CAP_AUDIT_WRITE");
    /** Kernel settings in the hook's /proc, made read-only (those this kernel has). */
    private static final List<String> PROC_READ_ONLY = List.of("/proc/sys", "/proc/sysrq-trigger", "/proc/irq",
            "/proc/bus", "/proc/fs", "/proc/acpi", "/proc/scsi");
    /** Kernel state in the hook's /proc, hidden behind /dev/null (those this kernel has). */
    private static final List<String> PROC_HIDDEN = List.of("/proc/kcore", "/proc/keys", "/proc/key-users",
            "/proc/timer_list", "/proc/sched_debug");
    /** Starts bwrap with the seccomp program on fd 9, after joining the hook's cgroup (when there is one). */
    private static final String LAUNCHER = "[ -z \"$2\" ] || echo $$ > \"$2\" 2>/dev/null; f=$1; shift 2;"
            + " exec \"$@\" 9<\"$f\"";
    private static final String SECCOMP_FD = "9";
    private static final List<String> OWN_FILE_SYSTEMS = List.of("/proc", "/dev", "/tmp", "/run");

    private final Path bwrap;
    private final boolean network;
    private final boolean root;
    private final ProcessLimit limit;
    private final Path prlimit;
    private final Map<Path, Path> cgroups = new ConcurrentHashMap<>(); // control folder -> the hook's cgroup

    /**
     * @param bwrap   the bwrap program
     * @param network whether the hook may use this machine's network
     * @param root    whether hooklab runs as root (no user namespace; capabilities are trimmed instead)
     */
    public BubblewrapIsolation(Path bwrap, boolean network, boolean root) {
        this(bwrap, network, root, ProcessLimit.find(root),
                Files.isExecutable(Path.of("/usr/bin/prlimit")) ? Path.of("/usr/bin/prlimit") : null);
    }

    /**
     * @param limit   the cgroup limit (as root), or one without a controller
     * @param prlimit util-linux's prlimit, to set RLIMIT_NPROC inside the sandbox when there is no cgroup; or null
     */
    BubblewrapIsolation(Path bwrap, boolean network, boolean root, ProcessLimit limit, Path prlimit) {
        this.bwrap = bwrap;
        this.network = network;
        this.root = root;
        this.limit = limit;
        this.prlimit = prlimit;
    }

    @Override
    public String name() {
        return "bwrap";
    }

    /** Whether hooks may use this machine's network. */
    public boolean network() {
        return network;
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
    public Path launchDirectory(SandboxMounts mounts) {
        return mounts.root();
    }

    @Override
    public List<String> launch(SandboxMounts mounts, Path controlDir, List<String> command) throws IOException {
        return confined(mounts, true, command, () -> {
            Optional<Path> cgroup = limit.create();
            cgroup.ifPresent(group -> cgroups.put(controlDir, group));
            return cgroup.map(group -> group.resolve("cgroup.procs").toString()).orElse("");
        });
    }

    /**
     * The hook's sandbox for a person at a terminal: the same mounts, seccomp program, capabilities, /proc covers,
     * network and working directory as {@link #launch}, but no cgroup (nothing would release it) and no
     * {@code --new-session}, so the shell keeps its terminal (job control, Ctrl-C). Everything started in it still
     * dies with it (its own PID namespace, {@code --die-with-parent}).
     */
    @Override
    public List<String> interactive(SandboxMounts mounts, List<String> command) throws IOException {
        return confined(mounts, false, command, () -> "");
    }

    /**
     * The launch line: {@code /bin/sh} joins the cgroup whose {@code cgroup.procs} {@code cgroupProcs} names (none
     * when it gives "") and starts bwrap with the seccomp program, bwrap rebuilds the instance's view and runs
     * {@code command} in it.
     */
    private List<String> confined(SandboxMounts mounts, boolean newSession, List<String> command,
                                  Supplier<String> cgroupProcs) throws IOException {
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

        Path seccomp = seccompProgram(mounts);
        List<String> args = new ArrayList<>(List.of("/bin/sh", "-c", LAUNCHER, "hooklab-launch", seccomp.toString(),
                cgroupProcs.get(), bwrap.toString(), "--die-with-parent"));
        if (newSession) {
            args.add("--new-session");
        }
        args.addAll(List.of("--unshare-pid", "--unshare-ipc", "--seccomp", SECCOMP_FD));
        if (!network) {
            args.add("--unshare-net");
        }
        if (root) {
            args.addAll(List.of("--cap-drop", "ALL"));
            ROOT_CAPABILITIES.forEach(capability -> args.addAll(List.of("--cap-add", capability)));
        }
        args.addAll(new SyntheticRoot().args(mountPoints));
        args.addAll(List.of("--proc", "/proc", "--dev", "/dev"));
        args.addAll(procCover());
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
        // controlDir is not bound: the wrapper's status reaches hooklab through a descriptor the hook cannot reopen
        args.addAll(List.of("--remount-ro", "/",
                "--chdir", SandboxMounts.AGENT_HOME, "--"));
        if (!root && prlimit != null) { // root is never held to RLIMIT_NPROC: only a cgroup limits it
            args.addAll(List.of(prlimit.toString(), "--nproc=" + ProcessLimit.MAX_PROCESSES, "--"));
        }
        args.addAll(command);
        return args;
    }

    /** Ends what {@link #launch} set up for the hook; says when the hook reached the process limit. */
    @Override
    public List<String> afterRun(Path controlDir) {
        Path cgroup = cgroups.remove(controlDir);
        if (cgroup == null) {
            return List.of();
        }
        long refused = ProcessLimit.refusals(cgroup);
        ProcessLimit.remove(cgroup);
        return refused == 0 ? List.of() : List.of("The hook reached hooklab's limit of "
                + ProcessLimit.MAX_PROCESSES + " processes (a fork bomb?): " + refused + " attempts to start another"
                + " failed with \"Resource temporarily unavailable\". An instance has no such limit.");
    }

    /** Read-only binds over the kernel's settings in /proc, /dev/null over what the hook has no need to read. */
    private static List<String> procCover() {
        List<String> args = new ArrayList<>();
        PROC_READ_ONLY.stream().filter(path -> Files.exists(Path.of(path)))
                .forEach(path -> args.addAll(List.of("--ro-bind", path, path)));
        PROC_HIDDEN.stream().filter(path -> Files.exists(Path.of(path)))
                .forEach(path -> args.addAll(List.of("--ro-bind", "/dev/null", path)));
        return args;
    }

    /** The seccomp program in hooklab's own folder of the sandbox, which no hook sees. */
    private static Path seccompProgram(SandboxMounts mounts) throws IOException {
        Path dir = Files.createDirectories(mounts.hooklabDir());
        Path program = dir.resolve("seccomp.bpf");
        Path fresh = Files.createTempFile(dir, "seccomp", ".tmp");
        Files.write(fresh, new SeccompFilter().program());
        Files.move(fresh, program, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return program;
    }

    @Override
    public List<String> notes(SandboxMounts mounts) {
        List<String> notes = new ArrayList<>();
        notes.add("Bubblewrap sandbox: the hook saw the sandbox at " + String.join(", ", mounts.instanceRoots())
                + "; the rest of this machine read-only, a private /tmp, an empty /run (no system services such as"
                + " systemctl, D-Bus or docker)" + (network ? "" : ", no network")
                + (limit.usesCgroup() || (!root && prlimit != null)
                ? ", at most " + ProcessLimit.MAX_PROCESSES + " processes" : "") + ".");
        if (!root && prlimit != null) { // RLIMIT_NPROC has no counter: afterRun cannot tell whether it was reached
            notes.add("Past " + ProcessLimit.MAX_PROCESSES + " processes a fork in the sandbox fails with"
                    + " \"Resource temporarily unavailable\"; run as an ordinary user, hooklab cannot tell whether"
                    + " the hook reached that limit. An instance has no such limit.");
        }
        // the agent's home is made when a hook starts; a files destination only by Install
        List<String> absent = mounts.instanceRoots().stream()
                .filter(root -> !root.equals(SandboxMounts.AGENT_HOME))
                .filter(root -> !Files.isDirectory(mounts.hostPath(root), LinkOption.NOFOLLOW_LINKS)).toList();
        if (!absent.isEmpty()) {
            notes.add("Until Install creates " + String.join(", ", absent) + ", hooks do not see it, as on a fresh "
                    + "instance, and cannot create it either (the rest of this machine is read-only), where a hook "
                    + "running as root on an instance could.");
        }
        notes.addAll(mounts.notes());
        return notes;
    }
}
