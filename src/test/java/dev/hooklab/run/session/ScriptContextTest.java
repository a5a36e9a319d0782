package dev.hooklab.run.session;

import dev.hooklab.Await;
import dev.hooklab.RevisionFolder;
import dev.hooklab.TestSessions;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.run.HostAccounts;
import dev.hooklab.run.ScriptContext;
import dev.hooklab.run.ScriptRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@link ScriptRun#context()} says what the hook itself saw: its working directory, user, variables and words. */
@Tag("bwrap")
class ScriptContextTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"bwrap", "none"})
    void theContextIsWhatTheScriptSaw(String isolation) throws Exception {
        assumeTrue(isolation.equals("none") || new HostAccounts().onPath("bwrap").isPresent(), "no bubblewrap");
        Path rev = RevisionFolder.with("""
                        version: 0.0
                        os: linux
                        hooks:
                          BeforeInstall:
                            - location: scripts/where.sh
                              timeout: 90
                        """)
                .script("scripts/where.sh", "#!/bin/bash\necho \"$PWD\"\nid -un\necho \"$LIFECYCLE_EVENT $DEPLOYMENT_ID"
                        + " $APPLICATION_NAME $DEPLOYMENT_GROUP_NAME $DEPLOYMENT_GROUP_ID\"\necho \"$0\"\n")
                .writeTo(tmp.resolve("rev"));
        RunRequest request = new RunRequest(null, null, List.of(), tmp.resolve("sandbox"), isolation, false, 30,
                "shop", "shop-prod", Map.of("BUNDLE_BUCKET", "my-bucket"), null, true, null);
        try (StepSession s = TestSessions.build(rev, request, SessionListener.NONE).session()) {
            int before = TestSessions.index(s, "BeforeInstall");
            s.runTo(before).get(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS);
            ScriptRun run = s.steps().get(before).scripts().get(0).run();
            assertThat(run.succeeded()).as(run.notes().toString()).isTrue();
            ScriptContext c = run.context();
            List<String> printed = run.stdout().text().lines().toList();
            assertThat(c.workingDirectory()).isEqualTo(printed.get(0));
            assertThat(c.user()).isEqualTo(printed.get(1));
            DeploymentLayout layout = s.target().layout();
            assertThat(printed.get(2)).isEqualTo("BeforeInstall " + layout.deploymentId() + " shop shop-prod "
                    + layout.deploymentGroupId());
            assertThat(c.argv()).containsExactly(printed.get(3));
            assertThat(c.codeDeployVariables()).containsExactly(Map.entry("LIFECYCLE_EVENT", "BeforeInstall"),
                    Map.entry("DEPLOYMENT_ID", layout.deploymentId()), Map.entry("APPLICATION_NAME", "shop"),
                    Map.entry("DEPLOYMENT_GROUP_NAME", "shop-prod"),
                    Map.entry("DEPLOYMENT_GROUP_ID", layout.deploymentGroupId()),
                    Map.entry("BUNDLE_BUCKET", "my-bucket"));
            assertThat(c.environment()).containsKey("PATH").doesNotContainKey("AWS_SECRET_ACCESS_KEY");
            assertThat(c.timeoutSeconds()).isEqualTo(30);
            assertThat(c.appSpecTimeoutSeconds()).isEqualTo(90);
            assertThat(c.timeoutShortened()).isTrue();
            assertThat(c.isolation()).isEqualTo(isolation);
            if (isolation.equals("bwrap")) {
                assertThat(c.workingDirectory()).isEqualTo("/opt/codedeploy-agent");
                assertThat(c.argv().get(0)).isEqualTo(layout.archiveDir() + "/scripts/where.sh");
            } else {
                assertThat(c.workingDirectory()).startsWith(tmp.resolve("sandbox").toString())
                        .endsWith("/opt/codedeploy-agent");
            }
        }
    }
}
