package dev.hooklab.cli;

import dev.hooklab.bundle.TestRevision;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Escape sequences in a revision (an AppSpec location, a file name) or a hook's output never reach the
 * terminal raw in text output: they are shown escaped, tabs kept; JSON carries the real characters.
 */
@Tag("process")
class TerminalEscapesTest {
    private static final String ESC = "\u001b";

    @TempDir
    Path tmp;

    /** An AppSpec location with ESC[31m in it (YAML's \e), to a file that exists and prints escapes itself. */
    private Path revision() throws IOException {
        return TestRevision.withAppSpec("""
                        version: 0.0
                        os: linux
                        hooks:
                          AfterInstall:
                            - location: "scripts/\\e[31mred.sh"
                          ApplicationStart:
                            - location: "scripts/\\e]0;owned\\amissing.sh"
                        """)
                .script("scripts/" + ESC + "[31mred.sh",
                        "#!/bin/bash\nprintf '\\e[2J\\e[31mred\\e[0m\\tafter a tab\\x7f\\xc2\\x9b6n\\n'\n")
                .folder(tmp, "rev");
    }

    @Test
    void lintAndInspectShowTheLocationsEscaped() throws IOException {
        Path rev = revision();
        for (String command : new String[]{"lint", "inspect"}) {
            HooklabCli.Result r = HooklabCli.run(command, rev.toString(), "--deployment-group-id", HooklabCli.GROUP,
                    "--deployment-id", HooklabCli.DEPLOYMENT);

            assertThat(r.out()).as(command).doesNotContain(ESC).doesNotContain("\u0007");
            assertThat(r.out()).as(command).contains("\\x1b]0;owned\\x07missing.sh");
        }
        HooklabCli.Result inspect = HooklabCli.run("inspect", rev.toString());
        assertThat(inspect.out()).contains("scripts/\\x1b[31mred.sh");
    }

    @Test
    void runShowsHookOutputEscapedWithTabsKeptAndJsonHasTheRealCharacters() throws IOException {
        Path rev = revision();
        HooklabCli.Result text = HooklabCli.run("run", rev.toString(), "--isolation", "none", "--events", "AfterInstall");

        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).doesNotContain(ESC).doesNotContain("\u007f").doesNotContain("\u009b");
        assertThat(text.out()).contains("| \\x1b[2J\\x1b[31mred\\x1b[0m\tafter a tab\\x7f\\u009b6n",
                "scripts/\\x1b[31mred.sh");

        HooklabCli.Result json = HooklabCli.run("run", rev.toString(), "--isolation", "none", "--events", "AfterInstall",
                "--format", "json");
        assertThat(json.exit()).as(json.err()).isZero();
        assertThat(json.out()).doesNotContain(ESC); // JSON escapes it as \u001b
        assertThat(json.json().at("/steps/2/event").asText()).isEqualTo("AfterInstall");
        var script = json.json().at("/steps/2/scripts/0");
        assertThat(script.get("location").asText()).isEqualTo("scripts/" + ESC + "[31mred.sh");
        assertThat(script.get("stdout").asText()).startsWith(ESC + "[2J" + ESC + "[31mred");
    }
}
