package dev.hooklab.run.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxWritesTest {
    @TempDir
    Path dir;
    @TempDir
    Path outside;

    @Test
    void writesThroughASymlinkToAFolderOutsideStayInTheSandbox() throws IOException {
        Path sentinel = Files.createDirectories(outside.resolve("sentinel"));
        SandboxWrites writes = new SandboxWrites(new SandboxTree(dir));
        Files.createDirectories(dir.resolve("srv"));
        Files.createSymbolicLink(dir.resolve("srv/app"), sentinel);
        Files.createSymbolicLink(dir.resolve("srv/up"), Path.of("../../../../../../../.." + sentinel));
        Files.createDirectories(writes.tree().hostPath(sentinel.toString()));

        writes.writeText("/srv/app/config", "x");
        writes.writeText("/srv/up/more", "y");
        writes.createDirectory("/srv/app/dir");
        writes.createSymlink("/srv/app/link", "/etc/passwd");

        assertThat(sentinel).isEmptyDirectory();
        assertThat(writes.tree().hostPath(sentinel + "/config")).hasContent("x");
        assertThat(writes.tree().hostPath(sentinel + "/more")).hasContent("y");
    }

    @Test
    void aSymlinkAsTheLastComponentIsNotReplacedByMkdirOrSymlink() throws IOException {
        SandboxWrites writes = new SandboxWrites(new SandboxTree(dir));
        Files.createSymbolicLink(dir.resolve("link"), outside);

        assertThatThrownBy(() -> writes.createDirectory("/link")).isInstanceOf(FileAlreadyExistsException.class);
        assertThatThrownBy(() -> writes.createSymlink("/link", "x")).isInstanceOf(FileAlreadyExistsException.class);
        writes.unlink("/link");
        assertThat(Files.exists(dir.resolve("link"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(outside).exists();
    }

    @Test
    void theSandboxFolderItselfIsNeverRemoved() throws IOException {
        SandboxWrites writes = new SandboxWrites(new SandboxTree(dir));
        Files.createDirectories(dir.resolve("a/b"));

        assertThatThrownBy(() -> writes.removeDirectory("/")).isInstanceOf(FileSystemException.class)
                .hasMessageContaining("Device or resource busy");
        assertThatThrownBy(() -> writes.removeDirectory("/a/../..")).isInstanceOf(FileSystemException.class);
        assertThat(writes.removeDirectory("/a")).isFalse();
        assertThat(writes.removeDirectory("/a/b")).isTrue();
        assertThat(dir).exists();
    }

    @Test
    void systemFoldersOfAFreshInstanceAppearWhenSomethingGoesIntoThem() throws IOException {
        SandboxWrites writes = new SandboxWrites(new SandboxTree(dir));

        writes.createDirectory("/usr/local/lib/app");

        assertThat(dir.resolve("usr/local/lib/app")).isDirectory();
        assertThatThrownBy(() -> writes.createDirectory("/srv/app/x")).isInstanceOf(IOException.class);
    }
}
