package dev.hooklab.run.session;

import dev.hooklab.RevisionFolder;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import dev.hooklab.run.HostAccounts;
import dev.hooklab.run.isolation.IsolationProbe;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static dev.hooklab.run.session.RunCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The agent's timeouts, open outputs, previous revision and archive safety, through hooklab run. */
@Tag("process")
@Tag("bwrap")
class AgentRunBehaviourTest {
    @TempDir
    Path tmp;

    private static String afterInstall(String location, int timeout) {
        return """
                version: 0.0
                os: linux
                hooks:
                  AfterInstall:
                    - location: %s
                      timeout: %d
                """.formatted(location, timeout);
    }

    @Test
    void aScriptPastItsTimeoutIsStoppedWithTheAgentsMessage() throws IOException {
        Path ended = tmp.resolve("slow-ended");
        Path rev = RevisionFolder.with(afterInstall("scripts/slow.sh", 2))
                .script("scripts/slow.sh", "#!/bin/bash\nsleep 30\necho natural end > " + ended + "\n")
                .writeTo(tmp.resolve("rev"));
        RunCommandTest.Result r = run(rev.toString(), "--format", "json", "--isolation", "none");
        assertThat(r.exit()).isEqualTo(1);
        JsonNode step = r.step("AfterInstall");
        assertThat(step.get("status").asText()).isEqualTo("timed-out");
        assertThat(step.get("scripts").get(0).get("agentMessage").asText())
                .isEqualTo("Script at specified location: scripts/slow.sh failed to complete in 2 seconds");
        // the timeout ended it, not the script's own end after its 30 s sleep
        assertThat(ended).doesNotExist();
    }

    @Test
    void aScriptThatIgnoresTermIsKilledAndTheResultSaysTheAgentWouldHang() throws IOException {
        Path rev = RevisionFolder.with(afterInstall("scripts/stubborn.sh", 2))
                .script("scripts/stubborn.sh", "#!/bin/bash\ntrap '' TERM\nwhile true; do sleep 0.2; done\n")
                .writeTo(tmp.resolve("rev"));
        RunCommandTest.Result r = run(rev.toString(), "--format", "json", "--isolation", "none");
        JsonNode script = r.step("AfterInstall").get("scripts").get(0);
        assertThat(script.get("status").asText()).isEqualTo("timed-out");
        assertThat(script.get("agentMessage").asText()).endsWith("failed to complete in 2 seconds");
        assertThat(script.get("notes").toString()).contains("hung");
    }

    @Test
    void withNoWaitForOutputsABackgroundProcessHoldingStdoutFailsAtOnceAndIsStopped() throws IOException {
        Path rev = RevisionFolder.with(afterInstall("scripts/start.sh", 60))
                .script("scripts/start.sh", "#!/bin/bash\n(sleep 61; echo late) &\nexit 0\n").writeTo(tmp.resolve("rev"));
        RunCommandTest.Result r = run(rev.toString(), "--format", "json", "--isolation", "none",
                "--no-wait-for-outputs");
        JsonNode script = r.step("AfterInstall").get("scripts").get(0);
        assertThat(script.get("status").asText()).isEqualTo("outputs-left-open");
        assertThat(script.get("agentMessage").asText())
                .isEqualTo("Script at specified location: scripts/start.sh failed to close STDOUT");
        assertThat(script.get("outputHolders").toString()).contains("sleep 61");
        // the run's own duration: it ended before the 60 s deadline (where waiting would have ended it)
        assertThat(script.get("durationMs").asLong()).as("not at the 60 s deadline").isLessThan(60_000L);
        assertThat(processesNamed("sleep 61")).as("nothing left running").isZero();
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void underBubblewrapHooksSeeTheSandboxAtTheRealPaths() throws IOException {
        assumeThat(new IsolationProbe(new HostAccounts()).bubblewrapProblem()).as("bubblewrap works here").isNull();
        Path realDestination = Path.of("/var/app/current");
        boolean existedBefore = Files.exists(realDestination);
        Path rev = RevisionFolder.with("""
                version: 0.0
                os: linux
                files:
                  - source: /site
                    destination: /var/app/current
                hooks:
                  ApplicationStart:
                    - location: scripts/check.sh
                """).script("site/index.html", "hello\n").script("scripts/check.sh", """
                #!/bin/bash
                cat /var/app/current/index.html
                echo written > /var/app/current/marker
                if touch /etc/hooklab-must-not-exist 2>/dev/null; then echo "etc writable"; else echo "etc read-only"; fi
                """).writeTo(tmp.resolve("rev"));
        Path sandbox = tmp.resolve("sandbox");
        RunCommandTest.Result r = run(rev.toString(), "--format", "json", "--isolation", "bwrap", "--sandbox",
                sandbox.toString());
        assertThat(r.exit()).as(r.err() + r.out()).isZero();
        assertThat(r.json().get("isolation").asText()).isEqualTo("bwrap");
        JsonNode script = r.step("ApplicationStart").get("scripts").get(0);
        assertThat(script.get("stdout").asText()).isEqualTo("hello\netc read-only\n");
        assertThat(sandbox.resolve("var/app/current/marker")).hasContent("written");
        assertThat(Path.of("/etc/hooklab-must-not-exist")).doesNotExist();
        assertThat(Files.exists(realDestination.resolve("marker"))).isFalse();
        assertThat(Files.exists(realDestination)).isEqualTo(existedBefore);
    }

    @Test
    void theApplicationStopOfThePreviousRevisionRuns() throws IOException {
        String appspec = """
                version: 0.0
                os: linux
                hooks:
                  ApplicationStop:
                    - location: scripts/stop.sh
                """;
        Path old = RevisionFolder.with(appspec).script("scripts/stop.sh", "#!/bin/bash\necho old-stop\n")
                .writeTo(tmp.resolve("old"));
        Path current = RevisionFolder.with(appspec).script("scripts/stop.sh", "#!/bin/bash\necho new-stop\n")
                .writeTo(tmp.resolve("new"));
        RunCommandTest.Result r = run(current.toString(), "--previous", old.toString(), "--format", "json",
                "--isolation", "none", "--deployment-id", "d-NEW000000");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode stop = r.step("ApplicationStop");
        assertThat(stop.get("revision").asText()).isEqualTo("previous");
        assertThat(stop.get("scripts").get(0).get("stdout").asText()).isEqualTo("old-stop\n");
        assertThat(r.json().get("notes").toString()).contains("Deployed the previous revision first");
    }

    @Test
    void aKeptSandboxRemembersTheLastSuccessfulRevision() throws IOException {
        String appspec = """
                version: 0.0
                os: linux
                hooks:
                  ApplicationStop:
                    - location: scripts/stop.sh
                """;
        Path first = RevisionFolder.with(appspec).script("scripts/stop.sh", "#!/bin/bash\necho first\n")
                .writeTo(tmp.resolve("first"));
        Path second = RevisionFolder.with(appspec).script("scripts/stop.sh", "#!/bin/bash\necho second\n")
                .writeTo(tmp.resolve("second"));
        Path sandbox = tmp.resolve("sandbox");
        run(first.toString(), "--sandbox", sandbox.toString(), "--isolation", "none", "--format", "json");
        RunCommandTest.Result r = run(second.toString(), "--sandbox", sandbox.toString(), "--isolation", "none",
                "--format", "json");
        assertThat(r.step("ApplicationStop").get("scripts").get(0).get("stdout").asText()).isEqualTo("first\n");
    }

    @Test
    void hostileArchivesAreRefusedAndNothingIsWrittenOutside() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path slip = tmp.resolve("slip.zip");
        try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(slip)) {
            zipEntry(z, "appspec.yml", afterInstall("x.sh", 5));
            zipEntry(z, "../outside/evil.txt", "evil");
        }
        Path throughLink = tmp.resolve("link.tar");
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(Files.newOutputStream(throughLink))) {
            tarEntry(t, "appspec.yml", afterInstall("x.sh", 5));
            TarArchiveEntry link = new TarArchiveEntry("escape", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName(outside.toString());
            t.putArchiveEntry(link);
            t.closeArchiveEntry();
            tarEntry(t, "escape/evil.txt", "evil");
        }
        Path absolute = tmp.resolve("absolute.tar");
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(Files.newOutputStream(absolute))) {
            tarEntry(t, "appspec.yml", afterInstall("x.sh", 5));
            tarEntry(t, outside.resolve("abs.txt").toString(), "evil");
        }
        for (Path bundle : new Path[]{slip, throughLink, absolute}) {
            RunCommandTest.Result r = run(bundle.toString(), "--format", "json", "--isolation", "none");
            assertThat(r.exit()).as(bundle.getFileName().toString()).isEqualTo(1);
            JsonNode download = r.step("DownloadBundle");
            assertThat(download.get("status").asText()).isEqualTo("failed");
            assertThat(download.get("notes").get(0).asText()).startsWith("hooklab refused to unpack the bundle: ")
                    .contains(bundle.getFileName().toString());
            assertThat(r.step("Install").get("status").asText()).isEqualTo("not-run");
        }
        try (Stream<Path> left = Files.list(outside)) {
            assertThat(left).isEmpty();
        }
    }

    private static void zipEntry(ZipArchiveOutputStream z, String name, String body) throws IOException {
        z.putArchiveEntry(new ZipArchiveEntry(name));
        z.write(body.getBytes(StandardCharsets.UTF_8));
        z.closeArchiveEntry();
    }

    private static void tarEntry(TarArchiveOutputStream t, String name, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name, true);
        e.setSize(bytes.length);
        t.putArchiveEntry(e);
        t.write(bytes);
        t.closeArchiveEntry();
    }

    /** Live processes whose command line contains the text (zombies, which hold nothing, excluded). */
    static long processesNamed(String text) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(text)).orElse(false))
                .filter(p -> !isZombie(p.pid()))
                .count();
    }

    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return true;
        }
    }

    @Test
    void aBundleThatExpandsPastTheCapIsRefusedAndTheOptionIsNamed() throws IOException {
        Path rev = RevisionFolder.with(afterInstall("scripts/a.sh", 5)).script("scripts/a.sh", "#!/bin/bash\ntrue\n")
                .script("big.txt", "x".repeat(200_000)).writeTo(tmp.resolve("rev"));
        Path zip = tmp.resolve("bomb.zip");
        try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(zip)) {
            zipEntry(z, "appspec.yml", Files.readString(rev.resolve("appspec.yml")));
            zipEntry(z, "big.txt", "x".repeat(200_000));
        }
        RunCommandTest.Result r = run(zip.toString(), "--format", "json", "--isolation", "none",
                "--max-expanded-size", "64K");
        JsonNode download = r.step("DownloadBundle");
        assertThat(download.get("status").asText()).isEqualTo("failed");
        assertThat(download.get("notes").toString()).contains("--max-expanded-size");
        assertThat(run(zip.toString(), "--max-expanded-size", "lots").exit()).isEqualTo(2);
    }

    @Test
    void aHookThatLinksScriptsLogOutsideNeverMakesHooklabWriteThere() throws IOException {
        Path outside = Files.writeString(tmp.resolve("outside.txt"), "untouched\n");
        Path rev = RevisionFolder.with("""
                version: 0.0
                os: linux
                hooks:
                  AfterInstall:
                    - location: scripts/swap.sh
                  ApplicationStart:
                    - location: scripts/after.sh
                """).script("scripts/swap.sh", "#!/bin/bash\nln -sf " + outside + " \"$(dirname \"$0\")/../../logs/scripts.log\"\n")
                .script("scripts/after.sh", "#!/bin/bash\necho more output\n").writeTo(tmp.resolve("rev"));
        RunCommandTest.Result r = run(rev.toString(), "--format", "json", "--isolation", "none");
        assertThat(r.step("AfterInstall").get("status").asText()).isEqualTo("succeeded");
        assertThat(r.step("ApplicationStart").get("status").asText()).isEqualTo("failed");
        assertThat(outside).hasContent("untouched");
    }
}
