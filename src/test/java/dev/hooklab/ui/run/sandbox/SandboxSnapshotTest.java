package dev.hooklab.ui.run.sandbox;

import dev.hooklab.Await;
import dev.hooklab.TestSessions;
import dev.hooklab.run.session.SessionListener;
import dev.hooklab.run.session.StepSession;
import dev.hooklab.run.shell.InstalledRevision;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The instance side as the sandbox panel reads it. */
@Tag("process")
class SandboxSnapshotTest {
    @TempDir
    Path tmp;

    @Test
    void aFullAgentFolderLeavesTheDestinationsFilesShown() throws Exception {
        try (StepSession session = InstalledRevision.prepare(tmp, "none", SessionListener.NONE).session()) {
            session.runTo(TestSessions.index(session, "Install")).get(Await.GENEROUS.toSeconds(),
                    TimeUnit.SECONDS);
            // more files under the agent's folder than the whole tree holds
            Path big = Files.createDirectories(session.sandbox().host("/opt/codedeploy-agent/deployment-root/big"));
            for (int i = 0; i < SandboxSnapshot.MAX_ENTRIES + 100; i++) {
                Files.writeString(big.resolve("f" + i), "");
            }

            SandboxSnapshot snapshot = SandboxSnapshot.read(session.sandbox(),
                    session.target().layout().scriptsLog());

            SandboxSnapshot.FileNode agent = snapshot.roots().get(0);
            SandboxSnapshot.FileNode current = snapshot.roots().get(1);
            assertThat(agent.instancePath()).isEqualTo("/opt/codedeploy-agent");
            assertThat(agent.find("/opt/codedeploy-agent/deployment-root/big").leftOut()).isPositive();
            assertThat(current.instancePath()).isEqualTo("/var/app/current");
            assertThat(current.children()).extracting(SandboxSnapshot.FileNode::name)
                    .containsExactly("conf", "index.html");
            assertThat(current.find("/var/app/current/conf/app.properties")).isNotNull();
        }
    }
}
