package dev.hooklab.ui.run;

import dev.hooklab.RevisionFolder;
import atlantafx.base.theme.PrimerLight;
import dev.hooklab.run.ScriptRun;
import dev.hooklab.ui.run.console.ConsoleLines;
import dev.hooklab.ui.run.console.ConsoleView;
import dev.hooklab.ui.run.console.FxStallProbe;
import dev.hooklab.ui.run.console.ScriptDetailsView;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bench only (bench/run-window.sh), not a test: a hook printing {@code LINES} lines of 100 bytes (2 million: 200 MB)
 * in a real step session, whose events reach the console and the script details through the run view's own
 * {@link RunModel} (its relay batches them), with the window's default run settings. Arguments:
 * {@code WORKDIR [LINES]}.
 */
public final class ModelWindowBench {
    private ModelWindowBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
        long expectedBytes = 100L * lines;
        String loud = "#!/bin/bash\nawk 'BEGIN { pad = sprintf(\"%91s\", \"\"); gsub(/ /, \"x\", pad);"
                + " for (i = 1; i <= " + lines + "; i++) printf \"%07d %s\\n\", i, pad }'\n";
        // unless bench.cold: a small BeforeInstall hook runs first, as in most revisions, so the window has shown a
        // script's output and details once and the step measures the flood, not the first use of those views
        Path rev = (Boolean.getBoolean("bench.cold") ? RevisionFolder.afterInstall("scripts/loud.sh", loud)
                : RevisionFolder.with("version: 0.0\nos: linux\nhooks:\n  BeforeInstall:\n    - location: scripts/warm.sh\n"
                        + "  AfterInstall:\n    - location: scripts/loud.sh\n")
                        .script("scripts/warm.sh", "#!/bin/bash\nfor i in $(seq 300); do echo \"out $i\"; echo \"err $i\" >&2; done\n")
                        .script("scripts/loud.sh", loud))
                .writeTo(work.resolve("rev"));
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        ConsoleLines store = new ConsoleLines();
        ConsoleView console = RunHarness.fx(() -> new ConsoleView(store, output -> { }));
        ScriptDetailsView details = RunHarness.fx(ScriptDetailsView::new);
        RunHarness.fx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            Stage stage = new Stage();
            // the console and the details side by side, both on screen (every part laid out), or with bench.tabs
            // as the run view has them: tabs, the Output one in front
            javafx.scene.Parent root = Boolean.getBoolean("bench.tabs")
                    ? new javafx.scene.control.TabPane(new javafx.scene.control.Tab("Output", console.node()),
                    new javafx.scene.control.Tab("Script", details.node()))
                    : new SplitPane(console.node(), details.node());
            stage.setScene(new Scene(root, 1280, 800));
            stage.show();
            return null;
        });
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        dev.hooklab.app.Hooklab hooklab = dev.hooklab.app.Hooklab.create();
        java.util.concurrent.ExecutorService worker = hooklab.runWorker();
        dev.hooklab.ui.model.RevisionModel revision = new dev.hooklab.ui.model.RevisionModel();
        // the model alone with the two parts (no recording part, unlike the tests' RunHarness)
        RunModel model = RunHarness.fx(() -> {
            RunModel m = new RunModel(hooklab.sessions(), hooklab.inspector(), revision,
                    RunSettings.defaults().withIsolation("bwrap"), saved -> { },
                    () -> hooklab.isolationProbe().bubblewrapProblem(), worker, Platform::runLater);
            if (!Boolean.getBoolean("bench.noConsole")) {
                m.attach(console);
            }
            m.attach(details);
            return m;
        });
        try {
            var in = hooklab.inspector().inspect(work.resolve("rev"), dev.hooklab.plan.DeploymentLayout.defaults(
                    dev.hooklab.appspec.TargetOs.LINUX, hooklab.deploymentIds()),
                    dev.hooklab.inspect.InspectOptions.defaults());
            RunHarness.fx(() -> {
                revision.inspectionProperty().set(in);
                return null;
            });
            dev.hooklab.Await.until("the steps", () -> !RunHarness.get(() -> List.copyOf(model.rows())).isEmpty());
            int after = RunHarness.get(() -> model.rows().stream().filter(r -> r.event().equals("AfterInstall"))
                    .findFirst().orElseThrow().index());
            run(model, () -> {
                model.select(after - 1);
                return model.runToHere();
            });
            System.gc();
            long baseline = memory.getHeapMemoryUsage().getUsed();
            FxStallProbe probe = new FxStallProbe();
            sampler.start();
            long t0 = System.nanoTime();
            run(model, model::step);
            long wallMs = (System.nanoTime() - t0) / 1_000_000;
            probe.close();
            sampler.interrupt();
            if (Boolean.getBoolean("bench.stalls")) {
                System.err.println(probe.stalls());
            }
            ScriptRun run = RunHarness.get(() -> model.rows().get(after).state().scripts().get(0).run());
            Path spill = run.stdout().spillFile();
            long onDisk = spill == null ? 0 : Files.size(spill);
            System.out.println("| measure | value |");
            System.out.println("|---|---|");
            System.out.printf("| hook output | %,d lines, %,d bytes (%s) |%n", lines, expectedBytes, run.status().json());
            System.out.println("| path | RunModel (its relay), bubblewrap, the window's run settings |");
            System.out.printf("| wall time of the step in the window (Step to the model idle) | %.2f s |%n",
                    wallMs / 1000.0);
            System.out.printf("| longest FX stall: runLater wait | %d ms |%n", probe.longestPingMs());
            System.out.printf("| longest FX stall: gap between pulses | %d ms |%n", probe.longestPulseGapMs());
            System.out.printf("| FX thread CPU time while the step ran | %s |%n", probe.fxCpu());
            System.out.printf("| peak heap used (baseline before the step %d MB) | %d MB |%n", baseline >> 20,
                    peak.get() >> 20);
            System.out.printf("| lines in the console / kept in memory | %,d / %,d |%n",
                    RunHarness.get(console::lineCount), RunHarness.get(store::size));
            System.out.printf("| output on disk | %,d of %,d bytes%s |%n", onDisk, expectedBytes,
                    onDisk >= expectedBytes ? "" : " (cut at the engine's default output cap per script, "
                            + run.stdout().droppedBytes() + " bytes read and dropped)");
        } finally {
            RunHarness.fx(() -> {
                model.close();
                return null;
            });
            worker.shutdownNow();
        }
        Platform.exit();
    }

    /** Starts a command on the FX thread and waits until it is done and the model idle. */
    private static void run(RunModel model, java.util.concurrent.Callable<java.util.concurrent.CompletableFuture<Void>>
            command) throws Exception {
        RunHarness.fx(command).get(30, java.util.concurrent.TimeUnit.MINUTES);
        dev.hooklab.Await.until("the model idle", java.time.Duration.ofMinutes(30),
                () -> RunHarness.get(() -> !model.busyProperty().get()));
    }
}
