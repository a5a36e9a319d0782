package dev.hooklab.diagnose.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hooklab.cli.HooklabCli;
import dev.hooklab.bundle.TestRevision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static dev.hooklab.cli.HooklabCli.ARCHIVE;
import static dev.hooklab.diagnose.rules.Linting.assertPointsAt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The archive itself and the files section: the declared bundle type decides how the agent unpacks
 * (semantics 2.2); Install copies File.join(archive, source) (semantics 8.2). appspec-not-found has its
 * variants in {@code dev.hooklab.inspect.BundleShapesTest}.
 */
class BundleDiagnosticsTest {
    @TempDir
    Path tmp;

    Linting linting;

    @BeforeEach
    void setUp() {
        linting = new Linting(tmp);
    }

    static final String MINIMAL = "version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: start.sh\n";

    // --- bundle-format-mismatch ---

    @Test
    void aZipNamedTar() throws IOException {
        Path file = TestRevision.withAppSpec(MINIMAL).script("start.sh").zip(tmp, "release.tar");
        HooklabCli.Result r = HooklabCli.lintJson(file);

        assertThat(r.json().path("bundle").path("format").asText()).isEqualTo("zip");
        JsonNode d = r.diagnostic("bundle-format-mismatch");
        assertThat(d.path("severity").asText()).isEqualTo("warning");
        assertThat(d.path("message").asText()).contains("bundle type declared");
        assertThat(d.path("fix").asText()).contains("bundleType zip");
        assertThat(r.exit()).isZero();
    }

    @Test
    void aPlainTarNamedTgz() throws IOException {
        Path file = TestRevision.withAppSpec(MINIMAL).script("start.sh").tar(tmp, "release.tgz");
        HooklabCli.Result r = HooklabCli.lintJson(file);

        assertThat(r.json().path("bundle").path("format").asText()).isEqualTo("tar");
        assertThat(r.diagnostic("bundle-format-mismatch").path("fix").asText()).contains("bundleType tar");
    }

    @Test
    void formatMismatchNearMisses() throws IOException {
        TestRevision rev = TestRevision.withAppSpec(MINIMAL).script("start.sh");
        assertThat(HooklabCli.lintJson(rev.zip(tmp, "release.zip")).codes()).doesNotContain("bundle-format-mismatch");
        assertThat(HooklabCli.lintJson(rev.tgz(tmp, "release.tar.gz")).codes()).doesNotContain("bundle-format-mismatch");
        assertThat(HooklabCli.lintJson(rev.tar(tmp, "release.tar")).codes()).doesNotContain("bundle-format-mismatch");
    }

    // --- files-source-not-in-revision ---

    @Test
    void aFilesSourceTheRevisionLacksFailsInstall() {
        String yaml = """
                version: 0.0
                os: linux
                files:
                  - source: build/libs/app.jar
                    destination: /opt/app
                """;
        HooklabCli.Result r = linting.lint(TestRevision.withAppSpec(yaml).file("build/libs/app-1.0.jar", "jar"));

        JsonNode d = r.diagnostic("files-source-not-in-revision");
        assertThat(d.path("severity").asText()).isEqualTo("error");
        assertThat(d.path("agentMessage").asText())
                .isEqualTo("No such file or directory @ rb_sysopen - " + ARCHIVE + "/build/libs/app.jar");
        assertThat(d.path("fix").asText()).isEqualTo("Write source relative to the revision root.");
        assertPointsAt(d, "appspec.yml", yaml, "source: build");
        assertThat(r.json().path("appspec").path("valid").asBoolean()).as("the AppSpec itself is fine").isTrue();
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void aSourceNamingTheStrippedTopFolderIsMissingToo() throws IOException {
        // semantics 2.3: after stripping, myapp/ is gone from deployment-archive
        String yaml = "version: 0.0\nos: linux\nfiles:\n  - source: myapp/web\n    destination: /var/www\n";
        Path zip = TestRevision.withAppSpec(yaml).file("web/index.html", "hi").under("myapp").zip(tmp, "app.zip");
        HooklabCli.Result r = HooklabCli.lintJson(zip);

        assertThat(r.json().path("bundle").path("topLevelFolderStripped").asBoolean()).isTrue();
        JsonNode d = r.diagnostic("files-source-not-in-revision");
        assertThat(d.path("fix").asText()).isEqualTo("source: web");
        assertThat(d.path("message").asText()).contains("strips the top folder 'myapp/'");
    }

    @Test
    void filesSourceNearMisses() {
        String yaml = """
                version: 0.0
                os: linux
                files:
                  - source: /
                    destination: /opt/app
                  - source: /build/libs/app.jar
                    destination: /opt/app/lib
                  - source: config
                    destination: /etc/app
                """;
        HooklabCli.Result r = linting.lint(TestRevision.withAppSpec(yaml).file("build/libs/app.jar", "jar")
                .file("config/app.conf", "x=1"));

        assertThat(r.codes()).doesNotContain("files-source-not-in-revision");
        assertThat(r.exit()).isZero();
    }
}
