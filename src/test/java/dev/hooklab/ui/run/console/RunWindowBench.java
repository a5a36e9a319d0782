package dev.hooklab.ui.run.console;

import atlantafx.base.theme.PrimerLight;
import dev.hooklab.run.ScriptRun;
import dev.hooklab.run.session.SessionBuilder;
import dev.hooklab.run.session.StepSession;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bench only (bench/run-window.sh), not a test: a hook printing {@code LINES} lines of 100 bytes (2 million: 200 MB)
 * run in a real step session whose events reach the console and the script details on the FX thread through the
 * test batching feed ({@link PartsFeed}: one runLater drains all waiting events). Prints the step's wall time, the
 * FX thread's longest stall (runLater wait and pulse gap), the peak heap used (sampled every 10 ms) and whether
 * the whole output is on disk. Arguments: {@code WORKDIR [LINES] [ISOLATION]}. Run headless under Monocle
 * ({@code -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw}) or under Xvfb.
 */
public final class RunWindowBench {
    private RunWindowBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
        String isolation = args.length > 2 ? args[2] : "none";
        long expectedBytes = 100L * lines;
        Path rev = ConsoleFixture.with("""
                        version: 0.0
                        os: linux
                        hooks:
                          AfterInstall:
                            - location: scripts/loud.sh
                        """)
                // 100 bytes a line: a 7-digit number, a space, 91 characters, a newline
                .script("scripts/loud.sh", "#!/bin/bash\nawk 'BEGIN { pad = sprintf(\"%91s\", \"\"); gsub(/ /, \"x\", pad);"
                        + " for (i = 1; i <= " + lines + "; i++) printf \"%07d %s\\n\", i, pad }'\n")
                .writeTo(work.resolve("rev"));

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        ConsoleLines store = new ConsoleLines();
        ConsoleView[] console = new ConsoleView[1];
        ScriptDetailsView[] details = new ScriptDetailsView[1];
        CountDownLatch shown = new CountDownLatch(1);
        Platform.runLater(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            console[0] = new ConsoleView(store, output -> { });
            details[0] = new ScriptDetailsView();
            Stage stage = new Stage();
            stage.setScene(new Scene(new SplitPane(console[0].node(), details[0].node()), 1280, 800));
            stage.show();
            shown.countDown();
        });
        shown.await();

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
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

        PartsFeed feed = new PartsFeed(List.of(console[0], details[0]));
        SessionBuilder.Prepared p = ConsoleFixture.session(rev, work.resolve("sandbox"), isolation, feed, 1L << 30);
        CountDownLatch told = new CountDownLatch(1);
        Platform.runLater(() -> {
            console[0].sessionChanged(p);
            details[0].sessionChanged(p);
            told.countDown();
        });
        told.await();
        try (StepSession s = p.session()) {
            int after = ConsoleFixture.index(s, "AfterInstall");
            s.runTo(after - 1).get(10, TimeUnit.MINUTES); // the steps before it, outside the measurement
            FxStallProbe probe = new FxStallProbe();
            sampler.start();
            long t0 = System.nanoTime();
            s.runTo(after).get(30, TimeUnit.MINUTES);
            CompletableFuture<Void> drained = new CompletableFuture<>();
            Platform.runLater(() -> drained.complete(null));
            drained.get(5, TimeUnit.MINUTES);
            long wallMs = (System.nanoTime() - t0) / 1_000_000;
            probe.close();
            sampler.interrupt();
            ScriptRun run = s.steps().get(after).scripts().get(0).run();
            Path spill = run.stdout().spillFile();
            long onDisk = spill == null ? 0 : Files.size(spill);
            int[] shownLines = new int[1];
            CountDownLatch read = new CountDownLatch(1);
            Platform.runLater(() -> {
                shownLines[0] = console[0].lineCount();
                read.countDown();
            });
            read.await();
            System.out.println("| measure | value |");
            System.out.println("|---|---|");
            System.out.printf("| hook output | %,d lines, %,d bytes (%s) |%n", lines, expectedBytes, run.status().json());
            System.out.printf("| isolation | %s |%n", isolation);
            System.out.printf("| wall time of the step in the window (hook start to last line on the FX thread) | %.2f s |%n",
                    wallMs / 1000.0);
            System.out.printf("| longest FX stall: runLater wait | %d ms |%n", probe.longestPingMs());
            System.out.printf("| longest FX stall: gap between pulses | %d ms |%n", probe.longestPulseGapMs());
            System.out.printf("| peak heap used (baseline before the run %d MB) | %d MB |%n", baseline >> 20,
                    peak.get() >> 20);
            System.out.printf("| lines in the console / kept in memory | %,d / %,d |%n", shownLines[0], store.size());
            System.out.printf("| FX thread CPU time while the step ran | %s |%n", probe.fxCpu());
            System.out.printf("| slowest drain of the batching feed | %s |%n", feed.slowestDrain());
            System.out.printf("| whole output on disk | %s (%,d bytes in %s) |%n", onDisk == expectedBytes ? "yes" : "NO",
                    onDisk, spill);
        }
        Platform.exit();
    }
}
