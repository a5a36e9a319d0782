package dev.hooklab.cli;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What {@code hooklab run} does on Ctrl-C, SIGTERM or SIGHUP: a JVM shutdown hook, armed for the length
 * of the run, stops the running hook and then holds the JVM until the run has printed its result so far
 * and removed its temporary sandbox. It waits at most {@link #WAIT}; past that it does the last-resort
 * cleanup itself, so a stuck run cannot keep the JVM from ending. The JVM then exits with 128 plus the
 * signal's number (130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP).
 */
final class RunInterruption implements AutoCloseable {
    /** The hook's kill grace and the output drain take a few seconds; a busy machine gets plenty more. */
    static final Duration WAIT = Duration.ofSeconds(30);

    private final CompletableFuture<Void> signalled = new CompletableFuture<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Runnable stop;
    private final Runnable lastResort;
    private final Thread hook;

    /**
     * @param stop       ends the running hook at once (from the shutdown thread)
     * @param lastResort cleanup when the run did not finish in time (removes the temporary sandbox)
     */
    RunInterruption(Runnable stop, Runnable lastResort) {
        this.stop = stop;
        this.lastResort = lastResort;
        this.hook = new Thread(this::onShutdown, "hooklab-run-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Completes when the JVM begins to shut down during the run. */
    CompletableFuture<Void> signalled() {
        return signalled;
    }

    boolean happened() {
        return signalled.isDone();
    }

    private void onShutdown() {
        try {
            stop.run();
        } finally {
            signalled.complete(null);
        }
        try {
            if (finished.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lastResort.run();
    }

    /** The run has printed its result and cleaned up: disarms the hook, or lets a waiting one return. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running and returns now
        }
    }
}
