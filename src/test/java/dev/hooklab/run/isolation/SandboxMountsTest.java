package dev.hooklab.run.isolation;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxMountsTest {
    private final Path root = Path.of("/sandboxes/one");

    @Test
    void mapsInstancePathsUnderTheAgentAndTheDestinationsIntoTheSandbox() {
        SandboxMounts mounts = SandboxMounts.of(root, List.of("/var/app/current/", "/etc/nginx/conf.d"));

        // shallow ones first, so a destination inside another one is mounted after it
        assertThat(mounts.instanceRoots()).containsExactly("/opt/codedeploy-agent", "/etc/nginx/conf.d",
                "/var/app/current");
        assertThat(mounts.hostPath("/opt/codedeploy-agent/deployment-root/x.sh"))
                .isEqualTo(root.resolve("opt/codedeploy-agent/deployment-root/x.sh"));
        assertThat(mounts.hostPath("/var/app/current")).isEqualTo(root.resolve("var/app/current"));
        assertThat(mounts.hostPath("/var/app/current/../other/x")).isEqualTo(Path.of("/var/app/other/x"));
        assertThat(mounts.hostPath("/var/app/currently")).isEqualTo(Path.of("/var/app/currently"));
        assertThat(mounts.hostPath("/etc/passwd")).isEqualTo(Path.of("/etc/passwd"));
        assertThat(mounts.isSandboxed("/etc/nginx/conf.d/site.conf")).isTrue();
        assertThat(mounts.hooklabDir()).isEqualTo(root.resolve(".hooklab"));
    }

    @Test
    void destinationsThatCannotBeMountedAreNoted() {
        SandboxMounts mounts = SandboxMounts.of(root, List.of("/", "/proc/x"));

        assertThat(mounts.instanceRoots()).containsExactly("/opt/codedeploy-agent");
        assertThat(mounts.notes()).hasSize(2);
    }

    @Test
    void relativeDestinationsAreRefused() {
        assertThatThrownBy(() -> SandboxMounts.of(root, List.of("C:\\inetpub")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
