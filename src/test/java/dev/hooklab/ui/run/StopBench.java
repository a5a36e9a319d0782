package dev.hooklab.ui.run;

import dev.hooklab.Await;
import dev.hooklab.bundle.TestRevision;
import javafx.application.Platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Bench only (bench/stop.sh), not a test: how long Stop takes in the window. A hook ignores SIGTERM and leaves a
 * background child; the run view's own {@link RunModel} runs it under bubblewrap with the window's default limits,
 * and Stop is pressed once the hook printed. Measured from Stop to the step showing stopped, and to the last
 * process of the hook gone (read from /proc). Arguments: {@code WORKDIR [ROUNDS] [ISOLATION]} (bwrap by default, or none).
 */
public final class StopBench {
    private StopBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(args[0]));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String isolation = args.length > 2 ? args[2] : "bwrap";
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        System.out.println("| round | Stop to the step shown stopped | Stop to the last process gone |");
        System.out.println("|---|---|---|");
        long worst = 0;
        for (int round = 1; round <= rounds; round++) {
            String marker = "98765" + round;
            Path rev = TestRevision.withAppSpec(RunModelTest.APPSPEC)
                    .script("scripts/before.sh", "#!/bin/bash\necho before\n")
                    .script("scripts/after.sh", "#!/bin/bash\ntrap '' TERM\necho ignoring TERM\nsleep " + marker
                            + "1 &\nsleep " + marker + "2\n")
                    .script("scripts/start.sh", "#!/bin/bash\necho start\n")
                    .script("scripts/validate.sh", "#!/bin/bash\necho validate\n")
                    .folder(work, "rev" + round);
            try (RunHarness h = new RunHarness(RunSettings.defaults().withIsolation(isolation))) {
                h.open(rev);
                RunHarness.fx(h.model::runToEnd);
                Await.until("the hook started", Duration.ofMinutes(2),
                        () -> h.part.lines.contains("scripts/after.sh: ignoring TERM")
                                && RunModelTest.processes(marker).size() == 2);
                long t0 = System.nanoTime();
                RunHarness.fx(() -> {
                    h.model.stop();
                    return null;
                });
                long shown = -1;
                long gone = -1;
                while (shown < 0 || gone < 0) {
                    long now = System.nanoTime();
                    if (shown < 0 && h.row("AfterInstall").status() == RowStatus.STOPPED) {
                        shown = now - t0;
                    }
                    if (gone < 0 && RunModelTest.processes(marker).isEmpty()) {
                        gone = now - t0;
                    }
                    if (now - t0 > Duration.ofSeconds(60).toNanos()) {
                        throw new IllegalStateException("Stop did not end the hook within 60 s");
                    }
                    Thread.sleep(5);
                }
                worst = Math.max(worst, Math.max(shown, gone));
                System.out.printf("| %d | %d ms | %d ms |%n", round, shown / 1_000_000, gone / 1_000_000);
            }
        }
        System.out.printf("| worst | %d ms (aim: 2000 ms) | |%n", worst / 1_000_000);
        Platform.exit();
    }
}
