package dev.hooklab.run.agent;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstallCleanupTest {
    private static final String FILE = "/opt/codedeploy-agent/deployment-root/deployment-instructions/dg-1234-cleanup";

    @TempDir
    Path dir;
    private Sandbox sandbox;

    @BeforeEach
    void setUp() {
        sandbox = new Sandbox(dir);
    }

    @Test
    void linesRunInReverseNonEmptyDirectoriesStayAndAnUnterminatedLastLineIsSkipped() throws AgentError {
        sandbox.placed("/srv/app/a.txt", "a").placed("/srv/app/b.txt", "b").placed("/srv/app/mine.txt", "by hand")
                .placed("/srv/app/half.txt", "interrupted")
                .placed(FILE, "/srv/app\n/srv/app/a.txt\n  /srv/app/b.txt \r\nsrv/gone.txt\n\n/srv/app/half.txt");

        CleanupReport report = new InstallCleanup(sandbox.writes).run(FILE);

        assertThat(report.found()).isTrue();
        assertThat(report.removed()).containsExactly("/srv/app/b.txt", "/srv/app/a.txt");
        assertThat(report.keptNotEmpty()).containsExactly("/srv/app");
        assertThat(report.skippedLastLine()).hasValue("/srv/app/half.txt");
        assertThat(sandbox.exists("/srv/app/mine.txt")).isTrue();
        assertThat(sandbox.exists("/srv/app/half.txt")).isTrue();
        assertThat(sandbox.exists(FILE)).isFalse();
    }

    @Test
    void aSymlinkIsRemovedItselfAndSelinuxLinesAreReported() throws AgentError, IOException {
        Files.createDirectories(dir.resolve("srv/target"));
        sandbox.link("/srv/link", "target").placed(FILE, "/srv/link\nsemanage\0/srv/target\n");

        CleanupReport report = new InstallCleanup(sandbox.writes).run(FILE);

        assertThat(report.removed()).containsExactly("/srv/link");
        assertThat(report.contextsNotRemoved()).containsExactly("/srv/target");
        assertThat(dir.resolve("srv/target")).isDirectory();
    }

    @Test
    void noFileNoCleanup() throws AgentError {
        assertThat(new InstallCleanup(sandbox.writes).run(FILE)).isEqualTo(CleanupReport.none());
    }

    @Test
    void aLineNamingTheRootFailsAsRmdirOfSlashDoes() {
        sandbox.placed(FILE, "/\n");

        assertThatThrownBy(() -> new InstallCleanup(sandbox.writes).run(FILE)).isInstanceOf(AgentError.class)
                .hasMessage("Device or resource busy @ dir_s_rmdir - /");
        assertThat(dir).exists();
        assertThat(sandbox.exists(FILE)).isTrue();
    }
}
