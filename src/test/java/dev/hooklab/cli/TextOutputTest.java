package dev.hooklab.cli;

import dev.hooklab.bundle.TestRevision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static dev.hooklab.cli.HooklabCli.ARCHIVE;
import static org.assertj.core.api.Assertions.assertThat;

/** Terminal output: {@code file:line:col: severity [code] message}, then the agent's words and the fix. */
class TextOutputTest {
    @TempDir
    Path tmp;

    static final Pattern HEADLINE = Pattern.compile("^(\\S+?)(:\\d+(:\\d+)?)?: (error|warning|info) \\[([a-z0-9-]+)] .+");

    static TestRevision revision() {
        return TestRevision.withAppSpec("""
                        version: 0.0
                        os: linux
                        hooks:
                          AfterInstall:
                            - location: /scripts/install.sh
                          ApplicationStart:
                            - location: scripts/start.sh
                        """)
                .script("scripts/install.sh");
    }

    @Test
    void lintPrintsOneHeadlinePerDiagnosticWithAgentAndFixLines() throws IOException {
        HooklabCli.Result r = HooklabCli.run("lint", revision().folder(tmp, "rev").toString(),
                "--deployment-group-id", HooklabCli.GROUP, "--deployment-id", HooklabCli.DEPLOYMENT);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEmpty();
        List<String> lines = List.of(r.out().split("\\R"));
        assertThat(lines).contains(
                "appspec.yml:7:17: error [script-missing] ApplicationStart's script scripts/start.sh is looked up at "
                        + ARCHIVE + "/scripts/start.sh. The revision has no file at scripts/start.sh (after the agent's "
                        + "top-folder rule).",
                "    agent: Script does not exist at specified location: " + ARCHIVE + "/scripts/start.sh",
                "    fix:   location: scripts/install.sh");
        assertThat(lines).anyMatch(l -> l.startsWith("appspec.yml:5:17: warning [location-leading-slash] "));
        for (String line : lines.subList(0, lines.size() - 1)) {
            assertThat(HEADLINE.matcher(line).matches() || line.startsWith("    agent: ") || line.startsWith("    fix:   "))
                    .as("line: " + line).isTrue();
        }
        assertThat(lines.get(lines.size() - 1)).isEqualTo("1 error, 1 warning, 0 info: the agent would fail this deployment.");
        assertThat(r.out()).doesNotContain("\u001b[");
    }

    @Test
    void inspectShowsEveryEventWithItsPath() throws IOException {
        HooklabCli.Result r = HooklabCli.run("inspect", revision().zip(tmp, "app.zip").toString(),
                "--deployment-group-id", HooklabCli.GROUP, "--deployment-id", HooklabCli.DEPLOYMENT);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("Archive     " + ARCHIVE)
                .contains(ARCHIVE + "/scripts/install.sh")
                .contains("found scripts/install.sh")
                .contains("missing from the revision")
                .contains("ApplicationStop")
                .contains("appspec.yml:7:17: error [script-missing]");
    }

    @Test
    void aCleanRevisionSaysSo() throws IOException {
        HooklabCli.Result r = HooklabCli.run("lint", TestRevision.withAppSpec(
                "version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n").script("a.sh")
                .folder(tmp, "rev").toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("0 errors, 0 warnings, 0 info: the agent would accept this revision." + System.lineSeparator());
    }
}
