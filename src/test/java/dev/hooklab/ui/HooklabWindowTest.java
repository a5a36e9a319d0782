package dev.hooklab.ui;

import dev.hooklab.app.Hooklab;
import dev.hooklab.finding.Diagnostic;
import dev.hooklab.plan.DeploymentType;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The window, headless under Monocle: it shows a revision's lifecycle with paths and its diagnostics. */
@ExtendWith(ApplicationExtension.class)
class HooklabWindowTest {
    @TempDir
    static Path tmp;

    private HooklabWindow window;

    @Start
    void start(Stage stage) {
        Hooklab hooklab = Hooklab.create();
        window = new HooklabWindow(hooklab.inspector(), hooklab.deploymentIds(), hooklab.version(),
                hooklab.inspectionWorker());
        window.show(stage, null);
    }

    @Test
    void showsThePlanAndTheDiagnosticsOfAFolder() throws Exception {
        Path revision = seedStory(tmp.resolve("seed"));
        WaitForAsyncUtils.asyncFx(() -> window.open(revision)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.diagnosticsList().getItems().isEmpty());
        assertThat(window.planTable().getItems())
                .anySatisfy(row -> {
                    assertThat(row.event()).isEqualTo("AfterInstall");
                    assertThat(row.path()).endsWith("/deployment-archive/var/app/current/start_aplication.sh");
                    assertThat(row.status()).isEqualTo("missing");
                });
        assertThat(window.diagnosticsList().getItems()).extracting(Diagnostic::code)
                .extracting(c -> c.slug()).contains("script-missing", "location-leading-slash");
    }

    @Test
    void aNewDeploymentTypeIsJudgedInTheSameDeployment(FxRobot robot) throws Exception {
        Path revision = seedStory(tmp.resolve("typed"));
        Files.writeString(revision.resolve("appspec.yml"), """
                version: 0.0
                os: linux
                hooks:
                  BeforeBlockTraffic:
                    - location: start_aplication.sh
                """);
        WaitForAsyncUtils.asyncFx(() -> window.open(revision)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> blockTraffic().isPresent());
        assertThat(blockTraffic().orElseThrow().runs()).isFalse();
        String id = window.layout().deploymentId();

        ComboBox<DeploymentType> type = robot.lookup(".combo-box").queryComboBox();
        WaitForAsyncUtils.asyncFx(() -> type.setValue(DeploymentType.IN_PLACE_WITH_LB)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> blockTraffic().map(PlanRow::runs).orElse(false));

        assertThat(window.layout().deploymentId()).isEqualTo(id);
        assertThat(blockTraffic().orElseThrow().path()).contains("/" + id + "/deployment-archive/");
    }

    private java.util.Optional<PlanRow> blockTraffic() {
        return window.planTable().getItems().stream().filter(r -> r.event().equals("BeforeBlockTraffic")).findFirst();
    }

    @Test
    void aDropOfNothingUsableSaysWhy() {
        DroppedFiles.Choice none = DroppedFiles.pick(java.util.List.of());
        assertThat(none.file()).isNull();
        assertThat(none.problem()).contains("Drop a bundle");
        DroppedFiles.Choice gone = DroppedFiles.pick(java.util.List.of(tmp.resolve("gone.zip").toFile()));
        assertThat(gone.problem()).contains("does not exist");
    }

    private static Path seedStory(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("start_aplication.sh"), "#!/bin/bash\necho started\n");
        Files.writeString(dir.resolve("appspec.yml"), """
                version: 0.0
                os: linux
                files:
                  - source: /
                    destination: /var/app/current
                hooks:
                  AfterInstall:
                    - location: /var/app/current/start_aplication.sh
                      timeout: 180
                """);
        return dir;
    }
}
