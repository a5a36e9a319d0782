package dev.hooklab.run.session;

import dev.hooklab.RevisionFolder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * {@code hooklab run} as a real child process, stopped by a signal while a hook sleeps: the hook and what it
 * started end, the result so far is printed, the temporary sandbox is removed (even with folders the hook
 * left without permissions) and the exit status is 128 plus the signal. And two runs in one sandbox folder.
 */
@Tag("process")
class RunInterruptionTest {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration END = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    /** BeforeInstall leaves unremovable-looking folders, starts a background sleep and waits; AfterInstall is trivial. */
    private Path revision(Path marker) throws IOException {
        String slow = """
                #!/bin/bash
                cd "$(dirname "$0")"
                mkdir -p locked/inner && touch locked/inner/file && chmod 000 locked
                mkdir -p ro && touch ro/file && chmod 0400 ro/file && chmod 0500 ro
                sleep 300 &
                echo "$$ $!" > "MARKER.tmp" && mv "MARKER.tmp" "MARKER"
                echo "about to wait"
                wait
                """.replace("MARKER", marker.toString());
        return RevisionFolder.with("""
                version: 0.0
                os: linux
                hooks:
                  BeforeInstall:
                    - location: scripts/slow.sh
                  AfterInstall:
                    - location: scripts/quick.sh
                """).script("scripts/slow.sh", slow).script("scripts/quick.sh", "#!/bin/bash\necho quick\n")
                .writeTo(tmp.resolve("rev"));
    }

    @Test
    void sigtermStopsTheHookPrintsTheJsonSoFarAndRemovesTheTemporarySandbox() throws Exception {
        Path marker = tmp.resolve("started");
        Path rev = revision(marker);
        Path childTmp = tmp.resolve("child-tmp");
        ChildCli cli = ChildCli.start(tmp, childTmp, "run", rev.toString(), "--isolation", "none", "--format", "json");
        cli.awaitFile(marker, START);
        long[] pids = pids(marker);

        cli.signal("TERM");
        int exit = cli.await(END);

        assertThat(exit).as(cli.err()).isEqualTo(143);
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.get("interrupted").asBoolean()).isTrue();
        assertThat(json.get("result").asText()).isEqualTo("failed");
        JsonNode before = step(json, "BeforeInstall");
        assertThat(before.get("status").asText()).isEqualTo("failed");
        assertThat(before.at("/scripts/0/status").asText()).isEqualTo("stopped");
        assertThat(before.at("/scripts/0/stdout").asText()).contains("about to wait");
        assertThat(step(json, "AfterInstall").get("status").asText()).isEqualTo("not-run");
        assertThat(step(json, "ApplicationStart").get("status").asText()).isEqualTo("not-run");
        assertNothingLeft(childTmp, pids);
    }

    @Test
    void ctrlCStopsTheHookPrintsTheTextSoFarAndRemovesTheTemporarySandbox() throws Exception {
        assumeFalse(ChildCli.ignoredHere(2), "SIGINT is ignored by this test's process, so by its children too");
        Path marker = tmp.resolve("started");
        Path rev = revision(marker);
        Path childTmp = tmp.resolve("child-tmp");
        ChildCli cli = ChildCli.start(tmp, childTmp, "run", rev.toString(), "--isolation", "none");
        cli.awaitFile(marker, START);
        long[] pids = pids(marker);

        cli.signal("INT");
        int exit = cli.await(END);

        assertThat(exit).as(cli.err()).isEqualTo(130);
        String out = cli.out();
        assertThat(out).contains("▶ BeforeInstall", "| about to wait", "scripts/slow.sh  stopped",
                "· AfterInstall not-run", "Interrupted: hooklab was told to stop");
        assertThat(out).doesNotContain("quick");
        assertThat(cli.err()).isEmpty();
        assertNothingLeft(childTmp, pids);
    }

    @Test
    void aSecondRunInTheSameSandboxFolderRefusesAtOnceNamingTheFirst() throws Exception {
        Path marker = tmp.resolve("started");
        Path rev = revision(marker);
        Path sandbox = tmp.resolve("sandbox");
        ChildCli first = ChildCli.start(tmp, tmp.resolve("child-tmp"), "run", rev.toString(), "--isolation", "none",
                "--sandbox", sandbox.toString(), "--format", "json");
        first.awaitFile(marker, START);

        RunCommandTest.Result second = RunCommandTest.run(rev.toString(), "--isolation", "none", "--sandbox",
                sandbox.toString(), "--events", "AfterInstall");

        assertThat(second.exit()).isEqualTo(2);
        assertThat(second.err().lines()).hasSize(1);
        assertThat(second.err()).contains(sandbox.toString(), "in use by another hooklab run",
                "pid " + first.pid() + ", started ");
        assertThat(second.out()).isEmpty();
        assertThat(first.process().isAlive()).isTrue();

        first.signal("TERM");
        assertThat(first.await(END)).isEqualTo(143);
        assertThat(sandbox.resolve(".hooklab/sandbox")).exists(); // a named sandbox is kept
        RunCommandTest.Result third = RunCommandTest.run(rev.toString(), "--isolation", "none", "--sandbox",
                sandbox.toString(), "--events", "AfterInstall", "--format", "json");
        assertThat(third.exit()).as(third.err()).isZero(); // the lock went with the first run
    }

    private static JsonNode step(JsonNode json, String event) {
        for (JsonNode s : json.get("steps")) {
            if (s.get("event").asText().equals(event)) {
                return s;
            }
        }
        throw new AssertionError("no step " + event + " in " + json);
    }

    private static long[] pids(Path marker) throws IOException {
        String[] words = Files.readString(marker).trim().split(" ");
        return new long[]{Long.parseLong(words[0]), Long.parseLong(words[1])};
    }

    private static void assertNothingLeft(Path childTmp, long[] pids) throws IOException {
        try (Stream<Path> left = Files.list(childTmp)) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("hooklab-sandbox-")))
                    .as("temporary sandboxes left behind").isEmpty();
        }
        for (long pid : pids) {
            assertThat(ChildCli.running(pid)).as("hook process " + pid + " still running").isFalse();
        }
    }
}
