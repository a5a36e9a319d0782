package dev.hooklab.run.isolation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bwrap command line, checked without running it. */
class BubblewrapIsolationTest {
    @TempDir
    Path dir;

    @Test
    void buildsTheRootFromPiecesAroundTheDestinations() throws Exception {
        SandboxMounts mounts = SandboxMounts.of(dir.resolve("sandbox"), List.of("/var/app/current"));
        Files.createDirectories(mounts.hostPath("/var/app/current")); // Install has created it
        Path control = Files.createDirectories(dir.resolve("control"));

        List<String> args = new BubblewrapIsolation(Path.of("/usr/bin/bwrap"), false, false,
                ProcessLimit.find(false), Path.of("/usr/bin/prlimit")).launch(mounts, control, List.of("/bin/true"));

        assertThat(args).startsWith("/bin/sh", "-c").contains("/usr/bin/bwrap", "--unshare-pid", "--die-with-parent",
                "--new-session", "--unshare-net").doesNotContain("--cap-add")
                .endsWith("--", "/usr/bin/prlimit", "--nproc=" + ProcessLimit.MAX_PROCESSES, "--", "/bin/true");
        // the launch shell opens the seccomp program as fd 9, from hooklab's own folder; no cgroup as a user
        assertThat(args.get(4)).isEqualTo(mounts.hooklabDir().resolve("seccomp.bpf").toString());
        assertThat(mounts.hooklabDir().resolve("seccomp.bpf")).hasBinaryContent(new SeccompFilter().program());
        assertThat(args.get(5)).isEmpty();
        assertThat(pairs(args, "--seccomp")).containsExactly("9");
        assertThat(pairs(args, "--dir")).contains("/var", "/var/app", "/opt");
        assertThat(pairs(args, "--ro-bind")).doesNotContain("/var", "/opt", "/tmp", "/run", "/proc", "/dev")
                .contains("/usr", "/etc");
        assertThat(pairs(args, "--tmpfs")).containsExactly("/tmp", "/run");
        assertThat(Collections.indexOfSubList(args, List.of("--bind",
                mounts.hostPath("/var/app/current").toString(), "/var/app/current"))).isPositive();
        assertThat(args).as("the control folder stays out of the hook's reach").doesNotContain(control.toString());
        assertThat(Collections.indexOfSubList(args, List.of("--remount-ro", "/", "--chdir", "/opt/codedeploy-agent")))
                .isPositive();
    }

    @Test
    void aDestinationInstallHasNotCreatedYetIsNeitherCreatedNorBound() throws Exception {
        SandboxMounts mounts = SandboxMounts.of(dir.resolve("sandbox"), List.of("/var/app/current"));

        List<String> args = new BubblewrapIsolation(Path.of("/usr/bin/bwrap"), false, false)
                .launch(mounts, dir, List.of("/bin/true"));

        assertThat(mounts.hostPath("/var/app/current")).doesNotExist();
        assertThat(mounts.hostPath("/opt/codedeploy-agent")).isDirectory();
        assertThat(pairs(args, "--bind")).doesNotContain(mounts.hostPath("/var/app/current").toString());
        assertThat(pairs(args, "--dir")).doesNotContain("/var/app/current");
    }

    @Test
    void asRootItTrimsCapabilitiesAndWithNetworkItSharesIt() throws Exception {
        SandboxMounts mounts = SandboxMounts.of(dir.resolve("sandbox"), List.of("/tmp/app"));
        Files.createDirectories(mounts.hostPath("/tmp/app"));

        List<String> args = new BubblewrapIsolation(Path.of("bwrap"), true, true, ProcessLimit.find(false), null)
                .launch(mounts, dir, List.of("/bin/true"));

        assertThat(args).contains("--cap-drop", "CAP_SETUID").doesNotContain("--unshare-net", "CAP_SYS_ADMIN",
                "CAP_DAC_READ_SEARCH", "CAP_MKNOD", "CAP_SETFCAP");
        assertThat(pairs(args, "--cap-add")).containsExactlyElementsOf(BubblewrapIsolation.ROOT_CAPABILITIES);
        assertThat(args).endsWith("--", "/bin/true");
        assertThat(pairs(args, "--tmpfs")).containsExactly("/tmp", "/run");
        assertThat(Collections.indexOfSubList(args, List.of("--tmpfs", "/tmp")))
                .isLessThan(Collections.indexOfSubList(args, List.of("--bind",
                        mounts.hostPath("/tmp/app").toString(), "/tmp/app")));
    }

    @Test
    void coversTheKernelsKnobsInProcAfterMountingIt() throws Exception {
        SandboxMounts mounts = SandboxMounts.of(dir.resolve("sandbox"), List.of());

        List<String> args = new BubblewrapIsolation(Path.of("bwrap"), false, true, ProcessLimit.find(false), null)
                .launch(mounts, dir, List.of("/bin/true"));

        assertThat(Collections.indexOfSubList(args, List.of("--ro-bind", "/proc/sys", "/proc/sys")))
                .isGreaterThan(args.indexOf("--proc"));
        if (Files.exists(Path.of("/proc/kcore"))) {
            assertThat(Collections.indexOfSubList(args, List.of("--ro-bind", "/dev/null", "/proc/kcore")))
                    .isGreaterThan(args.indexOf("--proc"));
        }
    }

    /** The first value after each occurrence of {@code option}. */
    private static List<String> pairs(List<String> args, String option) {
        return java.util.stream.IntStream.range(0, args.size() - 1)
                .filter(i -> args.get(i).equals(option))
                .mapToObj(i -> args.get(i + 1))
                .toList();
    }
}
