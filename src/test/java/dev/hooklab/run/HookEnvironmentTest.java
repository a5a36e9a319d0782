package dev.hooklab.run;

import dev.hooklab.appspec.TargetOs;
import dev.hooklab.plan.DeploymentLayout;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HookEnvironmentTest {

    @Test
    void addsTheAgentsVariablesAndClearsTheCredentials() {
        Map<String, String> bundle = new HashMap<>();
        bundle.put("BUNDLE_BUCKET", "b");
        bundle.put("BUNDLE_KEY", "k.zip");
        bundle.put("BUNDLE_VERSION", null);
        HookEnvironment environment = new HookEnvironment(new DeploymentLayout(TargetOs.LINUX, "/r", "dg-1", "d-1"), "app", "group",
                bundle);

        Map<String, String> env = environment.forScript("ApplicationStop", Map.of("PATH", "/usr/bin",
                "AWS_ACCESS_KEY_ID", "x", "AWS_SECRET_ACCESS_KEY", "y", "AWS_CREDENTIAL_FILE", "z",
                "AWS_REGION", "eu-west-1", "BUNDLE_VERSION", "stale"));

        assertThat(env).containsEntry("PATH", "/usr/bin").containsEntry("AWS_REGION", "eu-west-1")
                .containsEntry("LIFECYCLE_EVENT", "ApplicationStop").containsEntry("DEPLOYMENT_ID", "d-1")
                .containsEntry("APPLICATION_NAME", "app").containsEntry("DEPLOYMENT_GROUP_NAME", "group")
                .containsEntry("DEPLOYMENT_GROUP_ID", "dg-1").containsEntry("BUNDLE_BUCKET", "b")
                .containsEntry("BUNDLE_KEY", "k.zip")
                .doesNotContainKeys("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_CREDENTIAL_FILE",
                        "BUNDLE_VERSION");
    }

    @Test
    void onlyBundleVariablesAreBundleVariables() {
        assertThatThrownBy(() -> new HookEnvironment(new DeploymentLayout(TargetOs.LINUX, "/r", "i", "d"), "a", "g",
                Map.of("PATH", "/")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
