package dev.hooklab.bundle.extract;

import dev.hooklab.bundle.BundleException;
import dev.hooklab.bundle.ZipBodies;
import dev.hooklab.bundle.ZipMethods;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipMethod;
import org.apache.commons.compress.archivers.zip.ZipUtil;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Writes zip entries into deployment-archive on one thread, reading the zip by positional reads on its
 * own channel and inflating with its own {@link Inflater}; stored and deflated entries go through big
 * direct buffers, other methods through commons-compress. Every byte is counted before it is written.
 * What is written is what the agent ends up with: when unzip complains about an entry (a CRC-32 that
 * does not match, a stored entry whose two sizes differ) it exits non-zero and the agent extracts the
 * whole zip again with rubyzip 1.3, which checks no CRC and reads a stored entry's uncompressed size
 * in bytes. So a stored entry's data is its uncompressed size from where its data starts, and a CRC-32
 * mismatch is a note, not a refusal.
 */
final class ZipBodyWriter implements ParallelWrites.Writer<ZipBodyWriter.Job> {
    private static final int BUFFER = 1 << 20;

    /** A planned file and where its data lies in the zip. */
    record Job(ExtractionPlan.File file, ZipBodies.Slot slot) {
    }

    private final ZipBodies bodies;
    private final ArchiveFolder folder;
    private final ExpandedBytes bytes;
    private final FileChannel zip;
    private final Inflater inflater = new Inflater(true);
    private final ByteBuffer input = ByteBuffer.allocateDirect(BUFFER);
    private final ByteBuffer output = ByteBuffer.allocateDirect(BUFFER);
    private final CRC32 crc = new CRC32();
    private final Consumer<String> damaged;
    private ZipFile others;
    private Map<Long, ZipArchiveEntry> othersByOffset;

    /** @param damaged told the stored name of every entry whose data does not match its CRC-32 (from any thread) */
    ZipBodyWriter(ZipBodies bodies, ArchiveFolder folder, ExpandedBytes bytes, Consumer<String> damaged) throws IOException {
        this.bodies = bodies;
        this.damaged = damaged;
        this.folder = folder;
        this.bytes = bytes;
        this.zip = FileChannel.open(bodies.file(), StandardOpenOption.READ);
    }

    /** The jobs for a plan's files, in the order their data lies in the zip, so that readers move forward together. */
    static List<Job> jobs(ExtractionPlan plan, ZipBodies bodies) {
        List<Job> jobs = new ArrayList<>(plan.files().size());
        for (ExtractionPlan.File f : plan.files()) {
            ZipBodies.Slot slot = bodies.slot(f.bundlePath());
            if (slot == null) {
                throw new IllegalStateException("no zip data for '" + f.bundlePath() + "'");
            }
            jobs.add(new Job(f, slot));
        }
        jobs.sort(Comparator.comparingLong(j -> j.slot().headerOffset()));
        return jobs;
    }

    @Override
    public void write(Job job) throws IOException, BundleException {
        ExtractionPlan.File file = job.file();
        ZipBodies.Slot slot = job.slot();
        crc.reset();
        try (FileChannel target = folder.createFile(file.path(), file.mode())) {
            if (slot.method() == ZipMethod.STORED.getCode()) {
                copyStored(slot, file, target);
            } else if (slot.method() == ZipMethod.DEFLATED.getCode()) {
                inflate(slot, file, target);
            } else {
                copyOther(slot, file, target);
            }
        }
        if (crc.getValue() != slot.crc()) {
            damaged.accept(file.name());
        }
        folder.finishFile(file.path(), file.mode(), slot.dosTime() == 0 ? null : FileTime.fromMillis(ZipUtil.dosToJavaTime(slot.dosTime())));
    }

    private void copyStored(ZipBodies.Slot slot, ExtractionPlan.File file, FileChannel target) throws IOException, BundleException {
        long position = ZipBodies.dataOffset(zip, slot);
        long end = ZipBodies.storedEnd(zip, slot, position);
        while (position < end) {
            input.clear().limit((int) Math.min(BUFFER, end - position));
            int n = zip.read(input, position);
            if (n < 0) {
                break; // the file shrank under us: as rubyzip, keep what there was
            }
            position += n;
            put(input.flip(), file, target);
        }
    }

    private void inflate(ZipBodies.Slot slot, ExtractionPlan.File file, FileChannel target) throws IOException, BundleException {
        long position = ZipBodies.dataOffset(zip, slot);
        long end = position + slot.compressedSize();
        inflater.reset();
        try {
            while (!inflater.finished()) {
                if (inflater.needsInput()) {
                    if (position >= end) {
                        throw new EOFException("its compressed data ends early");
                    }
                    input.clear().limit((int) Math.min(BUFFER, end - position));
                    int n = zip.read(input, position);
                    if (n < 0) {
                        throw new EOFException("the zip ends inside its data");
                    }
                    position += n;
                    inflater.setInput(input.flip());
                }
                output.clear();
                inflater.inflate(output);
                if (inflater.needsDictionary()) {
                    throw new IOException("its data needs a preset dictionary, which zip entries never have");
                }
                put(output.flip(), file, target);
            }
        } catch (DataFormatException e) {
            throw new IOException("its compressed data is damaged (" + e.getMessage() + ")", e);
        }
    }

    private void copyOther(ZipBodies.Slot slot, ExtractionPlan.File file, FileChannel target) throws IOException, BundleException {
        if (!ZipMethods.agentReads(slot.method())) {
            throw new IOException("compression method " + slot.method() + " (" + ZipMethods.name(slot.method()) + ") is not supported");
        }
        ZipArchiveEntry entry = otherEntry(slot);
        if (entry == null || !others.canReadEntryData(entry)) {
            throw new IOException("compression method " + slot.method() + " is not supported");
        }
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = others.getInputStream(entry)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                put(ByteBuffer.wrap(buffer, 0, n), file, target);
            }
        }
    }

    private ZipArchiveEntry otherEntry(ZipBodies.Slot slot) throws IOException {
        if (others == null) {
            others = ZipFile.builder().setPath(bodies.file()).get();
            othersByOffset = new HashMap<>();
            for (ZipArchiveEntry e : Collections.list(others.getEntriesInPhysicalOrder())) {
                othersByOffset.put(e.getLocalHeaderOffset(), e);
            }
        }
        return othersByOffset.get(slot.headerOffset());
    }

    /** Counts, checksums and writes the buffer's remaining bytes. */
    private void put(ByteBuffer data, ExtractionPlan.File file, FileChannel target) throws IOException, BundleException {
        if (!data.hasRemaining()) {
            return;
        }
        bytes.add(data.remaining(), file.name());
        int start = data.position();
        crc.update(data);
        data.position(start);
        while (data.hasRemaining()) {
            target.write(data);
        }
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        try {
            zip.close();
        } finally {
            if (others != null) {
                others.close();
            }
        }
    }
}
