package dev.hooklab.ui.run.console;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test and bench only: how long the FX thread keeps others waiting. A pinger thread posts a {@code runLater} every
 * 20 ms and measures how long each waits to run; an {@link AnimationTimer} (which asks for a pulse every frame)
 * measures the longest gap between two pulses.
 */
public final class FxStallProbe implements AutoCloseable {
    /** Frames kept of a stalled FX thread's stack (-Dbench.stallDepth, 6 unless told). */
    private static final int DEPTH = Integer.getInteger("bench.stallDepth", 6);
    private final AtomicLong longestPingNanos = new AtomicLong();
    private final AtomicLong longestPulseGapNanos = new AtomicLong();
    private final AtomicLong pings = new AtomicLong();
    private final Thread pinger;
    private final AnimationTimer pulses;
    private volatile boolean running = true;
    private volatile Thread fxThread;
    private volatile long fxCpuStart = -1;
    private volatile long fxCpuNanos;
    private final long wallStart = System.nanoTime();
    private volatile long wallNanos;
    private final java.util.Queue<String> longWaits = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.Map<String, Integer> stallFrames = new java.util.concurrent.ConcurrentHashMap<>();

    public FxStallProbe() {
        pulses = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (last != 0) {
                    longestPulseGapNanos.accumulateAndGet(now - last, Math::max);
                }
                last = now;
            }
        };
        Platform.runLater(() -> {
            fxThread = Thread.currentThread();
            fxCpuStart = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            pulses.start();
        });
        pinger = new Thread(() -> {
            while (running) {
                long t0 = System.nanoTime();
                CountDownLatch answered = new CountDownLatch(1);
                Platform.runLater(answered::countDown);
                try {
                    while (!answered.await(50, TimeUnit.MILLISECONDS)) {
                        sampleStall(); // the FX thread is busy for 50 ms or more: what is it doing?
                        if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(30)) {
                            break;
                        }
                    }
                    if (answered.getCount() > 0) {
                        longestPingNanos.accumulateAndGet(System.nanoTime() - t0, Math::max);
                        continue;
                    }
                    long waited = System.nanoTime() - t0;
                    longestPingNanos.accumulateAndGet(waited, Math::max);
                    if (waited > TimeUnit.MILLISECONDS.toNanos(100)) {
                        longWaits.add(TimeUnit.NANOSECONDS.toMillis(t0 - wallStart) + " ms: "
                                + TimeUnit.NANOSECONDS.toMillis(waited) + " ms");
                    }
                    pings.incrementAndGet();
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fx-stall-probe");
        pinger.setDaemon(true);
        pinger.start();
    }

    private void sampleStall() {
        Thread fx = fxThread;
        if (fx == null) {
            return;
        }
        StackTraceElement[] stack = fx.getStackTrace();
        StringBuilder where = new StringBuilder();
        int shown = 0;
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            if (shown < DEPTH && (c.startsWith("dev.hooklab") || c.startsWith("org.fxmisc") || shown < 2)) {
                where.append(c.substring(c.lastIndexOf('.') + 1)).append('.').append(e.getMethodName()).append(" < ");
                shown++;
            }
        }
        stallFrames.merge(where.toString(), 1, Integer::sum);
    }

    /**
     * When pings waited over 100 ms, and where the FX thread was when it kept a ping waiting 50 ms or more (sampled
     * every 50 ms), most often first.
     */
    public String stalls() {
        StringBuilder out = new StringBuilder();
        if (!longWaits.isEmpty()) {
            out.append("pings that waited over 100 ms (when, how long): ").append(longWaits).append('\n');
        }
        stallFrames.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(8)
                .forEach(e -> out.append(e.getValue()).append("x ").append(e.getKey()).append('\n'));
        return out.toString();
    }

    /** The longest a {@code runLater} waited to run, in ms. */
    public long longestPingMs() {
        return TimeUnit.NANOSECONDS.toMillis(longestPingNanos.get());
    }

    /** The longest gap between two pulses, in ms. */
    public long longestPulseGapMs() {
        return TimeUnit.NANOSECONDS.toMillis(longestPulseGapNanos.get());
    }

    /** Pings answered. */
    public long pings() {
        return pings.get();
    }

    /** CPU time the FX thread used while probed, and the wall time probed, in ms: "120 ms of 9000 ms". */
    public String fxCpu() {
        return (fxCpuNanos / 1_000_000) + " ms of " + (wallNanos / 1_000_000) + " ms";
    }

    @Override
    public void close() throws InterruptedException {
        CountDownLatch measured = new CountDownLatch(1);
        Platform.runLater(() -> {
            if (fxCpuStart >= 0) {
                fxCpuNanos = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
                        - fxCpuStart;
            }
            wallNanos = System.nanoTime() - wallStart;
            measured.countDown();
        });
        measured.await(30, TimeUnit.SECONDS);
        running = false;
        pinger.interrupt();
        pinger.join(5000);
        Platform.runLater(pulses::stop);
    }
}
