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
        DeploymentLayout layout = DeploymentLayout.defaults(TargetOs.LINUX, new Random(7));
        assertThat(layout.deploymentGroupId()).isEqualTo("default-local-deployment-group");
        assertThat(layout.deploymentId()).matches("d-[A-Z0-9]{9}");
        assertThat(DeploymentLayout.defaults(TargetOs.LINUX, new Random(8)).deploymentId())
                .isNotEqualTo(layout.deploymentId());
    }

    @Test
    void windowsRootAsTheAgentPrintsIt() {
        DeploymentLayout layout = DeploymentLayout.defaults(TargetOs.WINDOWS, new Random(1)).withDeploymentId("d-X");
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
