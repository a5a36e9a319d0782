package dev.hooklab.run.agent;

import dev.hooklab.plan.ArchiveTree;
import dev.hooklab.plan.InstanceFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxTreeTest {
    @TempDir
    Path dir;

    @Test
    void instancePathsMapIntoTheSandboxAndDotDotStopsAtItsRoot() {
        SandboxTree tree = new SandboxTree(dir);

        assertThat(tree.hostPath("/var/app/current")).isEqualTo(dir.resolve("var/app/current"));
        assertThat(tree.hostPath("/../../..//etc")).isEqualTo(dir.resolve("etc"));
        assertThat(tree.hostPath("/var/../..")).isEqualTo(dir);
    }

    @Test
    void relativePathsAndNulCharactersAreRefused() {
        SandboxTree tree = new SandboxTree(dir);

        assertThatThrownBy(() -> tree.hostPath("var/app")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an absolute instance path");
        assertThatThrownBy(() -> tree.hostPath("../etc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.locate("/etc/\0passwd", true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void symlinksResolveInsideTheSandboxAsOnTheInstance(@TempDir Path outside) throws IOException {
        SandboxTree tree = new SandboxTree(dir);
        Files.createDirectories(dir.resolve("var/www/releases/5"));
        Files.createSymbolicLink(dir.resolve("var/www/current"), Path.of("releases/5"));
        Files.createSymbolicLink(dir.resolve("var/www/absolute"), Path.of("/var/www/releases/5"));
        Files.createSymbolicLink(dir.resolve("var/www/climb"), Path.of("../../../../../../../../" + outside));
        Files.createSymbolicLink(dir.resolve("var/www/host"), outside);
        Files.createSymbolicLink(dir.resolve("var/www/back"), dir.resolve("var/www/releases"));

        assertThat(tree.locate("/var/www/current/index.html", true).instancePath())
                .isEqualTo("/var/www/releases/5/index.html");
        assertThat(tree.locate("/var/www/absolute", true).host()).isEqualTo(dir.resolve("var/www/releases/5"));
        assertThat(tree.locate("/var/www/climb/x", true).host().toString())
                .isEqualTo(tree.hostPath(outside + "/x").toString());
        assertThat(tree.locate("/var/www/host/x", true).host().startsWith(dir)).isTrue();
        assertThat(tree.locate("/var/www/back/5", true).instancePath()).isEqualTo("/var/www/releases/5");
        assertThat(tree.locate("/var/www/current", false).instancePath()).isEqualTo("/var/www/current");
        assertThat(tree.isDirectory("/var/www/current")).isTrue();
        assertThat(tree.isSymlink("/var/www/current")).isTrue();
        assertThat(tree.exists("/var/www/host")).isFalse();
    }

    @Test
    void aTreeThatKnowsItsFoldersResolvesEveryLinkAsThePlainTreeDoes(@TempDir Path outside) throws IOException {
        SandboxTree plain = new SandboxTree(dir);
        SandboxTree known = plain.withFolderCache();
        Files.createDirectories(dir.resolve("var/www/releases/5/css"));
        Files.createSymbolicLink(dir.resolve("var/www/current"), Path.of("releases/5"));
        Files.createSymbolicLink(dir.resolve("var/www/releases/5/up"), Path.of("../../../../../../.."));
        Files.createSymbolicLink(dir.resolve("var/www/releases/5/host"), outside);
        Files.createSymbolicLink(dir.resolve("var/www/releases/5/css/file"), Path.of("/etc/passwd"));
        String[] paths = {"/var/www/current/css/file", "/var/www/current/up/etc/x", "/var/www/releases/5/host/x",
            "/var/www/current/css/../host/y", "/var/www/releases/5/css/new.css", "/var/www/current/missing/z"};

        for (int round = 0; round < 2; round++) { // the second round finds the folders already known
            for (String p : paths) {
                for (boolean followFinal : new boolean[] {true, false}) {
                    SandboxFile expected = plain.locate(p, followFinal);
                    SandboxFile actual = known.locate(p, followFinal);
                    assertThat(actual.instancePath()).as(p).isEqualTo(expected.instancePath());
                    assertThat(actual.host()).as(p).isEqualTo(expected.host());
                    assertThat(actual.host().startsWith(dir)).as(p).isTrue();
                }
            }
        }
        assertThat(known.locate("/var/www/current/css/file", true).instancePath()).isEqualTo("/etc/passwd");
        assertThat(known.isDirectory("/var/www/current/missing")).isFalse();
        Files.createDirectory(dir.resolve("var/www/releases/5/missing"));
        assertThat(known.isDirectory("/var/www/current/missing")).as("a miss is not remembered").isTrue();
    }

    @Test
    void loopingSymlinksFailAsTheKernelDoes() throws IOException {
        SandboxTree tree = new SandboxTree(dir);
        Files.createSymbolicLink(dir.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(dir.resolve("b"), Path.of("a"));

        assertThatThrownBy(() -> tree.locate("/a/x", true)).isInstanceOf(FileSystemException.class)
                .hasMessageContaining("Too many levels of symbolic links");
        assertThat(tree.exists("/a")).isFalse();
    }

    @Test
    void theInstanceHasTheSystemFoldersOfAFreshInstanceEvenWhenTheSandboxDoesNot() throws IOException {
        SandboxTree tree = new SandboxTree(dir);
        Files.createDirectories(dir.resolve("srv/app"));
        InstanceFiles instance = tree.instanceFiles();

        assertThat(instance.isDirectory("/var")).isTrue();
        assertThat(Files.exists(dir.resolve("var"))).isFalse();
        assertThat(instance.isDirectory("/srv/app")).isTrue();
        assertThat(instance.exists("/var/app")).isFalse();
    }

    @Test
    void theArchiveDescendsRealDirectoriesOnly() throws IOException {
        SandboxTree tree = new SandboxTree(dir);
        Path archive = dir.resolve("a/deployment-archive");
        Files.createDirectories(archive.resolve("lib"));
        Files.writeString(archive.resolve("lib/x.jar"), "x");
        Files.createSymbolicLink(archive.resolve("linked"), Path.of("lib"));
        ArchiveTree tree2 = tree.archive("/a/deployment-archive");

        assertThat(tree2.list("")).containsExactly("lib", "linked");
        assertThat(tree2.isRealDirectory("")).isTrue();
        assertThat(tree2.isRealDirectory("lib")).isTrue();
        assertThat(tree2.isRealDirectory("linked")).isFalse();
        assertThat(tree2.exists("linked")).isTrue();
        assertThat(tree2.isRealDirectory("lib/x.jar")).isFalse();
    }
}
