package dev.hooklab.inspect;

import dev.hooklab.appspec.AppSpecParser;
import dev.hooklab.appspec.TargetOs;
import dev.hooklab.appspec.YamlLimits;
import dev.hooklab.bundle.BundleReader;
import dev.hooklab.bundle.TestRevision;
import dev.hooklab.diagnose.rules.Diagnoser;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.plan.DeploymentType;
import dev.hooklab.plan.PlannedScript;
import dev.hooklab.plan.Planner;
import dev.hooklab.plan.ScriptTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A revision is read (listed) once and judged as often as the deployment changes: each judgement has its own
 * deployment's paths, and none lists the bundle again.
 */
class ReadOnceJudgeTest {
    private static final String APPSPEC = """
            version: 0.0
            os: linux
            hooks:
              BeforeBlockTraffic:
                - location: scripts/drain.sh
              AfterInstall:
                - location: scripts/after.sh
            """;
    private static final String ROOT = DeploymentLayout.LINUX_ROOT + "/dg-1/";

    @TempDir
    Path tmp;

    private final Inspector inspector = new Inspector(new BundleReader(), new AppSpecParser(YamlLimits.defaults()),
            new Planner(), new Diagnoser());

    private static DeploymentLayout layout(String deploymentId) {
        return new DeploymentLayout(TargetOs.LINUX, DeploymentLayout.LINUX_ROOT, "dg-1", deploymentId);
    }

    private static PlannedScript script(Inspection in, String event) {
        return in.plan().event(event).orElseThrow().scripts().get(0);
    }

    @Test
    void oneReadArchiveJudgedUnderTwoDeploymentsGivesEachItsPaths() throws Exception {
        Path zip = TestRevision.withAppSpec(APPSPEC).script("scripts/drain.sh").script("scripts/after.sh")
                .zip(tmp, "app.zip");
        OpenedRevision opened = inspector.read(zip);

        Inspection first = inspector.judge(opened, layout("d-FIRST0001"), InspectOptions.defaults());
        Inspection second = inspector.judge(opened, layout("d-SECOND002"),
                InspectOptions.defaults().withType(DeploymentType.IN_PLACE_WITH_LB));

        assertThat(script(first, "AfterInstall").path())
                .isEqualTo(ROOT + "d-FIRST0001/deployment-archive/scripts/after.sh");
        assertThat(script(second, "AfterInstall").path())
                .isEqualTo(ROOT + "d-SECOND002/deployment-archive/scripts/after.sh");
        assertThat(script(second, "AfterInstall").target()).isEqualTo(ScriptTarget.FOUND);
        assertThat(first.layout().deploymentId()).isEqualTo("d-FIRST0001");
        assertThat(second.layout().deploymentId()).isEqualTo("d-SECOND002");
        // the type is a judging setting: BeforeBlockTraffic runs only behind a load balancer
        assertThat(first.plan().event("BeforeBlockTraffic").orElseThrow().runs()).isFalse();
        assertThat(second.plan().event("BeforeBlockTraffic").orElseThrow().runs()).isTrue();
        assertThat(first.diagnostics()).isNotEqualTo(second.diagnostics());
        // both judged the one listing: the reader made one bundle
        assertThat(second.bundle().orElseThrow()).isSameAs(first.bundle().orElseThrow());
        assertThat(second.opened()).isSameAs(opened);
    }

    @Test
    void judgingAgainDoesNotListTheFolderAgain() throws Exception {
        Path folder = TestRevision.withAppSpec(APPSPEC).script("scripts/drain.sh").folder(tmp, "rev");
        OpenedRevision opened = inspector.read(folder);
        assertThat(script(inspector.judge(opened, layout("d-FIRST0001"), InspectOptions.defaults()), "AfterInstall")
                .target()).isEqualTo(ScriptTarget.MISSING);

        writeScript(folder.resolve("scripts/after.sh"));

        // judged again: still the listing made at read time, in which the script was missing
        Inspection again = inspector.judge(opened, layout("d-SECOND002"), InspectOptions.defaults());
        assertThat(script(again, "AfterInstall").target()).isEqualTo(ScriptTarget.MISSING);
        // read again: the new listing has it
        Inspection reread = inspector.judge(inspector.read(folder), layout("d-SECOND002"), InspectOptions.defaults());
        assertThat(script(reread, "AfterInstall").target()).isEqualTo(ScriptTarget.FOUND);
    }

    private static void writeScript(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, TestRevision.BASH);
    }
}
