package dev.hooklab.cli;

import dev.hooklab.bundle.TestRevision;
import dev.hooklab.finding.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine names settings; the command line prints them as its flags, in text, JSON, SARIF and errors. */
class SettingFlagsTest {
    @TempDir
    Path tmp;

    /** Every option name of lint, inspect and run, mixins included. */
    static Set<String> optionNames() {
        Set<String> names = new HashSet<>();
        for (Object command : new Object[]{new LintCommand(null, null, "test"), new InspectCommand(null, null),
                new RunCommand(null, null, null)}) {
            names.addAll(new CommandLine(command).getCommandSpec().optionsMap().keySet());
        }
        return names;
    }

    @Test
    void everySettingHasAFlagTheCommandLineAccepts() {
        Set<String> options = optionNames();
        assertThat(options).contains("--events", "--deployment-type", "--max-output-size");
        for (Setting setting : Setting.values()) {
            assertThat(options).as(setting.name()).contains(Flags.of(setting));
        }
    }

    @Test
    void aFindingsFixNamesTheFlagInEveryFormat() throws IOException {
        Path zip = TestRevision.withAppSpec("version: 0.0\nos: linux\nhooks:\n  BeforeAllowTraffic:\n"
                + "    - location: start.sh\n").script("start.sh").zip(tmp, "app.zip");

        HooklabCli.Result json = HooklabCli.lintJson(zip);
        assertThat(json.diagnostic("event-not-run-for-deployment-type").path("fix").asText())
                .endsWith("(choose the type with --deployment-type).");
        HooklabCli.Result text = HooklabCli.run("lint", zip.toString());
        assertThat(text.out()).contains("(choose the type with --deployment-type).");
        HooklabCli.Result sarif = HooklabCli.run("lint", zip.toString(), "--format", "sarif");
        assertThat(sarif.out()).contains("(choose the type with --deployment-type).");
        for (HooklabCli.Result r : new HooklabCli.Result[]{json, text, sarif}) {
            assertThat(r.out()).doesNotContain("setting:");
        }
    }

    @Test
    void anEngineRefusalNamesTheFlag() throws IOException {
        Path zip = TestRevision.withAppSpec("version: 0.0\nos: linux\n").zip(tmp, "app.zip");

        BadInputTest.assertRefused(HooklabCli.run("run", zip.toString(), "--os", "windows"),
                "hooklab: hooklab run emulates a Linux instance; --os windows works with lint and inspect only");
        BadInputTest.assertRefused(HooklabCli.run("run", zip.toString(), "--events", "afterInstall"),
                "hooklab: --events: 'afterInstall' is not an event name (PascalCase, e.g. AfterInstall)");
    }
}
