package dev.hooklab.run;

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

        List<String> args = new BubblewrapIsolation(Path.of("/usr/bin/bwrap"), false, false)
                .launch(mounts, control, List.of("/bin/true"));

        assertThat(args).startsWith("/usr/bin/bwrap").contains("--unshare-pid", "--die-with-parent", "--new-session",
                "--unshare-net").doesNotContain("--cap-add").endsWith("--", "/bin/true");
        assertThat(pairs(args, "--dir")).contains("/var", "/var/app", "/opt");
        assertThat(pairs(args, "--ro-bind")).doesNotContain("/var", "/opt", "/tmp", "/run", "/proc", "/dev")
                .contains("/usr", "/etc");
        assertThat(pairs(args, "--tmpfs")).containsExactly("/tmp", "/run");
        assertThat(Collections.indexOfSubList(args, List.of("--bind",
                mounts.hostPath("/var/app/current").toString(), "/var/app/current"))).isPositive();
        assertThat(Collections.indexOfSubList(args, List.of("--bind", control.toString(), "/run/hooklab")))
                .isPositive();
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

        List<String> args = new BubblewrapIsolation(Path.of("bwrap"), true, true)
                .launch(mounts, dir, List.of("/bin/true"));

        assertThat(args).contains("--cap-drop", "CAP_SETUID").doesNotContain("--unshare-net", "CAP_SYS_ADMIN");
        assertThat(pairs(args, "--tmpfs")).containsExactly("/tmp", "/run");
        assertThat(Collections.indexOfSubList(args, List.of("--tmpfs", "/tmp")))
                .isLessThan(Collections.indexOfSubList(args, List.of("--bind",
                        mounts.hostPath("/tmp/app").toString(), "/tmp/app")));
    }

    /** The first value after each occurrence of {@code option}. */
    private static List<String> pairs(List<String> args, String option) {
        return java.util.stream.IntStream.range(0, args.size() - 1)
                .filter(i -> args.get(i).equals(option))
                .mapToObj(i -> args.get(i + 1))
                .toList();
    }
}
