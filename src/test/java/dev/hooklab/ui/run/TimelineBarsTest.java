package dev.hooklab.ui.run;

import dev.hooklab.Await;
import dev.hooklab.TestSessions;
import dev.hooklab.run.session.ScriptState;
import dev.hooklab.run.session.SessionListener;
import dev.hooklab.run.session.StepSession;
import dev.hooklab.run.session.StepState;
import dev.hooklab.run.session.StepStatus;
import dev.hooklab.run.shell.InstalledRevision;
import dev.hooklab.ui.run.timeline.TimelineBars;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline's bars from a real session's steps, before, during and after a run. */
@Tag("process")
class TimelineBarsTest {
    @TempDir
    Path tmp;

    private static TimelineBars.Bar bar(TimelineBars bars, String label) {
        return bars.bars().stream().filter(b -> b.label().equals(label)).findFirst().orElseThrow();
    }

    private static TimelineBars.EventTotal event(TimelineBars bars, String event) {
        return bars.events().stream().filter(e -> e.event().equals(event)).findFirst().orElseThrow();
    }

    @Test
    void beforeTheRunEveryPlannedScriptIsAPendingBarOnItsTimeout() throws Exception {
        try (StepSession s = InstalledRevision.prepare(tmp, "none", SessionListener.NONE).session()) {
            TimelineBars bars = TimelineBars.of(s.steps(), s.target(), s::deadlineFor, 0);

            assertThat(bars.bars()).extracting(TimelineBars.Bar::label).containsExactly("DownloadBundle",
                    "scripts/before.sh", "Install", "scripts/after.sh", "scripts/check.sh", "scripts/start.sh");
            assertThat(bars.bars()).extracting(TimelineBars.Bar::status).containsOnly("pending");
            assertThat(bars.bars()).extracting(TimelineBars.Bar::timeoutMs)
                    .containsExactly(0L, 60_000L, 0L, 120_000L, 3_600_000L, 30_000L);
            assertThat(bars.totalMs()).isZero();
            assertThat(bars.events()).extracting(TimelineBars.EventTotal::event).isEqualTo(s.target().events());
            // ApplicationStop runs the last successful revision's scripts: a first deployment has none
            assertThat(event(bars, "ApplicationStop").scripts()).isZero();
        }
    }

    @Test
    void theMaxTimeoutCapsEveryScriptsTrackBeforeAndAfterItRan() throws Exception {
        try (StepSession s = InstalledRevision.prepareCapped(tmp, "none", 45, SessionListener.NONE).session()) {
            TimelineBars before = TimelineBars.of(s.steps(), s.target(), s::deadlineFor, 0);
            // AppSpec timeouts 60, 120, 3600 and 30 s: the run's cap of 45 s is what each script gets
            assertThat(before.bars()).extracting(TimelineBars.Bar::timeoutMs)
                    .containsExactly(0L, 45_000L, 0L, 45_000L, 45_000L, 30_000L);

            s.runTo(TestSessions.index(s, "AfterInstall")).get(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS);
            TimelineBars after = TimelineBars.of(s.steps(), s.target(), appSpec -> appSpec, 0);
            // a script that ran shows the deadline it ran against, whatever deadline the caller passes
            assertThat(bar(after, "scripts/check.sh").status()).isEqualTo("succeeded");
            assertThat(bar(after, "scripts/check.sh").timeoutMs()).isEqualTo(45_000L);
            assertThat(bar(after, "scripts/after.sh").timeoutMs()).isEqualTo(45_000L);
            assertThat(bar(after, "scripts/start.sh").status()).isEqualTo("pending");
            assertThat(bar(after, "scripts/start.sh").timeoutMs()).isEqualTo(30_000L);
        }
    }

    @Test
    void afterTheRunBarsLieEndToEndColouredByHowEachScriptEnded() throws Exception {
        try (StepSession s = InstalledRevision.prepare(tmp, "none", SessionListener.NONE).session()) {
            s.runToEnd().get(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS);
            TimelineBars bars = TimelineBars.of(s.steps(), s.target(), s::deadlineFor, 0);

            assertThat(bar(bars, "scripts/before.sh").status()).isEqualTo("succeeded");
            assertThat(bar(bars, "Install").status()).isEqualTo("succeeded");
            assertThat(bar(bars, "scripts/check.sh").status()).isEqualTo("succeeded");
            assertThat(bar(bars, "scripts/start.sh").status()).isEqualTo("failed");
            assertThat(event(bars, "ValidateService").status()).isEqualTo("not-run");
            long at = 0;
            for (TimelineBars.Bar b : bars.bars()) {
                assertThat(b.startMs()).as(b.label()).isEqualTo(at);
                at += b.durationMs();
            }
            assertThat(bars.totalMs()).isEqualTo(at).isPositive();
            TimelineBars.Bar start = bar(bars, "scripts/start.sh");
            assertThat(start.ofTimeout()).isEqualTo((double) start.durationMs() / 30_000);
            StepState after = s.steps().get(TestSessions.index(s, "AfterInstall"));
            TimelineBars.EventTotal total = event(bars, "AfterInstall");
            assertThat(total.totalMs()).isEqualTo(after.durationMs());
            assertThat(total.scripts()).isEqualTo(2);
            assertThat(total.ofLimit()).isEqualTo((double) after.durationMs() / TimelineBars.EVENT_LIMIT_MS);
            assertThat(start.describe()).contains("ApplicationStart · scripts/start.sh", "failed", "timeout 30 s");
        }
    }

    @Test
    void theRunningScriptGrowsWithItsElapsedTime() throws Exception {
        try (StepSession s = InstalledRevision.prepare(tmp, "none", SessionListener.NONE).session()) {
            s.runTo(TestSessions.index(s, "Install")).get(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS);
            List<StepState> steps = new ArrayList<>(s.steps());
            StepState after = steps.get(TestSessions.index(s, "AfterInstall"));
            // AfterInstall as the session reports it while its second script runs
            ScriptState done = new ScriptState("scripts/after.sh", dev.hooklab.run.ScriptStatus.SUCCEEDED, false, null);
            ScriptState running = new ScriptState("scripts/check.sh", null, true, null);
            steps.set(after.index(), new StepState(after.index(), after.event(), after.revision(), StepStatus.RUNNING,
                    List.of(done, running), null, List.of(), 0));

            TimelineBars bars = TimelineBars.of(steps, s.target(), s::deadlineFor, 4_000);

            TimelineBars.Bar check = bar(bars, "scripts/check.sh");
            assertThat(check.status()).isEqualTo(TimelineBars.RUNNING);
            assertThat(check.durationMs()).isEqualTo(4_000);
            assertThat(check.describe()).contains("4.00 s so far");
            assertThat(event(bars, "AfterInstall").totalMs()).isEqualTo(4_000);
            assertThat(bar(bars, "scripts/start.sh").status()).isEqualTo("pending");
        }
    }

    @Test
    void withAPreviousRevisionApplicationStopRunsItsScriptsOnTheirTimeouts() throws Exception {
        Path previous = tmp.resolve("previous");
        java.nio.file.Files.createDirectories(previous.resolve("scripts"));
        java.nio.file.Files.writeString(previous.resolve("appspec.yml"), """
                version: 0.0
                os: linux
                hooks:
                  ApplicationStop:
                    - location: scripts/stop.sh
                      timeout: 45
                """);
        Path stop = previous.resolve("scripts/stop.sh");
        java.nio.file.Files.writeString(stop, "#!/bin/bash\necho stopping the old one\n");
        stop.toFile().setExecutable(true);
        try (StepSession s = InstalledRevision.prepare(tmp, "none", false, previous, SessionListener.NONE)
                .session()) {
            TimelineBars before = TimelineBars.of(s.steps(), s.target(), s::deadlineFor, 0);
            assertThat(bar(before, "scripts/stop.sh").timeoutMs()).isEqualTo(45_000);
            assertThat(bar(before, "scripts/stop.sh").status()).isEqualTo("pending");

            s.step().get(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS);
            TimelineBars after = TimelineBars.of(s.steps(), s.target(), s::deadlineFor, 0);
            assertThat(bar(after, "scripts/stop.sh").status()).isEqualTo("succeeded");
            assertThat(bar(after, "scripts/stop.sh").timeoutMs()).isEqualTo(45_000);
            assertThat(after.bars().get(0).label()).isEqualTo("scripts/stop.sh");
        }
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertThat(TimelineBars.seconds(42)).isEqualTo("0.04 s");
        assertThat(TimelineBars.seconds(9_990)).isEqualTo("9.99 s");
        assertThat(TimelineBars.seconds(61_000)).isEqualTo("61 s");
        assertThat(TimelineBars.seconds(200_000)).isEqualTo("3 min 20 s");
        assertThat(TimelineBars.seconds(5_400_000)).isEqualTo("90 min");
        assertThat(TimelineBars.seconds(3_600_000)).isEqualTo("1 h");
    }
}
