package dev.hooklab.app;

import dev.hooklab.explain.Explainer;
import dev.hooklab.inspect.InspectOptions;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.inspect.Inspector;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.report.ReportWriter;
import dev.hooklab.ui.actions.Actions;
import dev.hooklab.ui.model.RevisionModel;
import dev.hooklab.ui.shell.CrashLog;
import dev.hooklab.ui.shell.ShellState;
import dev.hooklab.ui.shell.ShellWindow;
import dev.hooklab.ui.shell.Theme;
import dev.hooklab.ui.shell.Themes;
import dev.hooklab.ui.tree.TreeNode;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Test-only benchmark (not a test; {@code bench/window.sh} runs it): opens each bundle given in the window as the
 * application builds it, headless, and prints one Markdown table row per bundle. For each: the engine's listing
 * alone ({@link Inspector#read}), the engine's read and judge ({@link Inspector#inspect}), the time from
 * {@code open} to the window showing the filled tree and plan (the first layout pulse after the result is applied,
 * with the tree's top level made), that time beyond the listing, the heap used after opening (after a full GC),
 * and the time from a deployment id change to the re-judged plan on screen. Each time is given as wall time and,
 * in brackets, the CPU time spent meanwhile by the engine's threads, the FX thread and the rest of the process
 * (garbage collector, JIT compiler, renderer): on a machine shared with other work the wall time also waits for a
 * core, the CPU times do not. Times are the median of
 * {@code -Druns=N} runs (5 by default) after one warm-up run. Arguments: the bundles.
 */
public final class WindowBench extends Application {
    private static final int RUNS = Integer.getInteger("runs", 5);

    /** The entry point (a main class that is an Application needs JavaFX on the module path). */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(WindowBench.class, args);
        }
    }

    private Hooklab hooklab;
    private RevisionModel model;
    private ShellWindow window;
    private Stage stage;
    private ExecutorService work;

    @Override
    public void start(Stage stage) throws Exception {
        this.stage = stage;
        hooklab = Hooklab.create();
        work = hooklab.inspectionWorker();
        Path state = Files.createTempDirectory("hooklab-bench-");
        Themes themes = new Themes(Map.of());
        themes.apply(Theme.LIGHT);
        model = new RevisionModel();
        window = DesktopApp.window(stage, new ShellWindow.Context(hooklab.inspector(), hooklab.deploymentIds(), work,
                model, ShellState.load(state), themes, new CrashLog(state, Clock.systemUTC()), new Actions(),
                DesktopApp.samples(), hooklab.version(), new Explainer(), new ReportWriter(),
                (owner, name) -> Optional.empty()), file -> { });
        List<Path> bundles = getParameters().getRaw().stream().map(Path::of).toList();
        Thread bench = new Thread(() -> {
            try {
                System.out.println("| bundle | listing (engine) | read + judge (engine) | open to filled tree "
                        + "| beyond the listing | heap after opening | recompute after a deployment id change |");
                System.out.println("|---|---|---|---|---|---|---|");
                for (Path b : bundles) {
                    measure(b);
                }
            } catch (Throwable t) {
                t.printStackTrace();
                System.exit(1);
            }
            Platform.runLater(() -> {
                work.shutdownNow();
                Platform.exit();
            });
        }, "window-bench");
        bench.setDaemon(true);
        bench.start();
    }

    private void measure(Path bundle) throws Exception {
        Inspector inspector = hooklab.inspector();
        DeploymentLayout layout = new DeploymentLayout(dev.hooklab.appspec.TargetOs.LINUX,
                DeploymentLayout.LINUX_ROOT, DeploymentLayout.LOCAL_GROUP, "d-BENCH0000");
        List<double[]> listing = new ArrayList<>();
        List<double[]> inspect = new ArrayList<>();
        List<double[]> open = new ArrayList<>();
        List<double[]> recompute = new ArrayList<>();
        List<double[]> beyondListing = new ArrayList<>();
        long heap = 0;
        for (int run = 0; run <= RUNS; run++) {
            // no forced collection before a timed step: a full GC shrinks the heap, and the next step would pay
            // for young collections that a running window does not have
            Clocks c = Clocks.start();
            inspector.read(bundle);
            double[] l = c.stop();
            c = Clocks.start();
            inspector.inspect(bundle, layout, InspectOptions.defaults());
            double[] i = c.stop();

            onFx(() -> model.inspectionProperty().set(null)); // nothing open: the next open fills the tree anew
            double[] o = shown(() -> window.open(bundle), () -> treeFilled() && model.getInspection() != null
                    && model.getInspection().input().equals(bundle));
            double[] r = new double[4];
            for (int k = 0; k < 3; k++) {
                String id = String.format(Locale.ROOT, "d-RECOMP%03d", run * 3 + k);
                Inspection before = model.getInspection();
                double[] one = shown(() -> model.layoutProperty().set(model.getLayout().withDeploymentId(id)),
                        () -> model.getInspection() != before && model.getInspection().layout().deploymentId()
                                .equals(id) && treeFilled());
                for (int t = 0; t < 4; t++) {
                    r[t] += one[t] / 3;
                }
            }
            if (run == RUNS) { // after the last timed step: a full GC shrinks the heap for what follows
                heap = liveHeap(); // what the open revision holds (after its re-judges: one inspection is kept)
            }
            if (run > 0) { // run 0 warms the JIT up
                listing.add(l);
                inspect.add(i);
                open.add(o);
                recompute.add(r);
                beyondListing.add(new double[]{o[0] - l[0], o[1] - l[1], o[2] - l[2], o[3] - l[3]});
            }
        }
        double[] lm = median(listing);
        double[] om = median(open);
        double[] beyond = median(beyondListing); // per run: the listing just before the open it is taken from
        System.out.printf(Locale.ROOT, "| %s (%,d entries, %.1f MB) | %s | %s | %s | %s | %d MiB | %s |%n",
                bundle.getFileName(), entries(), Files.size(bundle) / 1e6, cell(lm), cell(median(inspect)), cell(om),
                cell(beyond), heap >> 20, cell(median(recompute)));
    }

    private static String cell(double[] t) {
        return String.format(Locale.ROOT, "%.0f ms (%.0f + %.0f + %.0f)", t[0], t[1], t[2], t[3]);
    }

    /**
     * Wall time and CPU time since a start, in ms: {wall, engine threads (hooklab's workers and this benchmark's),
     * the FX thread, the rest of the process (garbage collector, JIT compiler, renderer)}.
     */
    private record Clocks(long wall, long[] cpu) {
        static Clocks start() {
            return new Clocks(System.nanoTime(), cpuSoFar());
        }

        double[] stop() {
            long[] now = cpuSoFar();
            return new double[]{(System.nanoTime() - wall) / 1e6, (now[0] - cpu[0]) / 1e6, (now[1] - cpu[1]) / 1e6,
                    (now[2] - cpu[2]) / 1e6};
        }

        /** CPU nanoseconds so far: engine threads, FX thread, the rest of the process. */
        static long[] cpuSoFar() {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long engine = 0;
            long fx = 0;
            for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (t == null) {
                    continue;
                }
                String name = t.getThreadName();
                long c = Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
                if (name.startsWith("hooklab-") || name.equals("window-bench")) {
                    engine += c;
                } else if (name.equals("JavaFX Application Thread") || name.equals("Event Thread")) {
                    fx += c;
                }
            }
            long process = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
            return new long[]{engine, fx, process - engine - fx};
        }
    }

    private int entries() throws Exception {
        return onFx(() -> model.getInspection().bundle().map(b -> b.entries().size()).orElse(0));
    }

    private boolean treeFilled() {
        @SuppressWarnings("unchecked")
        TreeTableView<TreeNode> tree = (TreeTableView<TreeNode>) stage.getScene().lookup("#bundle-tree");
        return tree.getRoot() != null && !tree.getRoot().getChildren().isEmpty();
    }

    /**
     * Starts {@code action} on the FX thread and returns the milliseconds until the end of the first layout pulse
     * after which {@code done} holds (checked on the FX thread after each pulse).
     */
    private double[] shown(Runnable action, BooleanSupplier done) throws Exception {
        CompletableFuture<double[]> end = new CompletableFuture<>();
        Clocks[] clocks = new Clocks[1];
        Scene scene = stage.getScene();
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (!end.isDone() && done.getAsBoolean()) {
                end.complete(clocks[0].stop());
                scene.removePostLayoutPulseListener(listener[0]);
            }
        };
        long started = System.nanoTime();
        onFx(() -> {
            scene.addPostLayoutPulseListener(listener[0]);
            clocks[0] = Clocks.start();
            action.run();
            Platform.requestNextPulse();
            return null;
        });
        // each pulse checks; the result arrives from the worker thread, so keep pulses coming until then
        while (!end.isDone()) {
            Platform.runLater(Platform::requestNextPulse);
            try {
                end.get(5, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                // poll again
            }
            if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(5)) {
                throw new IllegalStateException("the window did not show the result within 5 minutes; banner: "
                        + window.bannerMessage());
            }
        }
        return end.get();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> call) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(call.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(5, TimeUnit.MINUTES);
    }

    private static void onFx(Runnable r) throws Exception {
        onFx(() -> {
            r.run();
            return null;
        });
    }

    /** The heap in use after full collections, the least of several (a collection can be put off while JNI holds
     * an array, as the software renderer does). */
    private static long liveHeap() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 8; i++) {
            System.gc();
            Thread.sleep(50);
            least = Math.min(least, rt.totalMemory() - rt.freeMemory());
        }
        return least;
    }

    /** The median of each of the four times, apart. */
    private static double[] median(List<double[]> values) {
        double[] m = new double[4];
        for (int k = 0; k < 4; k++) {
            List<Double> one = new ArrayList<>();
            for (double[] v : values) {
                one.add(v[k]);
            }
            Collections.sort(one);
            m[k] = one.get(one.size() / 2);
        }
        return m;
    }
}
