package dev.hooklab.run.agent;

import dev.hooklab.run.isolation.SandboxMounts;
import dev.hooklab.run.ScriptFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chmod +x hooklab makes for the agent cannot be redirected by a link swapped in after the lookup. */
class SandboxScriptFilesTest {
    private static final String SCRIPT = "/opt/codedeploy-agent/deployment-root/g/d/deployment-archive/scripts/a.sh";

    @TempDir
    Path dir;
    @TempDir
    Path outside;

    private Path write(Path file, String mode) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    @Test
    void aScriptIsMadeExecutableInTheSandbox() throws IOException {
        SandboxWrites writes = new SandboxWrites(new SandboxTree(dir));
        SandboxScriptFiles files = new SandboxScriptFiles(writes, SandboxMounts.of(dir, List.of()));
        Path script = write(writes.tree().hostPath(SCRIPT), "rw-r-----");

        ScriptFile found = files.find(SCRIPT);
        files.makeExecutable(found);

        assertThat(found.kind()).isEqualTo(ScriptFile.Kind.FILE);
        assertThat(found.executable()).isFalse();
        assertThat(new String(found.head())).isEqualTo("#!/bin/sh\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(script))).isEqualTo("rwxr-x--x");
    }

    @Test
    void aScriptSwappedForALinkAfterTheLookupIsNotFollowed() throws IOException {
        SandboxWrites writes = new SandboxWrites(new SandboxTree(dir));
        SandboxScriptFiles files = new SandboxScriptFiles(writes, SandboxMounts.of(dir, List.of()));
        Path script = write(writes.tree().hostPath(SCRIPT), "rw-r--r--");
        Path host = write(outside.resolve("host.sh"), "rw-r--r--");
        ScriptFile found = files.find(SCRIPT);

        Files.delete(script);
        Files.createSymbolicLink(script, host);

        assertThatThrownBy(() -> files.makeExecutable(found)).isInstanceOf(IOException.class);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(host))).isEqualTo("rw-r--r--");
    }

    @Test
    void aFolderOnTheWaySwappedForALinkMakesTheChmodFailInsteadOfFollowingIt() throws IOException {
        SandboxWrites writes = new SandboxWrites(new SandboxTree(dir));
        write(writes.tree().hostPath(SCRIPT), "rw-r--r--");
        SandboxFile located = writes.tree().locate(SCRIPT, false);
        // the same layout outside, then the archive's scripts folder becomes a link to it
        Path hostScripts = Files.createDirectories(outside.resolve("scripts"));
        Path host = write(hostScripts.resolve("a.sh"), "rw-r--r--");
        Path folder = located.host().getParent();
        Files.delete(located.host());
        Files.delete(folder);
        Files.createSymbolicLink(folder, hostScripts);

        assertThatThrownBy(() -> writes.addExecutePermission(located)).isInstanceOf(IOException.class);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(host))).isEqualTo("rw-r--r--");
    }

    @Test
    void aPathOutsideTheSandboxedFoldersIsReportedNotLookedInto() throws IOException {
        SandboxWrites writes = new SandboxWrites(new SandboxTree(dir));
        SandboxScriptFiles files = new SandboxScriptFiles(writes, SandboxMounts.of(dir, List.of()));
        Files.createDirectories(writes.tree().hostPath(SCRIPT).getParent());
        Files.createSymbolicLink(writes.tree().hostPath(SCRIPT), Path.of("/etc/passwd"));

        ScriptFile found = files.find(SCRIPT);

        assertThat(found.kind()).isEqualTo(ScriptFile.Kind.OUTSIDE);
        assertThat(found.resolvedPath()).isEqualTo("/etc/passwd");
        assertThat(found.head()).isEmpty();
        assertThatThrownBy(() -> files.makeExecutable(found)).isInstanceOf(IllegalArgumentException.class);
    }
}
