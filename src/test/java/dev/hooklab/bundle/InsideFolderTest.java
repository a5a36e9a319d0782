package dev.hooklab.bundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The one "path inside a folder" check that extraction and the sandbox tree share. */
class InsideFolderTest {
    @TempDir
    Path tmp;

    @Test
    void pathsThatStayInsideAreResolvedAndNormalised() {
        Path folder = tmp.resolve("deployment-archive");

        assertThat(InsideFolder.resolve(folder, "scripts/start.sh")).contains(folder.resolve("scripts/start.sh"));
        assertThat(InsideFolder.resolve(folder, "a/./b/../c")).contains(folder.resolve("a/c"));
        assertThat(InsideFolder.resolve(folder, "")).contains(folder);
        assertThat(InsideFolder.resolve(folder, "a/..")).contains(folder);
    }

    @Test
    void pathsThatLeaveAreRefused() {
        Path folder = tmp.resolve("deployment-archive");

        assertThat(InsideFolder.resolve(folder, "..")).isEmpty();
        assertThat(InsideFolder.resolve(folder, "a/../../x")).isEmpty();
        assertThat(InsideFolder.resolve(folder, "../deployment-archive-2/x")).isEmpty();
        assertThat(InsideFolder.resolve(folder, "/etc/passwd")).isEmpty();
    }

    @Test
    void noLinkIsFollowed() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("sandbox"));
        Files.createSymbolicLink(folder.resolve("out"), tmp);

        // the name stays inside; what the link points at is for the caller to refuse when it writes
        assertThat(InsideFolder.resolve(folder, "out/x")).contains(folder.resolve("out/x"));
        assertThat(InsideFolder.resolve(folder, "out/../../x")).isEmpty();
    }
}
