package dev.hooklab.run.agent;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.hooklab.run.agent.Sandbox.files;
import static dev.hooklab.run.agent.Sandbox.layout;
import static dev.hooklab.run.agent.Sandbox.spec;
import static org.assertj.core.api.Assertions.assertThat;

/** Destinations and symlinks that would reach this machine's files never do. */
class HostileInstallTest {
    private static final String D1 = "d-AAAAAAAA1";

    @TempDir
    Path dir;
    @TempDir
    Path outside;
    private Path sentinel;
    private Sandbox sandbox;
    private AgentInstall install;

    @BeforeEach
    void setUp() throws IOException {
        sentinel = Files.createDirectories(outside.resolve("sentinel"));
        Files.writeString(sentinel.resolve("keep.txt"), "untouched");
        sandbox = new Sandbox(dir);
        install = new AgentInstall(sandbox.writes, new FakeHost(true));
        sandbox.file(D1, "keep.txt", "from the bundle", 0644).file(D1, "new.txt", "new", 0644);
    }

    @Test
    void dotDotDestinationsStopAtTheSandboxRoot() {
        sandbox.appspec(D1, spec(files("/", "/../../..//etc"), ""));

        InstallResult result = install.install(layout(D1), null, null);

        assertThat(result.succeeded()).isTrue();
        assertThat(dir.resolve("etc/new.txt")).hasContent("new");
        assertThat(sandbox.read(Sandbox.INSTRUCTIONS + "/dg-1234-cleanup"))
                .isEqualTo("/etc/appspec.yml\n/etc/keep.txt\n/etc/new.txt\n");
        assertSentinelUntouched();
    }

    @Test
    void aDestinationThroughASymlinkToAFolderOutsideIsResolvedInsideTheSandbox() {
        sandbox.link("/srv/app", sentinel.toString());
        sandbox.appspec(D1, spec(files("/", "/srv/app"), ""));

        InstallResult result = install.install(layout(D1), null, "OVERWRITE");

        // the link's target, read as an instance path, does not exist in the sandbox: the agent would mkdir it
        assertThat(result.agentMessage()).hasValue("File exists @ dir_s_mkdir - /srv/app");
        assertThat(result.notes()).anyMatch(n -> n.startsWith("/srv/app is a symlink whose target the sandbox does not have"));
        assertSentinelUntouched();
    }

    @Test
    void whenTheLinksTargetExistsInTheSandboxTheFilesGoThere() throws IOException {
        sandbox.link("/srv/app", "../../../../../../../../../../../.." + sentinel);
        Files.createDirectories(sandbox.host(sentinel.toString()));
        sandbox.appspec(D1, spec(files("/", "/srv/app"), ""));

        InstallResult result = install.install(layout(D1), null, null);

        assertThat(result.succeeded()).isTrue();
        assertThat(sandbox.host(sentinel + "/new.txt")).hasContent("new");
        assertSentinelUntouched();
    }

    @Test
    void anArchiveSymlinkToTheHostIsCopiedAsASymlinkNotFollowed() throws IOException {
        sandbox.symlink(D1, "passwd", "/etc/passwd");
        sandbox.appspec(D1, spec(files("/", "/srv/app"), """
                  - object: /srv/app/passwd
                    mode: "777"
                """));

        InstallResult result = install.install(layout(D1), null, null);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.notApplied()).singleElement().satisfies(n -> assertThat(n.reason()).isEqualTo(
                "/srv/app/passwd leads through a symlink to /etc/passwd, which the sandbox does not have; on the "
                        + "instance the agent's chmod changes that file (it follows symlinks)."));
        assertThat(Files.readSymbolicLink(sandbox.host("/srv/app/passwd"))).isEqualTo(Path.of("/etc/passwd"));
        assertThat((Integer) Files.getAttribute(Path.of("/etc/passwd"), "unix:mode") & 0777).isNotEqualTo(0777);
    }

    private void assertSentinelUntouched() {
        try (var files = Files.list(sentinel)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("keep.txt");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(sentinel.resolve("keep.txt")).hasContent("untouched");
    }
}
