package dev.hooklab.run.session;

import dev.hooklab.RevisionFolder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hooklab.cli.HooklabCli;
import dev.hooklab.run.HostAccounts;
import dev.hooklab.run.isolation.IsolationProbe;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import static dev.hooklab.run.session.RunCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** What hooklab does on a hook's behalf stays in the sandbox, whatever the location or the hooks do. */
@Tag("process")
@Tag("bwrap")
class SandboxPathsTest {
    private static final String SECRET = "root:x:0:0:root:/root:/bin/bash\n";

    @TempDir
    Path tmp;

    private Path hostFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("passwd"), SECRET);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return file;
    }

    private static void assertUntouched(Path file) throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
        assertThat(file).hasContent(SECRET.strip());
    }

    private static void assumeIsolation(String isolation) {
        if (isolation.equals("bwrap")) {
            assumeThat(new IsolationProbe(new HostAccounts()).bubblewrapProblem()).as("bubblewrap works here").isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "bwrap"})
    void aLocationClimbingToAFileOfThisMachineIsReportedAndNeverTouched(String isolation) throws IOException {
        assumeIsolation(isolation);
        Path passwd = hostFile();
        // <root>/<group>/<deployment>/deployment-archive/../../../../passwd is tmp/passwd
        Path rev = RevisionFolder.with("""
                version: 0.0
                os: linux
                hooks:
                  AfterInstall:
                    - location: ../../../../passwd
                """).writeTo(tmp.resolve("rev"));

        RunCommandTest.Result r = run(rev.toString(), "--format", "json", "--isolation", isolation,
                "--root-dir", tmp.resolve("root").toString(), "--sandbox", tmp.resolve("sandbox").toString());

        assertUntouched(passwd);
        assertThat(r.exit()).as(r.err() + r.out()).isEqualTo(1);
        JsonNode script = r.step("AfterInstall").get("scripts").get(0);
        assertThat(script.get("status").asText()).isEqualTo("failed");
        assertThat(script.get("notes").toString())
                .contains("reaches " + passwd + ", outside the sandbox")
                .contains("the agent would run chmod +x on that file")
                .contains("hooklab neither changed nor ran it");
        assertThat(script.get("stdout").asText()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "bwrap"})
    void aHookThatSwapsALaterScriptForALinkOutGetsNothingChmodded(String isolation) throws IOException {
        assumeIsolation(isolation);
        Path passwd = hostFile();
        Path rev = RevisionFolder.with("""
                version: 0.0
                os: linux
                hooks:
                  BeforeInstall:
                    - location: scripts/swap.sh
                  AfterInstall:
                    - location: scripts/later.sh
                """).script("scripts/swap.sh", "#!/bin/sh\nln -sf '" + passwd + "' \"$(dirname \"$0\")/later.sh\"\n")
                .script("scripts/later.sh", "#!/bin/sh\necho later\n")
                .writeTo(tmp.resolve("rev"));
        Files.setPosixFilePermissions(rev.resolve("scripts/later.sh"), PosixFilePermissions.fromString("rw-r--r--"));

        RunCommandTest.Result r = run(rev.toString(), "--format", "json", "--isolation", isolation,
                "--sandbox", tmp.resolve("sandbox").toString());

        assertUntouched(passwd);
        assertThat(r.step("BeforeInstall").get("status").asText()).as(r.out()).isEqualTo("succeeded");
        JsonNode later = r.step("AfterInstall").get("scripts").get(0);
        assertThat(later.get("status").asText()).isEqualTo("failed");
        assertThat(later.get("notes").toString())
                .contains("through a symbolic link, it leads to " + passwd)
                .contains("outside the sandbox")
                .contains("hooklab neither changed nor ran it");
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void aFifoAsTheScriptIsOneVerdictForLintAndRun() throws IOException {
        String appspec = """
                version: 0.0
                os: linux
                hooks:
                  AfterInstall:
                    - location: scripts/pipe.sh
                """;
        Path tar = tmp.resolve("app.tar");
        try (OutputStream raw = Files.newOutputStream(tar); TarArchiveOutputStream out = new TarArchiveOutputStream(raw)) {
            byte[] yaml = appspec.getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry spec = new TarArchiveEntry("appspec.yml");
            spec.setSize(yaml.length);
            out.putArchiveEntry(spec);
            out.write(yaml);
            out.closeArchiveEntry();
            TarArchiveEntry fifo = new TarArchiveEntry("scripts/pipe.sh", TarConstants.LF_FIFO, true);
            fifo.setMode(0010644);
            out.putArchiveEntry(fifo);
            out.closeArchiveEntry();
        }
        String agentMessage = "Script at specified location: scripts/pipe.sh failed with error Errno::EACCES with"
                + " message Permission denied - " + HooklabCli.ARCHIVE + "/scripts/pipe.sh";

        HooklabCli.Result lint = HooklabCli.lintJson(tar);
        JsonNode d = lint.diagnostic("script-special-file");
        assertThat(d.path("severity").asText()).isEqualTo("error");
        assertThat(d.path("agentMessage").asText()).isEqualTo(agentMessage);
        assertThat(d.path("line").asInt()).isEqualTo(5);
        assertThat(d.path("column").asInt()).isEqualTo(17);
        assertThat(lint.exit()).isEqualTo(1);

        RunCommandTest.Result r = run(tar.toString(), "--format", "json", "--isolation", "none",
                "--deployment-group-id", HooklabCli.GROUP, "--deployment-id", HooklabCli.DEPLOYMENT);
        JsonNode script = r.step("AfterInstall").get("scripts").get(0);
        assertThat(script.get("status").asText()).as(r.out()).isEqualTo("spawn-error");
        assertThat(script.get("agentMessage").asText()).isEqualTo(agentMessage);
        assertThat(script.get("notes").toString()).contains("not a regular file").contains("neither opened nor ran it");
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void aFifoAHookLeavesInPlaceOfTheNextScriptFailsWithoutBlockingHooklab() throws IOException {
        Path rev = RevisionFolder.with("""
                version: 0.0
                os: linux
                hooks:
                  BeforeInstall:
                    - location: scripts/fifo.sh
                  AfterInstall:
                    - location: scripts/later.sh
                      runas: nobody
                """).script("scripts/fifo.sh", "#!/bin/sh\nd=$(dirname \"$0\")\nrm \"$d/later.sh\"\nmkfifo \"$d/later.sh\"\n")
                .script("scripts/later.sh", "#!/bin/sh\necho later\n")
                .writeTo(tmp.resolve("rev"));

        RunCommandTest.Result r = run(rev.toString(), "--format", "json", "--isolation", "none");

        JsonNode later = r.step("AfterInstall").get("scripts").get(0);
        assertThat(later.get("status").asText()).as(r.out()).isEqualTo("failed");
        assertThat(later.get("exitCode").asInt()).isEqualTo(126); // su's shell cannot exec it
        assertThat(later.get("agentMessage").asText())
                .isEqualTo("Script at specified location: scripts/later.sh run as user nobody failed with exit code 126");
        assertThat(later.get("notes").toString()).contains("a FIFO, socket or device, not a regular file");
    }
    @Test
    void aGroupFolderAPreviousHookTurnedIntoALinkOutGetsNoneOfTheBundle() throws IOException {
        Path hostDir = Files.createDirectories(tmp.resolve("host-dir"));
        String appspec = """
                version: 0.0
                os: linux
                hooks:
                  ApplicationStop:
                    - location: scripts/stop.sh
                """;
        // deployment-archive/scripts -> up three is the group folder
        Path old = RevisionFolder.with(appspec).script("scripts/stop.sh", "#!/bin/sh\ng=$(cd \"$(dirname \"$0\")/../../..\" && pwd)\n"
                + "mv \"$g\" \"$g.moved\" && ln -s '" + hostDir + "' \"$g\"\n").writeTo(tmp.resolve("old"));
        Path current = RevisionFolder.with(appspec).script("scripts/stop.sh", "#!/bin/sh\necho new\n")
                .writeTo(tmp.resolve("new"));

        RunCommandTest.Result r = run(current.toString(), "--previous", old.toString(), "--format", "json",
                "--isolation", "none", "--sandbox", tmp.resolve("sandbox").toString());

        assertThat(r.step("ApplicationStop").get("status").asText()).as(r.out()).isEqualTo("succeeded");
        // the link's target is not in the sandbox, so there is no folder to unpack into: nothing is written
        JsonNode download = r.step("DownloadBundle");
        assertThat(download.get("status").asText()).as(r.out()).isEqualTo("failed");
        assertThat(download.get("notes").toString()).contains("is in the way of a folder")
                .contains("nothing was written outside it");
        assertThat(hostDir).isEmptyDirectory();
    }

    @Test
    void anAppSpecAHookReplacedWithAFifoIsNeverOpened() {
        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            Path rev = RevisionFolder.with("""
                    version: 0.0
                    os: linux
                    hooks:
                      BeforeInstall:
                        - location: scripts/fifo.sh
                    """).script("scripts/fifo.sh", "#!/bin/sh\na=$(dirname \"$0\")/..\nrm \"$a/appspec.yml\"\n"
                    + "mkfifo \"$a/appspec.yml\"\n").writeTo(tmp.resolve("rev"));

            RunCommandTest.Result r = run(rev.toString(), "--format", "json", "--isolation", "none");

            assertThat(r.step("Install").get("status").asText()).as(r.out()).isEqualTo("failed");
            assertThat(r.step("Install").get("agentMessage").asText()).contains("Not a regular file");
            assertThat(r.exit()).isEqualTo(1);
        });
    }
}
