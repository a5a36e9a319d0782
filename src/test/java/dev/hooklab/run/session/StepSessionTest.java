package dev.hooklab.run.session;

import dev.hooklab.Await;
import dev.hooklab.RevisionFolder;
import dev.hooklab.TestSessions;
import dev.hooklab.run.output.OutputLine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The step session as the window drives it, without any toolkit. */
@Tag("process")
class StepSessionTest {
    @TempDir
    Path tmp;

    private static final String APPSPEC = """
            version: 0.0
            os: linux
            hooks:
              BeforeInstall:
                - location: scripts/one.sh
              AfterInstall:
                - location: scripts/slow.sh
              ApplicationStart:
                - location: scripts/count.sh
              ValidateService:
                - location: scripts/one.sh
            """;

    /** Records what listeners hear and on which threads. */
    static final class Recorder implements SessionListener {
        final List<StepState> changes = new CopyOnWriteArrayList<>();
        final List<String> lines = new CopyOnWriteArrayList<>();
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final CountDownLatch slowStarted = new CountDownLatch(1);

        @Override
        public void stepChanged(StepState step) {
            threads.add(Thread.currentThread().getName());
            changes.add(step);
        }

        @Override
        public void output(int stepIndex, String location, OutputLine line) {
            threads.add(Thread.currentThread().getName());
            lines.add(location + ": " + line.text());
            if (line.text().equals("slow started")) {
                slowStarted.countDown();
            }
        }
    }

    private StepSession session(Recorder recorder) throws Exception {
        Path rev = RevisionFolder.with(APPSPEC)
                .script("scripts/one.sh", "#!/bin/bash\necho one\n")
                .script("scripts/slow.sh", "#!/bin/bash\necho slow started\nsleep 600\n")
                .script("scripts/count.sh", "#!/bin/bash\nf=$(dirname \"$0\")/count\n"
                        + "n=$(cat $f 2>/dev/null || echo 0)\necho $((n+1)) | tee $f\n")
                .writeTo(tmp.resolve("rev"));
        RunRequest request = new RunRequest(null, null, List.of(), tmp.resolve("sandbox"), "none", false, null, "app",
                "LocalFleet", java.util.Map.of(), null, true, null);
        return TestSessions.build(rev, request, recorder).session();
    }

    private static StepStatus status(StepSession s, String event) {
        return s.steps().stream().filter(x -> x.event().equals(event)).findFirst().orElseThrow().status();
    }


    @Test
    void stepRunsOneStepAtATimeAndListenersHearItOffTheCallingThread() throws Exception {
        Recorder rec = new Recorder();
        try (StepSession s = session(rec)) {
            assertThat(s.steps()).extracting(StepState::status).containsOnly(StepStatus.PENDING);
            s.step().get(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS);
            assertThat(status(s, "ApplicationStop")).isEqualTo(StepStatus.SUCCEEDED);
            assertThat(status(s, "DownloadBundle")).isEqualTo(StepStatus.PENDING);
            s.step().get(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS);
            s.step().get(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS);
            assertThat(status(s, "BeforeInstall")).isEqualTo(StepStatus.SUCCEEDED);
            assertThat(rec.lines).contains("scripts/one.sh: one");
            assertThat(rec.changes).extracting(StepState::status).contains(StepStatus.RUNNING);
            assertThat(rec.threads).doesNotContain(Thread.currentThread().getName())
                    .allMatch(t -> t.startsWith("hooklab-session-events"));
        }
    }

    @Test
    void skipRunToAndRerun() throws Exception {
        Recorder rec = new Recorder();
        try (StepSession s = session(rec)) {
            s.skip(TestSessions.index(s, "AfterInstall")).get(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS);
            s.runTo(TestSessions.index(s, "ApplicationStart")).get(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS);
            assertThat(status(s, "AfterInstall")).isEqualTo(StepStatus.SKIPPED);
            assertThat(status(s, "ApplicationStart")).isEqualTo(StepStatus.SUCCEEDED);
            assertThat(status(s, "ValidateService")).isEqualTo(StepStatus.PENDING);
            s.rerun(TestSessions.index(s, "ApplicationStart")).get(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS);
            assertThat(rec.lines).contains("scripts/count.sh: 1", "scripts/count.sh: 2");
            s.runToEnd().get(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS);
            assertThat(status(s, "ValidateService")).isEqualTo(StepStatus.SUCCEEDED);
            assertThat(s.failed()).isFalse();
        }
    }

    @Test
    void stopKillsTheRunningHookAtOnceAndResetGivesAFreshSandbox() throws Exception {
        Recorder rec = new Recorder();
        try (StepSession s = session(rec)) {
            var run = s.runToEnd();
            assertThat(rec.slowStarted.await(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS)).isTrue();
            s.stop();
            // a bounded wait far below the script's 600 s sleep: the stop ended it, not the script
            run.get(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS);
            assertThat(status(s, "AfterInstall")).isEqualTo(StepStatus.FAILED);
            assertThat(s.steps().get(TestSessions.index(s, "AfterInstall")).notes()).anyMatch(n -> n.contains("Stopped"));
            assertThat(status(s, "ApplicationStart")).as("the run ended there").isEqualTo(StepStatus.NOT_RUN);
            Path archive = s.sandbox().host(s.target().layout().archiveDir());
            assertThat(archive).isDirectory();
            s.reset().get(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS);
            assertThat(s.steps()).extracting(StepState::status).containsOnly(StepStatus.PENDING);
            assertThat(archive).doesNotExist();
        }
    }
}
