package dev.hooklab.bundle.extract;

import dev.hooklab.bundle.BundleException;
import dev.hooklab.work.Workers;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Writes jobs (files to extract) on several threads: each thread opens its own {@link Writer} (its own
 * channel, inflater and buffers) and takes the next job from a shared index until none is left, so
 * big and small files even out. The first failure stops all threads (through {@link ExpandedBytes})
 * and is the one thrown.
 */
final class ParallelWrites {

    /** Writes jobs on one thread. */
    interface Writer<J> extends Closeable {
        void write(J job) throws IOException, BundleException;
    }

    /** Opens one writer per thread. */
    interface WriterFactory<J> {
        Writer<J> open() throws IOException;
    }

    private final int threads;
    private final Workers workers;

    ParallelWrites(int threads, Workers workers) {
        this.threads = threads;
        this.workers = workers;
    }

    <J> void run(List<J> jobs, Function<J, String> entryName, WriterFactory<J> writers, ExpandedBytes bytes)
            throws IOException, BundleException {
        AtomicInteger next = new AtomicInteger();
        int count = Math.min(threads, jobs.size());
        if (count <= 1) {
            work(jobs, next, entryName, writers);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(count, workers.factory("hooklab-extract"));
        List<Future<Void>> futures = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> {
                    try {
                        work(jobs, next, entryName, writers);
                    } catch (Exception | Error e) {
                        bytes.abort();
                        throw e;
                    }
                    return null;
                }));
            }
            rethrowFirstFailure(futures);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <J> void work(List<J> jobs, AtomicInteger next, Function<J, String> entryName, WriterFactory<J> writers)
            throws IOException, BundleException {
        try (Writer<J> writer = writers.open()) {
            for (int i = next.getAndIncrement(); i < jobs.size(); i = next.getAndIncrement()) {
                J job = jobs.get(i);
                try {
                    writer.write(job);
                } catch (EntryWriteException e) {
                    throw e;
                } catch (IOException e) {
                    throw new EntryWriteException(entryName.apply(job), e);
                }
            }
        }
    }

    private static void rethrowFirstFailure(List<Future<Void>> futures) throws IOException, BundleException {
        Throwable first = null;
        for (Future<Void> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("extraction was interrupted");
            } catch (ExecutionException e) {
                if (first == null && !(e.getCause() instanceof CancellationException)) {
                    first = e.getCause();
                }
            }
        }
        if (first instanceof BundleException b) {
            throw b;
        }
        if (first instanceof IOException io) {
            throw io;
        }
        if (first instanceof RuntimeException r) {
            throw r;
        }
        if (first instanceof Error err) {
            throw err;
        }
    }
}
