package dev.hooklab.sample;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hooklab.cli.HooklabCli;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The samples run in the bubblewrap sandbox as their stories say: the healthy one green, the seed story red. */
@Tag("process")
@Tag("bwrap")
class SampleRunTest {
    @TempDir
    Path tmp;

    @Test
    void theHealthyServiceRunsGreen() throws Exception {
        Path rev = new Samples().byName(Samples.HEALTHY_SERVICE).orElseThrow().materialize(tmp.resolve("rev"));

        HooklabCli.Result r = HooklabCli.run("run", rev.toString(), "--isolation", "bwrap", "--format", "json");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        JsonNode steps = r.json().path("steps");
        assertThat(r.json().path("result").asText()).isEqualTo("succeeded");
        int ran = 0;
        for (JsonNode step : steps) {
            for (JsonNode script : step.path("scripts")) {
                assertThat(script.path("status").asText()).as(script.toString()).isEqualTo("succeeded");
                ran++;
            }
        }
        assertThat(ran).as("BeforeInstall, AfterInstall, ApplicationStart, ValidateService (ApplicationStop has "
                + "no previous revision)").isEqualTo(4);
    }

    @Test
    void theSeedStoryFailsInAfterInstallWithTheAgentsMessageAndTheFix() throws Exception {
        Path rev = new Samples().seedStory().materialize(tmp.resolve("rev"));

        HooklabCli.Result r = HooklabCli.run("run", rev.toString(), "--isolation", "bwrap", "--format", "json",
                "--deployment-group-id", HooklabCli.GROUP, "--deployment-id", HooklabCli.DEPLOYMENT);

        assertThat(r.exit()).isEqualTo(1);
        JsonNode script = null;
        for (JsonNode step : r.json().path("steps")) {
            if (step.path("event").asText().equals("AfterInstall")) {
                script = step.path("scripts").get(0);
            }
        }
        assertThat(script).isNotNull();
        assertThat(script.path("agentMessage").asText()).isEqualTo("Script does not exist at specified location: "
                + HooklabCli.ARCHIVE + "/var/app/current/start_aplication.sh");
        assertThat(script.path("fix").toString()).contains("location: start_aplication.sh");
    }
}
