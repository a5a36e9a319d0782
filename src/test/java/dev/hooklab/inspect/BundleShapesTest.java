package dev.hooklab.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hooklab.cli.HooklabCli;
import dev.hooklab.bundle.TestRevision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;

import static dev.hooklab.cli.HooklabCli.ARCHIVE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One revision in every shape a bundle comes in: the format is read from the bytes, a single top folder
 * is stripped by the agent's rule (semantics 2.3), and the AppSpec is looked up by its exact name at the
 * root of deployment-archive (semantics 2.4).
 */
class BundleShapesTest {
    @TempDir
    Path tmp;

    static final String APPSPEC = """
            version: 0.0
            os: linux
            files:
              - source: /
                destination: /var/app/current
            hooks:
              ApplicationStart:
                - location: scripts/start.sh
                  timeout: 60
            """;

    static TestRevision revision() {
        return TestRevision.withAppSpec(APPSPEC).script("scripts/start.sh").file("index.html", "<h1>hi</h1>\n");
    }

    Path write(TestRevision r, String format) throws IOException {
        return switch (format) {
            case "zip" -> r.zip(tmp, "app.zip");
            case "tar" -> r.tar(tmp, "app.tar");
            case "tgz" -> r.tgz(tmp, "app.tgz");
            default -> r.folder(tmp, "app");
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"zip", "tar", "tgz", "folder"})
    void everyFormatGivesTheSamePlan(String format) throws IOException {
        HooklabCli.Result r = HooklabCli.inspectJson(write(revision(), format));

        assertThat(r.exit()).as(r.out()).isZero();
        JsonNode bundle = r.json().path("bundle");
        assertThat(bundle.path("format").asText()).isEqualTo(format);
        // appspec.yml, index.html, scripts/ and scripts/start.sh
        assertThat(bundle.path("entries").asInt()).isEqualTo(4);
        assertThat(bundle.path("topLevelFolderStripped").asBoolean()).isFalse();
        assertThat(r.json().path("appspec").path("entry").asText()).isEqualTo("appspec.yml");
        assertThat(r.json().path("appspec").path("valid").asBoolean()).isTrue();
        JsonNode script = r.script("ApplicationStart");
        assertThat(script.path("path").asText()).isEqualTo(ARCHIVE + "/scripts/start.sh");
        assertThat(script.path("bundleEntry").asText()).isEqualTo("scripts/start.sh");
        assertThat(r.json().path("summary").path("errors").asInt()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"zip", "tar", "tgz"})
    void aSingleTopFolderIsStrippedAndEntriesKeepTheirBundlePath(String format) throws IOException {
        HooklabCli.Result r = HooklabCli.inspectJson(write(revision().under("myapp-1.2"), format));

        assertThat(r.exit()).as(r.out()).isZero();
        JsonNode bundle = r.json().path("bundle");
        assertThat(bundle.path("topLevelFolderStripped").asBoolean()).isTrue();
        assertThat(bundle.path("topLevelFolder").asText()).isEqualTo("myapp-1.2");
        assertThat(r.json().path("appspec").path("entry").asText()).isEqualTo("myapp-1.2/appspec.yml");
        JsonNode script = r.script("ApplicationStart");
        assertThat(script.path("path").asText()).as("the folder is gone on the instance")
                .isEqualTo(ARCHIVE + "/scripts/start.sh");
        assertThat(script.path("bundleEntry").asText()).isEqualTo("myapp-1.2/scripts/start.sh");
        assertThat(r.codes()).doesNotContain("appspec-not-found");
    }

    @Test
    void aFolderRevisionIsCopiedAsItIsWithoutStripping() throws IOException {
        // semantics 2.3: stripping happens after extraction, "not for directory revisions"
        HooklabCli.Result r = HooklabCli.inspectJson(revision().under("myapp").folder(tmp, "app"));

        assertThat(r.json().path("bundle").path("topLevelFolderStripped").asBoolean()).isFalse();
        JsonNode missing = r.diagnostic("appspec-not-found");
        assertThat(missing.path("message").asText()).contains("myapp/appspec.yml");
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void aMacOsFinderZipKeepsTheTopFolderAndTheAppSpecIsNotFound() throws IOException {
        TestRevision finder = revision().under("myapp")
                .file("__MACOSX/myapp/._appspec.yml", new byte[]{0, 5, 22, 7}, 0644);
        HooklabCli.Result r = HooklabCli.inspectJson(finder.zip(tmp, "app.zip"));

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.json().path("bundle").path("topLevelFolderStripped").asBoolean()).isFalse();
        assertThat(r.json().path("appspec").get("entry").isNull()).isTrue();
        JsonNode missing = r.diagnostic("appspec-not-found");
        assertThat(missing.path("severity").asText()).isEqualTo("error");
        assertThat(missing.path("message").asText()).contains("__MACOSX").contains("myapp/");
        assertThat(missing.path("fix").asText()).contains("__MACOSX");
        assertThat(missing.path("agentMessage").asText()).startsWith(
                "The CodeDeploy agent did not find an AppSpec file within the unpacked revision directory at "
                        + "revision-relative path \"appspec.yml\". The revision was unpacked to directory \"" + ARCHIVE
                        + "\", and the AppSpec file was expected but not found at path \"" + ARCHIVE + "/appspec.yml\".");
    }

    @Test
    void aStrayFileBesideTheTopFolderBlocksStrippingToo() throws IOException {
        HooklabCli.Result r = HooklabCli.inspectJson(revision().under("myapp").file(".DS_Store", "x")
                .zip(tmp, "app.zip"));

        assertThat(r.diagnostic("appspec-not-found").path("message").asText()).contains(".DS_Store");
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void anAppSpecInTheWrongCaseIsNotFoundOnLinux() throws IOException {
        TestRevision r = TestRevision.empty().file("AppSpec.yml", APPSPEC).script("scripts/start.sh");
        HooklabCli.Result result = HooklabCli.inspectJson(r.zip(tmp, "app.zip"));

        assertThat(result.exit()).isEqualTo(1);
        JsonNode missing = result.diagnostic("appspec-not-found");
        assertThat(missing.path("message").asText()).contains("AppSpec.yml").contains("case-sensitive");
        assertThat(missing.path("fix").asText()).isEqualTo("Rename AppSpec.yml to appspec.yml.");
    }

    @Test
    void aWrongCaseTopFolderAppSpecIsStrippedButStillNotFound() throws IOException {
        // semantics 2.3: the strip test is case-insensitive, the later lookup is not
        TestRevision r = TestRevision.empty().file("AppSpec.yml", APPSPEC).script("scripts/start.sh").under("app");
        HooklabCli.Result result = HooklabCli.inspectJson(r.tgz(tmp, "app.tgz"));

        assertThat(result.json().path("bundle").path("topLevelFolderStripped").asBoolean()).isTrue();
        assertThat(result.diagnostic("appspec-not-found").path("fix").asText()).contains("AppSpec.yml");
        assertThat(result.exit()).isEqualTo(1);
    }

    @Test
    void onlyAppSpecYamlWorksForInstallButNotForHookEvents() throws IOException {
        TestRevision r = TestRevision.empty().file("appspec.yaml", APPSPEC).script("scripts/start.sh");
        HooklabCli.Result result = HooklabCli.inspectJson(r.zip(tmp, "app.zip"));

        JsonNode yaml = result.diagnostic("appspec-yaml-only");
        assertThat(yaml.path("severity").asText()).isEqualTo("warning");
        assertThat(yaml.path("file").asText()).isEqualTo("appspec.yaml");
        assertThat(yaml.path("agentMessage").asText()).contains("revision-relative path \"appspec.yml\"");
        assertThat(result.codes()).doesNotContain("appspec-not-found");
        // the plan is still read from appspec.yaml
        assertThat(result.json().path("appspec").path("entry").asText()).isEqualTo("appspec.yaml");
        assertThat(result.script("ApplicationStart").path("bundleEntry").asText()).isEqualTo("scripts/start.sh");

        // near miss: the deployment names appspec.yaml (AppSpecFilename), so every event finds it
        HooklabCli.Result named = HooklabCli.inspectJson(tmp.resolve("app.zip"), "--appspec-filename", "appspec.yaml");
        assertThat(named.codes()).doesNotContain("appspec-yaml-only", "appspec-not-found");
        assertThat(named.exit()).isZero();
    }

    @Test
    void aNestedAppSpecIsNeverRead() throws IOException {
        TestRevision r = TestRevision.empty().file("config/appspec.yml", APPSPEC).script("scripts/start.sh")
                .file("README.md", "# app\n");
        HooklabCli.Result result = HooklabCli.inspectJson(r.zip(tmp, "app.zip"));

        assertThat(result.exit()).isEqualTo(1);
        JsonNode missing = result.diagnostic("appspec-not-found");
        assertThat(missing.path("message").asText()).contains("config/appspec.yml");
        assertThat(missing.path("fix").asText()).startsWith("Move config/appspec.yml to the root");
        assertThat(result.json().path("appspec").get("entry").isNull()).isTrue();
    }

    @Test
    void nothingLikeAnAppSpec() throws IOException {
        HooklabCli.Result result = HooklabCli.inspectJson(TestRevision.empty().script("start.sh").zip(tmp, "app.zip"));

        JsonNode missing = result.diagnostic("appspec-not-found");
        assertThat(missing.path("message").asText()).contains("start.sh");
        assertThat(result.json().path("appspec").path("valid").asBoolean()).isFalse();
        assertThat(result.exit()).isEqualTo(1);
    }
}
