package dev.hooklab.plan;

import dev.hooklab.appspec.TargetOs;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DeploymentLayoutTest {

    @Test
    void seedStoryPath() {
        DeploymentLayout layout = new DeploymentLayout(TargetOs.LINUX, DeploymentLayout.LINUX_ROOT,
                "f808110e-bfcb-4ea9-a1f0-6377570718ec", "d-VALNHOGV7");
        assertThat(layout.scriptPath("/var/app/current/start_aplication.sh")).isEqualTo(
                "/opt/codedeploy-agent/deployment-root/f808110e-bfcb-4ea9-a1f0-6377570718ec/d-VALNHOGV7/"
                        + "deployment-archive/var/app/current/start_aplication.sh");
        assertThat(layout.scriptsLog()).isEqualTo("/opt/codedeploy-agent/deployment-root/"
                + "f808110e-bfcb-4ea9-a1f0-6377570718ec/d-VALNHOGV7/logs/scripts.log");
        assertThat(layout.instructionsDir()).isEqualTo("/opt/codedeploy-agent/deployment-root/deployment-instructions");
    }

    @Test
    void defaultsFollowCodedeployLocal() {
        DeploymentLayout layout = DeploymentLayout.defaults(TargetOs.LINUX, DeploymentIds.random(new Random(7)));
        assertThat(layout.deploymentGroupId()).isEqualTo("default-local-deployment-group");
        assertThat(layout.rootDir()).isEqualTo("/opt/codedeploy-agent/deployment-root");
        assertThat(layout.deploymentId()).matches("d-[A-Z0-9]{9}");
        assertThat(DeploymentLayout.defaults(TargetOs.LINUX, DeploymentIds.random(new Random(8))).deploymentId())
                .isNotEqualTo(layout.deploymentId());
        assertThat(DeploymentLayout.defaults(TargetOs.LINUX, DeploymentIds.random(new Random(7))).deploymentId())
                .as("a seeded generator draws the same id").isEqualTo(layout.deploymentId());
    }

    @Test
    void whatTheUserGivesWinsAndTheGeneratorIsAskedOnlyForAMissingId() {
        java.util.concurrent.atomic.AtomicInteger drawn = new java.util.concurrent.atomic.AtomicInteger();
        DeploymentIds ids = () -> "d-DRAWN" + drawn.incrementAndGet() + "000";
        DeploymentLayout given = DeploymentLayout.resolve(TargetOs.LINUX, "/srv/cd", "dg-1", "d-GIVEN0000", ids);
        assertThat(given).isEqualTo(new DeploymentLayout(TargetOs.LINUX, "/srv/cd", "dg-1", "d-GIVEN0000"));
        assertThat(drawn).hasValue(0);
        assertThat(DeploymentLayout.resolve(TargetOs.LINUX, null, null, null, ids).deploymentId()).isEqualTo("d-DRAWN1000");
    }

    @Test
    void windowsRootAsTheAgentPrintsIt() {
        DeploymentLayout layout = DeploymentLayout.defaults(TargetOs.WINDOWS, () -> "d-UNUSED000").withDeploymentId("d-X");
        assertThat(layout.rootDir()).isEqualTo("C:\\ProgramData\\Amazon\\CodeDeploy");
        assertThat(layout.archiveDir()).isEqualTo("C:/ProgramData/Amazon/CodeDeploy/default-local-deployment-group/d-X/deployment-archive");
    }

    @Test
    void insideArchiveExcludesTheArchiveItselfAndSiblings() {
        DeploymentLayout layout = new DeploymentLayout(TargetOs.LINUX, "/r", "g", "d");
        assertThat(layout.insideArchive("/r/g/d/deployment-archive/x")).isTrue();
        assertThat(layout.insideArchive("/r/g/d/deployment-archive")).isFalse();
        assertThat(layout.insideArchive("/r/g/d/deployment-archive-temp/x")).isFalse();
    }
}
