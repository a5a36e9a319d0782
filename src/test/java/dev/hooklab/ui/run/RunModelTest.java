package dev.hooklab.ui.run;

import dev.hooklab.Await;
import dev.hooklab.bundle.TestRevision;
import dev.hooklab.run.ScriptStatus;
import dev.hooklab.run.session.ScriptState;
import dev.hooklab.run.session.StepStatus;
import dev.hooklab.sample.Samples;
import dev.hooklab.ui.actions.Action;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.hooklab.ui.run.RunHarness.get;
import static org.assertj.core.api.Assertions.assertThat;

/** The run view's model on real sessions, real hooks and bubblewrap; no view, only the FX thread. */
@Tag("process")
@Tag("bwrap")
class RunModelTest {
    static final List<String> IN_PLACE = List.of("ApplicationStop", "DownloadBundle", "BeforeInstall", "Install",
            "AfterInstall", "ApplicationStart", "ValidateService");
    static final String APPSPEC = """
            version: 0.0
            os: linux
            hooks:
              BeforeInstall:
                - location: scripts/before.sh
              AfterInstall:
                - location: scripts/after.sh
              ApplicationStart:
                - location: scripts/start.sh
              ValidateService:
                - location: scripts/validate.sh
            """;

    @TempDir
    Path tmp;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private Path revision(String after) throws Exception {
        return TestRevision.withAppSpec(APPSPEC)
                .script("scripts/before.sh", "#!/bin/bash\necho before\n")
                .script("scripts/after.sh", after)
                .script("scripts/start.sh", "#!/bin/bash\necho start\n")
                .script("scripts/validate.sh", "#!/bin/bash\necho validate\n")
                .folder(tmp, "rev");
    }

    private static Integer exitCode(StepRow row) {
        ScriptState s = row.state().scripts().get(0);
        return s.run() == null ? null : s.run().exitCode();
    }

    @Test
    void theHealthySampleStepsThroughGreenOneStepAtATimeAndEveryPartHearsIt() throws Exception {
        Path sample = Files.createDirectories(tmp.resolve("healthy"));
        new Samples().byName(Samples.HEALTHY_SERVICE).orElseThrow().materialize(sample);
        try (RunHarness h = new RunHarness(RunHarness.bwrap())) {
            h.open(sample);
            assertThat(h.rows()).extracting(StepRow::event).containsExactlyElementsOf(IN_PLACE);
            assertThat(h.rows()).extracting(r -> r.state().status()).containsOnly(StepStatus.PENDING);
            assertThat(get(() -> h.model.isEnabled(Action.STEP))).isTrue();
            assertThat(get(() -> h.model.isEnabled(Action.STOP))).isFalse();
            for (int i = 0; i < IN_PLACE.size(); i++) {
                h.run(h.model::step);
                String event = IN_PLACE.get(i);
                StepRow row = h.row(event);
                assertThat(row.state().status()).as(event).isEqualTo(StepStatus.SUCCEEDED);
                assertThat(row.text()).contains(event, "succeeded");
                for (String later : IN_PLACE.subList(i + 1, IN_PLACE.size())) {
                    assertThat(h.status(later)).as(later + " after " + event).isEqualTo(StepStatus.PENDING);
                }
                assertThat(get(() -> h.model.selectedIndexProperty().get())).as("the step just run is selected")
                        .isEqualTo(i);
                if (!row.state().scripts().isEmpty()) {
                    assertThat(exitCode(row)).as(event + "'s exit code").isEqualTo(0);
                    assertThat(get(() -> h.model.selectedLocationProperty().get()))
                            .isEqualTo(row.state().scripts().get(0).location());
                }
            }
            assertThat(h.row("ApplicationStop").state().scripts()).as("a first deployment: nothing to stop").isEmpty();
            assertThat(h.row("ApplicationStart").state().scripts()).extracting(ScriptState::location)
                    .containsExactly("scripts/start.sh");
            assertThat(h.part.lines).anyMatch(l -> l.startsWith("scripts/start.sh: started hello (pid"))
                    .contains("scripts/validate.sh: hello is installed and configured");
            assertThat(h.part.calls).startsWith("session none").contains("session ready",
                    "step AfterInstall running", "step AfterInstall succeeded",
                    "selected AfterInstall scripts/after_install.sh");
            assertThat(h.part.calls.indexOf("step AfterInstall running"))
                    .isLessThan(h.part.calls.indexOf("step AfterInstall succeeded"));
            assertThat(h.part.onFx).containsOnly(true);
            assertThat(get(() -> h.model.isEnabled(Action.STEP))).isFalse();
            assertThat(get(() -> h.model.statusProperty().get())).contains("Every step ran");
        }
    }

    @Test
    void aFailingHookMarksTheLaterStepsNotRunAndReRunReadsTheEditedScriptFromDisk() throws Exception {
        Path rev = revision("#!/bin/bash\necho broken >&2\nexit 3\n");
        try (RunHarness h = new RunHarness(RunHarness.bwrap())) {
            h.open(rev);
            h.run(h.model::runToEnd);
            assertThat(h.status("AfterInstall")).isEqualTo(StepStatus.FAILED);
            assertThat(exitCode(h.row("AfterInstall"))).isEqualTo(3);
            assertThat(h.row("AfterInstall").text()).contains("AfterInstall", "failed");
            assertThat(h.status("ApplicationStart")).isEqualTo(StepStatus.NOT_RUN);
            assertThat(h.status("ValidateService")).isEqualTo(StepStatus.NOT_RUN);
            assertThat(h.row("ValidateService").text()).contains("not-run");
            assertThat(get(() -> h.model.selectedIndexProperty().get())).isEqualTo(h.index("AfterInstall"));
            assertThat(get(() -> h.model.isEnabled(Action.RERUN))).isTrue();

            Files.writeString(rev.resolve("scripts/after.sh"), "#!/bin/bash\necho fixed on disk\n");
            h.run(h.model::rerun);
            assertThat(h.status("AfterInstall")).isEqualTo(StepStatus.SUCCEEDED);
            assertThat(exitCode(h.row("AfterInstall"))).isEqualTo(0);
            assertThat(h.part.lines).contains("scripts/after.sh: fixed on disk");
            assertThat(get(() -> List.copyOf(h.model.notes()))).anyMatch(n -> n.startsWith(
                    "Read scripts/after.sh again from the revision on disk") && n.endsWith("changed since it was deployed."));
            assertThat(get(() -> h.model.statusProperty().get())).as("the view says the script was read again")
                    .startsWith("Re-ran AfterInstall, read again from the revision on disk: appspec.yml (unchanged), "
                            + "scripts/after.sh (changed).");
            h.run(h.model::runToEnd);
            assertThat(h.status("ValidateService")).isEqualTo(StepStatus.SUCCEEDED);
        }
    }

    @Test
    void skipLeavesAStepOutResetGivesAFreshSandboxRunToHereStopsAtTheSelectedStep() throws Exception {
        Path rev = revision("#!/bin/bash\necho after\n");
        try (RunHarness h = new RunHarness(RunHarness.bwrap())) {
            h.open(rev);
            int before = h.index("BeforeInstall");
            RunHarness.fx(() -> {
                h.model.select(before);
                return null;
            });
            h.run(h.model::skip);
            assertThat(h.status("BeforeInstall")).isEqualTo(StepStatus.SKIPPED);
            assertThat(h.row("BeforeInstall").status()).isEqualTo(RowStatus.SKIPPED);
            h.run(h.model::runToEnd);
            assertThat(h.status("BeforeInstall")).isEqualTo(StepStatus.SKIPPED);
            assertThat(h.status("ValidateService")).isEqualTo(StepStatus.SUCCEEDED);
            assertThat(h.part.lines).doesNotContain("scripts/before.sh: before");
            var session = get(() -> h.model.preparedProperty().get().session());
            Path archive = session.sandbox().host(session.target().layout().archiveDir());
            assertThat(archive).isDirectory();

            h.run(h.model::reset);
            assertThat(h.rows()).extracting(r -> r.state().status()).containsOnly(StepStatus.PENDING);
            assertThat(archive).doesNotExist();
            assertThat(get(() -> h.model.preparedProperty().get().session())).as("the same session, a fresh sandbox")
                    .isSameAs(session);

            int install = h.index("Install");
            RunHarness.fx(() -> {
                h.model.select(install);
                return null;
            });
            h.run(h.model::runToHere);
            assertThat(h.status("Install")).isEqualTo(StepStatus.SUCCEEDED);
            assertThat(h.status("BeforeInstall")).as("skipped no more after the reset").isEqualTo(StepStatus.SUCCEEDED);
            assertThat(h.status("AfterInstall")).isEqualTo(StepStatus.PENDING);
            assertThat(archive).isDirectory();
        }
    }

    @Test
    void runToEndPausesBeforeABreakpointAndGoesOnFromIt() throws Exception {
        Path rev = revision("#!/bin/bash\necho after\n");
        try (RunHarness h = new RunHarness(RunHarness.bwrap())) {
            h.open(rev);
            int start = h.index("ApplicationStart");
            RunHarness.fx(() -> {
                h.model.toggleBreakpoint(start);
                return null;
            });
            assertThat(h.row("ApplicationStart").breakpoint()).isTrue();
            h.run(h.model::runToEnd);
            assertThat(h.status("AfterInstall")).isEqualTo(StepStatus.SUCCEEDED);
            assertThat(h.status("ApplicationStart")).isEqualTo(StepStatus.PENDING);
            assertThat(get(() -> h.model.statusProperty().get())).isEqualTo("Paused before ApplicationStart (breakpoint).");
            h.run(h.model::runToEnd);
            assertThat(h.status("ApplicationStart")).isEqualTo(StepStatus.SUCCEEDED);
            assertThat(h.status("ValidateService")).isEqualTo(StepStatus.SUCCEEDED);
        }
    }

    @Test
    void aPreviousRevisionMakesApplicationStopRunItsScript() throws Exception {
        Path rev = revision("#!/bin/bash\necho after\n");
        Path previous = TestRevision.withAppSpec("""
                version: 0.0
                os: linux
                hooks:
                  ApplicationStop:
                    - location: scripts/stop_old.sh
                """).script("scripts/stop_old.sh", "#!/bin/bash\necho stopping the old one\n").folder(tmp, "old");
        try (RunHarness h = new RunHarness(RunHarness.bwrap())) {
            h.open(rev);
            h.run(h.model::step);
            assertThat(h.row("ApplicationStop").state().scripts()).isEmpty();
            assertThat(h.row("ApplicationStop").state().notes()).anyMatch(n -> n.contains("does nothing"));
            assertThat(get(() -> RunView.previousRevisionText(h.revision.getPreviousRevision()))).startsWith("No previous revision: ApplicationStop, "
                    + "BeforeBlockTraffic and AfterBlockTraffic do nothing");

            RunHarness.fx(() -> {
                h.revision.previousRevisionProperty().set(previous);
                return null;
            });
            assertThat(get(() -> h.model.staleProperty().get())).as("a step ran: the next command starts afresh")
                    .isTrue();
            h.run(h.model::step);
            assertThat(h.status("ApplicationStop")).isEqualTo(StepStatus.SUCCEEDED);
            assertThat(h.row("ApplicationStop").state().scripts()).extracting(ScriptState::location)
                    .containsExactly("scripts/stop_old.sh");
            assertThat(h.part.lines).contains("scripts/stop_old.sh: stopping the old one");
            assertThat(get(() -> RunView.previousRevisionText(h.revision.getPreviousRevision()))).contains(previous.toString());
        }
    }

    @Test
    void stopEndsAHookThatIgnoresSigtermAndEverythingItStarted() throws Exception {
        Path rev = revision("#!/bin/bash\ntrap '' TERM\necho ignoring TERM\nsleep 987123 &\nsleep 987124\n");
        try (RunHarness h = new RunHarness(RunHarness.bwrap())) {
            h.open(rev);
            var run = RunHarness.fx(h.model::runToEnd);
            Await.until("the hook started", () -> h.part.lines.contains("scripts/after.sh: ignoring TERM"));
            assertThat(get(() -> h.model.isEnabled(Action.STOP))).isTrue();
            assertThat(get(() -> h.model.isEnabled(Action.STEP))).isFalse();
            RunHarness.fx(() -> {
                h.model.stop();
                return null;
            });
            run.get(Await.GENEROUS.toSeconds(), java.util.concurrent.TimeUnit.SECONDS); // far below the sleep
            Await.until("the step shows stopped", () -> h.row("AfterInstall").status() == RowStatus.STOPPED);
            assertThat(h.row("AfterInstall").state().scripts().get(0).status()).isEqualTo(ScriptStatus.STOPPED);
            assertThat(h.status("ApplicationStart")).isEqualTo(StepStatus.NOT_RUN);
            Await.until("no process of the hook left", () -> processes("98712").isEmpty());
        }
    }

    @Test
    void closingDuringARunEndsItsProcessesAndRemovesTheTemporarySandbox() throws Exception {
        Path rev = revision("#!/bin/bash\necho waiting\nsleep 987125\n");
        RunHarness h = new RunHarness(RunHarness.bwrap());
        try {
            h.open(rev);
            RunHarness.fx(h.model::runToEnd);
            Await.until("the hook started", () -> h.part.lines.contains("scripts/after.sh: waiting"));
            Path sandbox = get(() -> h.model.preparedProperty().get().session().sandbox().root());
            assertThat(sandbox).isDirectory();
            assertThat(processes("987125")).isNotEmpty();
            RunHarness.fx(() -> {
                h.model.close();
                return null;
            });
            assertThat(sandbox).doesNotExist();
            Await.until("no process of the hook left", () -> processes("987125").isEmpty());
        } finally {
            h.close();
        }
    }

    @Test
    void changedSettingsAreSavedAndGiveAFreshSessionOutputArrivesInBatches() throws Exception {
        Path rev = revision("#!/bin/bash\nfor i in $(seq 1 100000); do echo \"line $i\"; done\n");
        try (RunHarness h = new RunHarness(RunHarness.bwrap())) {
            h.open(rev);
            var first = get(() -> h.model.preparedProperty().get());
            RunHarness.fx(() -> {
                h.model.settingsProperty().set(h.model.settingsProperty().get().withMaxTimeout(30));
                return null;
            });
            assertThat(h.saved).extracting(RunSettings::maxTimeout).containsExactly(30);
            Await.until("nothing had run: a fresh session at once",
                    () -> get(() -> h.model.preparedProperty().get() != null
                            && h.model.preparedProperty().get() != first));
            h.run(h.model::runToEnd);
            assertThat(h.status("ValidateService")).isEqualTo(StepStatus.SUCCEEDED);
            List<String> after = h.part.lines.stream().filter(l -> l.startsWith("scripts/after.sh: ")).toList();
            assertThat(after).hasSize(100_000);
            assertThat(after.get(0)).isEqualTo("scripts/after.sh: line 1");
            assertThat(after.get(99_999)).isEqualTo("scripts/after.sh: line 100000");
            assertThat(h.part.batches).as("lines reach the parts in batches").hasSizeLessThan(100_000 / 10)
                    .allMatch(n -> n <= SessionRelay.BATCH_LINES);
        }
    }

    /** Live processes whose command line holds this marker. */
    static List<ProcessHandle> processes(String marker) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .filter(ProcessHandle::isAlive)
                .toList();
    }
}
