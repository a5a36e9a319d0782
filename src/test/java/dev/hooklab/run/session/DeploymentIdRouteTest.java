package dev.hooklab.run.session;

import dev.hooklab.RevisionFolder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hooklab.app.Hooklab;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment id the user does not give is drawn once, by the front end, from the generator the composition
 * root injects; the plan's paths, the sandbox's folders and the hooks' DEPLOYMENT_ID all carry that one id.
 */
@Tag("process")
class DeploymentIdRouteTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROOT = "opt/codedeploy-agent/deployment-root/default-local-deployment-group/";
    private static final String APPSPEC = """
            version: 0.0
            os: linux
            hooks:
              ApplicationStop:
                - location: scripts/id.sh
              AfterInstall:
                - location: scripts/id.sh
            """;

    @TempDir
    Path tmp;

    private final AtomicInteger drawn = new AtomicInteger();
    private final Hooklab hooklab = Hooklab.create(() -> "d-DRAWN000" + drawn.incrementAndGet());

    private JsonNode execute(String... args) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = hooklab.cli().execute(args, new PrintWriter(out), new PrintWriter(err));
        assertThat(exit).as(err.toString()).isZero();
        return JSON.readTree(out.toString());
    }

    private Path revision(String name, String version) throws IOException {
        return RevisionFolder.with(APPSPEC).script("scripts/id.sh", "#!/bin/bash\necho \"" + version + " $DEPLOYMENT_ID\"\n")
                .writeTo(tmp.resolve(name));
    }

    @Test
    void inspectShowsTheDrawnId() throws IOException {
        JsonNode json = execute("inspect", revision("rev", "new").toString(), "--format", "json");
        assertThat(json.get("layout").get("deploymentId").asText()).isEqualTo("d-DRAWN0001");
        assertThat(json.get("layout").get("archiveDir").asText())
                .isEqualTo("/" + ROOT + "d-DRAWN0001/deployment-archive");
        assertThat(drawn).hasValue(1);
    }

    @Test
    void aRunsHooksSeeTheIdItsLayoutWasResolvedWith() throws IOException {
        Path sandbox = tmp.resolve("sandbox");
        JsonNode json = execute("run", revision("rev", "new").toString(), "--previous",
                revision("old", "old").toString(), "--isolation", "none", "--sandbox", sandbox.toString(),
                "--format", "json");
        assertThat(drawn).as("one id drawn for the whole run").hasValue(1);
        for (JsonNode step : json.get("steps")) {
            if (step.get("event").asText().equals("AfterInstall")) {
                assertThat(step.get("scripts").get(0).get("stdout").asText()).isEqualTo("new d-DRAWN0001\n");
            }
            if (step.get("event").asText().equals("ApplicationStop")) {
                // the previous revision's script, run by this deployment: the agent gives it this deployment's id
                assertThat(step.get("scripts").get(0).get("stdout").asText()).isEqualTo("old d-DRAWN0001\n");
            }
        }
        assertThat(json.get("scriptsLog").asText()).isEqualTo("/" + ROOT + "d-DRAWN0001/logs/scripts.log");
        assertThat(Files.readString(sandbox.resolve(ROOT + "d-DRAWN0001/logs/scripts.log"))).contains("new d-DRAWN0001");
        // the previous revision's own deployment ran under its own fixed id
        assertThat(Files.readString(sandbox.resolve(ROOT + "d-PREVIOUS0/logs/scripts.log"))).contains("old d-PREVIOUS0");
    }
}
