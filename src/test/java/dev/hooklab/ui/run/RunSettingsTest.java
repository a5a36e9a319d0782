package dev.hooklab.ui.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The run settings as the window remembers them, and the request they make. */
class RunSettingsTest {
    @TempDir
    Path tmp;

    @Test
    void settingsComeBackAsTheyWereSaved() throws Exception {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("BUNDLE_BUCKET", "my-bucket");
        vars.put("BUNDLE_KEY", "app = v2.zip");
        RunSettings s = new RunSettings("none", true, 12, tmp.resolve("kept sandbox"), vars,
                List.of("BeforeInstall", "AfterInstall"));
        s.save(tmp.resolve("state"));
        RunSettings back = RunSettings.load(tmp.resolve("state"));
        assertThat(back).isEqualTo(s);
        assertThat(back.bundleVariables().keySet()).containsExactly("BUNDLE_BUCKET", "BUNDLE_KEY");
    }

    @Test
    void aMissingOrDamagedFileGivesTheDefaultsAndADamagedValueItsOwnDefault() throws Exception {
        assertThat(RunSettings.load(tmp.resolve("nothing"))).isEqualTo(RunSettings.defaults());
        Files.writeString(tmp.resolve(RunSettings.FILE_NAME), "run.isolation=chroot\nrun.maxTimeout=-4\n"
                + "run.bundleVariables=PATH=/evil\\nBUNDLE_KEY=k\nrun.network=true\n");
        RunSettings s = RunSettings.load(tmp);
        assertThat(s.isolation()).isEqualTo("auto");
        assertThat(s.maxTimeout()).isNull();
        assertThat(s.network()).isTrue();
        assertThat(s.bundleVariables()).containsExactly(Map.entry("BUNDLE_KEY", "k"));
    }

    @Test
    void wrongValuesAreRefusedWithOneClearSentence() {
        assertThatThrownBy(() -> RunSettings.defaults().withIsolation("docker"))
                .hasMessageContaining("auto, bwrap or none");
        assertThatThrownBy(() -> RunSettings.defaults().withMaxTimeout(0)).hasMessageContaining("at least 1 second");
        assertThatThrownBy(() -> RunSettings.defaults().withBundleVariables(Map.of("HOME", "/x")))
                .hasMessageContaining("HOME is not one of");
    }

    @Test
    void theRequestCarriesTheSettingsAndThePreviousRevision() {
        RunSettings s = RunSettings.defaults().withIsolation("bwrap").withNetwork(true).withMaxTimeout(9)
                .withEvents(RunSettings.split("BeforeInstall, AfterInstall"));
        var r = s.request(tmp.resolve("old.zip"));
        assertThat(r.previous()).isEqualTo(tmp.resolve("old.zip"));
        assertThat(r.isolation()).isEqualTo("bwrap");
        assertThat(r.network()).isTrue();
        assertThat(r.maxTimeout()).isEqualTo(9);
        assertThat(r.events()).containsExactly("BeforeInstall", "AfterInstall");
        assertThat(r.sandboxDir()).isNull();
        assertThat(r.waitForOutputs()).as("as the agent").isTrue();
        assertThat(r.deploymentGroupName()).isEqualTo("LocalFleet");
    }
}
