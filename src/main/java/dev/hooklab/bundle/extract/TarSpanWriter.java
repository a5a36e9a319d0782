package dev.hooklab.bundle.extract;

import dev.hooklab.bundle.BundleException;
import dev.hooklab.bundle.TarBodies;
import dev.hooklab.work.Workers;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes the files of a tar or tgz by where the listing found their bodies: one pass that only
 * inflates and copies byte ranges, without parsing headers again, while a {@link WriteBehind} thread
 * writes. Twice as fast as a second pass through the entry stream, whose per-entry work dominates
 * bundles of many small files. Needs every body stored whole ({@link TarStreamWriter} handles
 * sparse files) and the bundle unchanged since it was listed.
 */
final class TarSpanWriter {
    private static final int SCRATCH = 1 << 16;

    /** A planned file and where its body lies. */
    private record Job(ExtractionPlan.File file, TarBodies.Span span) {
    }

    private final TarBodies bodies;
    private final ArchiveFolder folder;
    private final ExpandedBytes bytes;
    private final byte[] scratch = new byte[SCRATCH];
    private final int threads;
    private final Workers workers;

    TarSpanWriter(TarBodies bodies, ArchiveFolder folder, ExpandedBytes bytes, int threads, Workers workers) {
        this.threads = threads;
        this.workers = workers;
        this.bodies = bodies;
        this.folder = folder;
        this.bytes = bytes;
    }

    /** Whether every planned file is stored whole, as this writer needs. */
    static boolean canWrite(ExtractionPlan plan, TarBodies bodies) {
        for (ExtractionPlan.File f : plan.files()) {
            TarBodies.Span span = bodies.span(f.bundlePath());
            if (span == null || span.sparse()) {
                return false;
            }
        }
        return true;
    }

    void write(ExtractionPlan plan) throws IOException, BundleException {
        if (!bodies.source().stamp().equals(bodies.stamp())) {
            throw new IOException("the bundle changed since it was read");
        }
        List<Job> jobs = new ArrayList<>(plan.files().size());
        for (ExtractionPlan.File f : plan.files()) {
            jobs.add(new Job(f, bodies.span(f.bundlePath())));
        }
        jobs.sort(Comparator.comparingLong(j -> j.span().offset()));
        WriteBehind writer = new WriteBehind(folder, bytes, threads, workers);
        try (InputStream tar = bodies.source().decompressed()) {
            long position = 0;
            for (Job job : jobs) {
                skip(tar, job.span().offset() - position);
                copy(tar, job, writer);
                position = job.span().offset() + job.span().size();
            }
        } catch (IOException | BundleException | RuntimeException e) {
            writer.stopAfter(e);
            throw e;
        }
        writer.finish();
    }

    private void skip(InputStream tar, long count) throws IOException {
        for (long left = count; left > 0; ) {
            int n = tar.read(scratch, 0, (int) Math.min(left, scratch.length));
            if (n < 0) {
                throw new EOFException("the archive ends early (it changed since it was read)");
            }
            left -= n;
        }
    }

    /** Reads one file's body in buffer-sized pieces and hands them to the writing thread. */
    private void copy(InputStream tar, Job job, WriteBehind writer) throws IOException, BundleException {
        ExtractionPlan.File file = job.file();
        long left = job.span().size();
        boolean first = true;
        do {
            byte[] buffer = writer.buffer();
            int want = (int) Math.min(left, buffer.length);
            int n = tar.readNBytes(buffer, 0, want);
            if (n < want) {
                throw new EntryWriteException(file.name(), new EOFException("the archive ends inside its data"));
            }
            left -= n;
            bytes.add(n, file.name());
            writer.put(file, buffer, n, first, left == 0, left == 0 ? FileTime.fromMillis(job.span().modifiedMillis()) : null);
            first = false;
        } while (left > 0);
    }
}
