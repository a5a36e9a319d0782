package dev.hooklab.diagnose.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hooklab.cli.HooklabCli;
import dev.hooklab.bundle.TestRevision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static dev.hooklab.cli.HooklabCli.ARCHIVE;
import static dev.hooklab.diagnose.rules.Linting.assertPointsAt;
import static org.assertj.core.api.Assertions.assertThat;

/** What the kernel, su, sudo and the shell make of a hook script's bytes (semantics 4.3, 4.4, 4.7, 5). */
class ScriptDiagnosticsTest {
    @TempDir
    Path tmp;

    Linting linting;

    @BeforeEach
    void setUp() {
        linting = new Linting(tmp);
    }

    static String start(String extra) {
        return """
                version: 0.0
                os: linux
                hooks:
                  ApplicationStart:
                    - location: scripts/start.sh
                """ + extra;
    }

    static TestRevision withScript(String appspec, String body, int mode) {
        return Linting.appspec(appspec).file("scripts/start.sh", body, mode);
    }

    // --- script-crlf ---

    @Test
    void crlfShebangFailsWithENOENTNamingTheScript() {
        // semantics 4.4: exec fails with ENOENT for '/bin/bash\r'; 4.7: spawn errors are "failed with error ..."
        HooklabCli.Result r = linting.lint(withScript(start(""), "#!/bin/bash\r\necho start\r\n", 0755));

        JsonNode d = r.diagnostic("script-crlf");
        assertThat(d.path("severity").asText()).isEqualTo("error");
        assertThat(d.path("agentMessage").asText()).isEqualTo("Script at specified location: scripts/start.sh failed "
                + "with error Errno::ENOENT with message No such file or directory - " + ARCHIVE + "/scripts/start.sh");
        assertThat(d.path("message").asText()).contains("'/bin/bash\\r'");
        assertThat(d.path("file").asText()).isEqualTo("scripts/start.sh");
        assertThat(d.path("line").asInt()).isEqualTo(1);
        assertThat(d.path("column").asInt()).as("the CR after #!/bin/bash").isEqualTo(12);
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void crlfShebangWithAnOptionBreaksTheOption() {
        // the CR ends the interpreter's one argument: bash gets '-e\r' and stops on the invalid option
        HooklabCli.Result r = linting.lint(withScript(start(""), "#!/bin/bash -e\r\necho start\r\n", 0755));

        JsonNode d = r.diagnostic("script-crlf");
        assertThat(d.path("severity").asText()).isEqualTo("error");
        assertThat(d.path("message").asText()).contains("'-e\\r'").contains("invalid option");
        assertThat(d.get("agentMessage").isNull()).as("the exit status depends on the option").isTrue();
    }

    @Test
    void crlfShebangWithRunasIsABadInterpreterFromSusShell() {
        // semantics 4.4: su <user> -c <path> runs the path through the user's shell: "bad interpreter", exit 126;
        // 4.7: the prefix names the runas user
        HooklabCli.Result r = linting.lint(withScript(start("      runas: ec2-user\n"),
                "#!/bin/bash\r\necho start\r\n", 0755));

        assertThat(r.diagnostic("script-crlf").path("agentMessage").asText()).isEqualTo(
                "Script at specified location: scripts/start.sh run as user ec2-user failed with exit code 126");
    }

    @Test
    void crlfShebangThroughEnvIsExit127() {
        // '#!/usr/bin/env bash\r': env exists and exits 127 because it finds no 'bash\r'
        HooklabCli.Result r = linting.lint(withScript(start(""), "#!/usr/bin/env bash\r\necho start\r\n", 0755));

        JsonNode d = r.diagnostic("script-crlf");
        assertThat(d.path("agentMessage").asText())
                .isEqualTo("Script at specified location: scripts/start.sh failed with exit code 127");
        assertThat(d.path("message").asText()).contains("'bash\\r'");
    }

    @Test
    void crlfShebangWithSudoIsSudosExit1() {
        HooklabCli.Result r = linting.lint(withScript(start("      sudo: true\n"),
                "#!/bin/bash\r\necho start\r\n", 0755));

        assertThat(r.diagnostic("script-crlf").path("agentMessage").asText())
                .isEqualTo("Script at specified location: scripts/start.sh failed with exit code 1");
    }

    @Test
    void crlfOnlyAfterTheShebangIsAWarning() {
        HooklabCli.Result r = linting.lint(withScript(start(""), "#!/bin/bash\necho start\r\necho more\r\n", 0755));

        JsonNode d = r.diagnostic("script-crlf");
        assertThat(d.path("severity").asText()).isEqualTo("warning");
        assertThat(d.path("message").asText()).contains("2 line(s)");
    }

    @Test
    void crlfNearMissUnixLineEnds() {
        HooklabCli.Result r = linting.lint(withScript(start(""), "#!/bin/bash\necho start\n", 0755));

        assertThat(r.codes()).doesNotContain("script-crlf");
        assertThat(r.exit()).isZero();
    }

    // --- script-bom ---

    @Test
    void byteOrderMarkHidesTheShebang() {
        byte[] body = ("\uFEFF#!/bin/bash\necho start\n").getBytes(StandardCharsets.UTF_8);
        HooklabCli.Result r = linting.lint(Linting.appspec(start("")).file("scripts/start.sh", body, 0755));

        JsonNode d = r.diagnostic("script-bom");
        assertThat(d.path("severity").asText()).isEqualTo("warning");
        assertThat(d.path("file").asText()).isEqualTo("scripts/start.sh");
        assertThat(d.path("line").asInt()).isEqualTo(1);
        assertThat(r.codes()).doesNotContain("script-no-shebang");
    }

    @Test
    void byteOrderMarkNearMiss() {
        HooklabCli.Result r = linting.lint(withScript(start(""), "#!/bin/bash\necho '\uFEFF'\n", 0755));

        assertThat(r.codes()).doesNotContain("script-bom");
    }

    // --- script-no-shebang ---

    @Test
    void noShebangFallsBackToBinSh() {
        HooklabCli.Result r = linting.lint(withScript(start(""), "echo start\n[[ -f /x ]] && echo y\n", 0755));

        JsonNode d = r.diagnostic("script-no-shebang");
        assertThat(d.path("severity").asText()).isEqualTo("warning");
        assertThat(d.path("message").asText()).contains("/bin/sh");
        assertThat(d.path("line").asInt()).isEqualTo(1);
    }

    @Test
    void noShebangNearMisses() {
        HooklabCli.Result sh = linting.lint(withScript(start(""), "#!/bin/sh\necho start\n", 0755));
        assertThat(sh.codes()).doesNotContain("script-no-shebang");

        byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0};
        HooklabCli.Result binary = linting.lint(Linting.appspec(start("")).file("scripts/start.sh", elf, 0755));
        assertThat(binary.codes()).as("a compiled program has no shebang and needs none")
                .doesNotContain("script-no-shebang");
    }

    // --- script-not-executable ---

    @Test
    void aNonExecutableHookIsMadeExecutableByTheAgent() {
        // semantics 4.3: warning in the agent log, then chmod +x on the hook itself
        HooklabCli.Result r = linting.lint(withScript(start(""), "#!/bin/bash\necho start\n", 0644));

        JsonNode d = r.diagnostic("script-not-executable");
        assertThat(d.path("severity").asText()).isEqualTo("info");
        assertThat(d.path("message").asText()).contains(
                "Script at specified location: scripts/start.sh is not executable.  Trying to make it executable.");
        assertThat(r.exit()).isZero();
    }

    @Test
    void aNonExecutableHelperCalledByPathIsAWarning() {
        // failure-modes fact 6 / #17: the agent chmods only the hook entry script
        String body = "#!/bin/bash\nset -e\n./helper.sh\necho done\n";
        HooklabCli.Result r = linting.lint(withScript(start(""), body, 0755)
                .file("scripts/helper.sh", TestRevision.BASH, 0644));

        JsonNode d = r.diagnostic("script-not-executable");
        assertThat(d.path("severity").asText()).isEqualTo("warning");
        assertThat(d.path("message").asText()).contains("scripts/helper.sh").contains("Permission denied");
        assertThat(d.path("file").asText()).isEqualTo("scripts/start.sh");
        assertThat(d.path("line").asInt()).isEqualTo(3);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"\"$DIR/helper.sh\"", "$(dirname \"$0\")/helper.sh",
            "$(dirname $0)/helper.sh --now", "sudo ./helper.sh"})
    void helpersCalledThroughTheScriptsFolder(String call) {
        String body = "#!/bin/bash\nDIR=$(dirname \"$0\")\n" + call + "\n";
        HooklabCli.Result r = linting.lint(withScript(start(""), body, 0755)
                .file("scripts/helper.sh", TestRevision.BASH, 0644));

        assertThat(r.diagnostic("script-not-executable").path("line").asInt()).isEqualTo(3);
    }

    @Test
    void helperNearMisses() {
        String byPath = "#!/bin/bash\n./helper.sh\n";
        HooklabCli.Result executable = linting.lint(withScript(start(""), byPath, 0755)
                .file("scripts/helper.sh", TestRevision.BASH, 0755));
        assertThat(executable.codes()).doesNotContain("script-not-executable");

        String throughBash = "#!/bin/bash\nbash helper.sh\n";
        HooklabCli.Result viaBash = linting.lint(withScript(start(""), throughBash, 0755)
                .file("scripts/helper.sh", TestRevision.BASH, 0644));
        assertThat(viaBash.codes()).doesNotContain("script-not-executable");
    }

    @Test
    void aWindowsZipStoresNoModeAtAll() throws Exception {
        Path zip = withScript(start(""), "#!/bin/bash\necho start\n", 0755).windowsZip(tmp, "win.zip");
        HooklabCli.Result r = HooklabCli.lintJson(zip);

        JsonNode d = r.diagnostic("script-not-executable");
        assertThat(d.path("severity").asText()).isEqualTo("info");
        assertThat(d.path("message").asText()).contains("no Unix mode");
    }

    // --- background-process-holds-output ---

    @Test
    void aBackgroundServerKeepsTheHooksPipes() {
        // semantics 5: the agent waits for stdout/stderr EOF; a background child holding them means code 6
        String body = "#!/bin/bash\ncd /opt/app\nnohup java -jar app.jar &\necho started\n";
        HooklabCli.Result r = linting.lint(withScript(start(""), body, 0755));

        JsonNode d = r.diagnostic("background-process-holds-output");
        assertThat(d.path("severity").asText()).isEqualTo("warning");
        assertThat(d.path("agentMessage").asText())
                .isEqualTo("Script at specified location: scripts/start.sh failed to close STDOUT");
        assertThat(d.path("fix").asText()).isEqualTo("nohup java -jar app.jar > /dev/null 2>&1 < /dev/null &");
        assertPointsAt(d, "scripts/start.sh", body, "nohup java");
    }

    @Test
    void onlyStdoutRedirectedStillHoldsStderr() {
        String body = "#!/bin/bash\nnode server.js > /var/log/app.log &\n";
        HooklabCli.Result r = linting.lint(withScript(start(""), body, 0755));

        assertThat(r.diagnostics("background-process-holds-output")).hasSize(1);
    }

    @Test
    void backgroundNearMissFullyRedirected() {
        String body = "#!/bin/bash\nnohup java -jar app.jar > /dev/null 2>&1 &\necho started\n";
        HooklabCli.Result r = linting.lint(withScript(start(""), body, 0755));

        assertThat(r.codes()).doesNotContain("background-process-holds-output");
        assertThat(r.exit()).isZero();
    }
}
