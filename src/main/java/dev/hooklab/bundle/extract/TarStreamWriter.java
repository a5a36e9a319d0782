package dev.hooklab.bundle.extract;

import dev.hooklab.bundle.ArchivePath;
import dev.hooklab.bundle.BundleEntry;
import dev.hooklab.bundle.BundleException;
import dev.hooklab.bundle.RawName;
import dev.hooklab.bundle.TarEntryStream;
import dev.hooklab.bundle.TarSource;
import dev.hooklab.work.Workers;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the files of a tar or tgz into deployment-archive in one pass over the entry stream, for
 * bundles {@link TarSpanWriter} cannot write (sparse files): this thread inflates and reads, a
 * {@link WriteBehind} thread writes, so the two overlap. Stream entries are
 * matched to the plan by position and path (a bundle that changed since it was listed fails); the
 * pass ends once the last planned file is read.
 */
final class TarStreamWriter {
    private final TarSource source;
    private final ArchiveFolder folder;
    private final ExpandedBytes bytes;
    private final int threads;
    private final Workers workers;

    TarStreamWriter(TarSource source, ArchiveFolder folder, ExpandedBytes bytes, int threads, Workers workers) {
        this.threads = threads;
        this.workers = workers;
        this.source = source;
        this.folder = folder;
        this.bytes = bytes;
    }

    void write(ExtractionPlan plan) throws IOException, BundleException {
        List<BundleEntry> declared = plan.declared();
        Map<Integer, ExtractionPlan.File> byIndex = new HashMap<>(plan.files().size() * 2);
        for (ExtractionPlan.File f : plan.files()) {
            byIndex.put(f.index(), f);
        }
        int left = byIndex.size();
        WriteBehind writer = new WriteBehind(folder, bytes, threads, workers);
        try (TarEntryStream tar = source.open()) {
            int index = -1;
            TarArchiveEntry entry;
            while (left > 0 && (entry = tar.next()) != null) {
                String path = ArchivePath.normalise(RawName.decode(tar.rawName()).text());
                if (path.isEmpty()) {
                    continue; // "./" and the like: not an entry of the bundle
                }
                index++;
                if (index >= declared.size() || !declared.get(index).path().equals(path)) {
                    throw new IOException("the archive changed since it was read ('" + path + "' where '"
                            + (index < declared.size() ? declared.get(index).path() : "the end") + "' was)");
                }
                ExtractionPlan.File file = byIndex.get(index);
                if (file != null) {
                    writeFile(tar, entry, file, writer);
                    left--;
                }
            }
        } catch (IOException | BundleException | RuntimeException e) {
            writer.stopAfter(e);
            throw e;
        }
        writer.finish();
        if (left > 0) {
            throw new IOException("the archive ends before its last entries (it changed since it was read)");
        }
    }

    /** Reads one file's body in buffer-sized pieces and hands them to the writing thread. */
    private void writeFile(TarEntryStream tar, TarArchiveEntry entry, ExtractionPlan.File file, WriteBehind writer)
            throws IOException, BundleException {
        boolean first = true;
        boolean last = false;
        while (!last) {
            byte[] buffer = writer.buffer();
            int n;
            try {
                n = tar.readNBytes(buffer, 0, buffer.length);
            } catch (IOException e) {
                throw new EntryWriteException(file.name(), e);
            }
            last = n < buffer.length;
            bytes.add(n, file.name());
            writer.put(file, buffer, n, first, last, last ? entry.getLastModifiedTime() : null);
            first = false;
        }
    }
}
