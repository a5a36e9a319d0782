package dev.hooklab.bundle;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the files of a tar or tgz into deployment-archive in one pass over the stream. Stream entries
 * are matched to the plan by position and path (a bundle that changed since it was listed fails);
 * the pass ends once the last planned file is written.
 */
final class TarStreamWriter {
    private static final int BUFFER = 1 << 20;

    private final TarSource source;
    private final ArchiveFolder folder;
    private final ExpandedBytes bytes;
    private final byte[] buffer = new byte[BUFFER];

    TarStreamWriter(TarSource source, ArchiveFolder folder, ExpandedBytes bytes) {
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
                    writeFile(tar, entry, file);
                    left--;
                }
            }
        }
        if (left > 0) {
            throw new IOException("the archive ends before its last entries (it changed since it was read)");
        }
    }

    private void writeFile(TarEntryStream tar, TarArchiveEntry entry, ExtractionPlan.File file) throws IOException, BundleException {
        try {
            try (FileChannel out = folder.createFile(file.path())) {
                for (int n = tar.read(buffer); n >= 0; n = tar.read(buffer)) {
                    bytes.add(n, file.name());
                    ByteBuffer data = ByteBuffer.wrap(buffer, 0, n);
                    while (data.hasRemaining()) {
                        out.write(data);
                    }
                }
            }
            folder.setMode(file.path(), file.mode());
            folder.setModifiedTime(file.path(), entry.getLastModifiedTime());
        } catch (IOException e) {
            throw new EntryWriteException(file.name(), e);
        }
    }
}
