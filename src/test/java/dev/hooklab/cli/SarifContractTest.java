package dev.hooklab.cli;

import dev.hooklab.bundle.TestRevision;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SARIF 2.1.0 in the shape GitHub code scanning accepts: a driver with rules, results with a rule id, a
 * level, a message and a physical location whose URI is relative to the working directory (the checkout)
 * when the file is under it, and a region starting at line 1 or later.
 */
class SarifContractTest {
    @TempDir
    Path tmp;

    /** A folder under the working directory (the project), as a checkout in CI would be. */
    Path checkout;

    @BeforeEach
    void makeCheckout() throws IOException {
        Files.createDirectories(Path.of("target"));
        checkout = Files.createTempDirectory(Path.of("target"), "sarif-checkout-");
    }

    @AfterEach
    void removeCheckout() throws IOException {
        try (Stream<Path> all = Files.walk(checkout)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static final String APPSPEC = """
            version: 0.0
            os: linux
            hooks:
              AfterInstal:
                - location: scripts/install.sh
              ApplicationStart:
                - location: scripts/start.sh
                - location: scripts/missing.sh
            """;

    static TestRevision revision() {
        return TestRevision.withAppSpec(APPSPEC).script("scripts/install.sh")
                .script("scripts/start.sh", "#!/bin/bash\r\nnohup node server.js &\r\n");
    }

    static JsonNode sarif(Path input) {
        HooklabCli.Result r = HooklabCli.run("lint", input.toString(), "--format", "sarif");
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isEqualTo(1);
        return r.json();
    }

    static void assertGitHubShape(JsonNode sarif) {
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.path("$schema").asText()).contains("sarif");
        assertThat(sarif.path("runs")).hasSize(1);
        JsonNode run = sarif.path("runs").get(0);
        JsonNode driver = run.path("tool").path("driver");
        assertThat(driver.path("name").asText()).isEqualTo("hooklab");
        Set<String> ids = new HashSet<>();
        for (JsonNode rule : driver.path("rules")) {
            assertThat(rule.path("id").asText()).isNotBlank();
            assertThat(rule.path("shortDescription").path("text").asText()).isNotBlank();
            assertThat(rule.path("help").path("text").asText()).isNotBlank();
            assertThat(ids.add(rule.path("id").asText())).as("rule ids are unique").isTrue();
        }
        assertThat(run.path("results")).isNotEmpty();
        for (JsonNode result : run.path("results")) {
            String ruleId = result.path("ruleId").asText();
            assertThat(ids).contains(ruleId);
            if (result.has("ruleIndex")) {
                assertThat(driver.path("rules").get(result.path("ruleIndex").asInt()).path("id").asText()).isEqualTo(ruleId);
            }
            assertThat(result.path("level").asText()).isIn("error", "warning", "note");
            assertThat(result.path("message").path("text").asText()).isNotBlank();
            JsonNode location = result.path("locations").get(0).path("physicalLocation");
            assertThat(location.path("artifactLocation").path("uri").asText()).isNotBlank();
            assertThat(location.path("region").path("startLine").asInt()).isGreaterThanOrEqualTo(1);
            if (location.path("region").has("startColumn")) {
                assertThat(location.path("region").path("startColumn").asInt()).isGreaterThanOrEqualTo(1);
            }
        }
    }

    static JsonNode result(JsonNode sarif, String ruleId) {
        for (JsonNode r : sarif.path("runs").get(0).path("results")) {
            if (r.path("ruleId").asText().equals(ruleId)) {
                return r;
            }
        }
        throw new AssertionError("no " + ruleId + " result in " + sarif.toPrettyString());
    }

    static JsonNode physical(JsonNode result) {
        return result.path("locations").get(0).path("physicalLocation");
    }

    @Test
    void aFolderInTheCheckoutPointsAtItsFilesRelatively() throws IOException {
        Path rev = revision().folder(checkout, "deploy");
        String base = Path.of("").toAbsolutePath().relativize(rev.toAbsolutePath()).toString();
        JsonNode sarif = sarif(rev);

        assertGitHubShape(sarif);
        JsonNode missing = result(sarif, "script-missing");
        assertThat(missing.path("level").asText()).isEqualTo("error");
        assertThat(missing.path("message").path("text").asText()).contains("Script does not exist at specified location");
        assertThat(physical(missing).path("artifactLocation").path("uri").asText()).isEqualTo(base + "/appspec.yml");
        assertThat(physical(missing).path("region").path("startLine").asInt()).isEqualTo(8);
        assertThat(physical(missing).path("region").path("startColumn").asInt()).isEqualTo(17);

        JsonNode event = result(sarif, "unknown-event");
        assertThat(event.path("level").asText()).isEqualTo("warning");
        assertThat(physical(event).path("region").path("startLine").asInt()).isEqualTo(4);

        JsonNode crlf = result(sarif, "script-crlf");
        assertThat(physical(crlf).path("artifactLocation").path("uri").asText()).isEqualTo(base + "/scripts/start.sh");
        assertThat(physical(crlf).path("region").path("startLine").asInt()).isEqualTo(1);

        JsonNode background = result(sarif, "background-process-holds-output");
        assertThat(physical(background).path("region").path("startLine").asInt()).isEqualTo(2);
    }

    @Test
    void anArchiveInTheCheckoutIsTheArtifact() throws IOException {
        Path zip = revision().zip(checkout, "app.zip");
        String uri = Path.of("").toAbsolutePath().relativize(zip.toAbsolutePath()).toString();
        JsonNode sarif = sarif(zip);

        assertGitHubShape(sarif);
        JsonNode missing = result(sarif, "script-missing");
        assertThat(physical(missing).path("artifactLocation").path("uri").asText()).isEqualTo(uri);
        assertThat(physical(missing).path("region").path("startLine").asInt()).isEqualTo(1);
        assertThat(missing.path("message").path("text").asText()).contains("appspec.yml:8");
        JsonNode crlf = result(sarif, "script-crlf");
        assertThat(physical(crlf).path("artifactLocation").path("uri").asText()).as("lines of scripts inside a zip")
                .isEqualTo(uri);
        assertThat(crlf.path("message").path("text").asText()).contains("scripts/start.sh:1");
    }

    @Test
    void aFileOutsideTheWorkingDirectoryGetsAnAbsoluteUri() throws IOException {
        Path rev = revision().folder(tmp, "deploy");
        JsonNode sarif = sarif(rev);

        assertGitHubShape(sarif);
        String uri = physical(result(sarif, "script-missing")).path("artifactLocation").path("uri").asText();
        assertThat(uri).isEqualTo(rev.resolve("appspec.yml").toUri().toString());
    }

    @Test
    void infoDiagnosticsAreNotes() throws IOException {
        Path rev = TestRevision.withAppSpec("version: 0.0\nos: linux\nhooks:\n  ApplicationStop:\n    - location: stop.sh\n")
                .script("stop.sh").folder(checkout, "deploy");
        HooklabCli.Result r = HooklabCli.run("lint", rev.toString(), "--format", "sarif");

        assertThat(r.exit()).isZero();
        assertGitHubShape(r.json());
        assertThat(result(r.json(), "previous-revision-event").path("level").asText()).isEqualTo("note");
    }

    @Test
    void aLoneAppSpecAndAnOverridePointIntoThemselves() throws IOException {
        Path lone = Files.writeString(checkout.resolve("appspec.yml"), APPSPEC);
        Path cwd = Path.of("").toAbsolutePath();
        JsonNode sarif = HooklabCli.run("lint", lone.toString(), "--format", "sarif").json();

        assertGitHubShape(sarif);
        JsonNode event = result(sarif, "unknown-event");
        assertThat(physical(event).path("artifactLocation").path("uri").asText())
                .isEqualTo(cwd.relativize(lone.toAbsolutePath()).toString());
        assertThat(physical(event).path("region").path("startLine").asInt()).isEqualTo(4);

        Path override = Files.writeString(checkout.resolve("staging.yml"), APPSPEC);
        Path zip = revision().zip(checkout, "app.zip");
        JsonNode overridden = HooklabCli.run("lint", zip.toString(), "--appspec", override.toString(), "--format", "sarif")
                .json();
        JsonNode missing = result(overridden, "script-missing");
        assertThat(physical(missing).path("artifactLocation").path("uri").asText())
                .isEqualTo(cwd.relativize(override.toAbsolutePath()).toString());
        assertThat(physical(missing).path("region").path("startLine").asInt()).isEqualTo(8);
    }
}
