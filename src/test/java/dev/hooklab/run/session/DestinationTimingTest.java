package dev.hooklab.run.session;

import dev.hooklab.RevisionFolder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hooklab.run.HostAccounts;
import dev.hooklab.run.isolation.IsolationProbe;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.hooklab.run.session.RunCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A files destination exists only once Install has created it, as on a fresh instance: a hook before Install
 * does not find it (hooklab creates nothing for it), and Install's cleanup file records the folders it made.
 */
@Tag("process")
@Tag("bwrap")
class DestinationTimingTest {
    private static final String DESTINATION = "/var/www/hooklab-probe-app";

    @TempDir
    Path tmp;

    private Path revision(String seen) throws IOException {
        String probe = "#!/bin/bash\nif [ -d " + seen + " ]; then echo \"$LIFECYCLE_EVENT present\"; "
                + "else echo \"$LIFECYCLE_EVENT absent\"; fi\n";
        return RevisionFolder.with("""
                version: 0.0
                os: linux
                files:
                  - source: /app
                    destination: %s
                hooks:
                  BeforeInstall:
                    - location: scripts/probe.sh
                  AfterInstall:
                    - location: scripts/probe.sh
                """.formatted(DESTINATION)).script("app/index.html", "hello\n")
                .script("scripts/probe.sh", probe).writeTo(tmp.resolve("rev"));
    }

    @Test
    void underBubblewrapTheDestinationAppearsWhenInstallCreatesIt() throws IOException {
        assumeThat(new IsolationProbe(new HostAccounts()).bubblewrapProblem()).as("bubblewrap works here").isNull();
        assumeThat(Path.of(DESTINATION)).as("this machine has no " + DESTINATION).doesNotExist();
        probe("bwrap", DESTINATION);
    }

    @Test
    void withoutIsolationTheSandboxCopyAppearsWhenInstallCreatesIt() throws IOException {
        Path sandbox = tmp.resolve("sandbox");
        // without isolation the hook sees the sandbox folder at its own path
        probe("none", sandbox.resolve(DESTINATION.substring(1)).toString());
    }

    private void probe(String isolation, String seen) throws IOException {
        Path sandbox = tmp.resolve("sandbox");
        RunCommandTest.Result r = run(revision(seen).toString(), "--format", "json", "--isolation", isolation,
                "--sandbox", sandbox.toString(), "--deployment-group-id", "dg-probe");
        assertThat(r.exit()).as(r.err() + r.out()).isZero();
        JsonNode before = r.step("BeforeInstall").get("scripts").get(0);
        assertThat(before.get("stdout").asText()).isEqualTo("BeforeInstall absent\n");
        assertThat(r.step("AfterInstall").get("scripts").get(0).get("stdout").asText()).isEqualTo("AfterInstall present\n");
        if (isolation.equals("bwrap")) {
            assertThat(before.get("notes").toString()).contains("Until Install creates " + DESTINATION + ", hooks do not see it");
        }
        String cleanup = Files.readString(sandbox.resolve(
                "opt/codedeploy-agent/deployment-root/deployment-instructions/dg-probe-cleanup"));
        assertThat(cleanup.lines()).contains("/var/www", DESTINATION, DESTINATION + "/index.html");
    }
}
