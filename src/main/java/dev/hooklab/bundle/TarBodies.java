package dev.hooklab.bundle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Entry bodies of a tar or tgz: what the listing pass kept ({@link TarCapture}), else one more pass
 * over the stream that collects every requested body and stops once it has them all. A hard link
 * reads as the file it links to.
 */
public final class TarBodies implements EntryContent {
    private final TarSource source;
    private final TarSource.Stamp stamp;
    /** path -> ordinal (position in the stream) of the regular file that extraction leaves there */
    private final Map<String, Integer> files = new HashMap<>();
    /** hard link path -> path of the file it links to */
    private final Map<String, String> hardLinks = new HashMap<>();
    private final Map<String, byte[]> kept = new HashMap<>();
    private final Map<String, Span> spans = new HashMap<>();
    private final AtomicInteger rescans = new AtomicInteger();

    /**
     * Where a regular file's body lies in the uncompressed tar stream.
     *
     * @param offset         where the body starts
     * @param size           the file's size (for a sparse file, the size with its holes filled)
     * @param modifiedMillis the modification time the header gives
     * @param sparse         whether the body is stored sparse (then it is not {@code size} bytes at {@code offset})
     */
    public record Span(long offset, long size, long modifiedMillis, boolean sparse) {
    }

    /** @param stamp the file's size and time when it was listed */
    TarBodies(TarSource source, TarSource.Stamp stamp) {
        this.source = source;
        this.stamp = stamp;
    }

    public TarSource source() {
        return source;
    }

    /** The file's size and time when it was listed. */
    public TarSource.Stamp stamp() {
        return stamp;
    }

    /** Where the body of the regular file extraction leaves at a path lies, or null. */
    public Span span(String path) {
        return spans.get(path);
    }

    /** Records what extraction leaves at a path; {@code body} is what the listing pass kept, or null. */
    void file(String path, int ordinal, Span span, byte[] body) {
        files.put(path, ordinal);
        spans.put(path, span);
        hardLinks.remove(path);
        if (body != null) {
            kept.put(path, body);
        } else {
            kept.remove(path);
        }
    }

    void hardLink(String path, String target) {
        hardLinks.put(path, target);
        files.remove(path);
        spans.remove(path);
        kept.remove(path);
    }

    void other(String path) {
        files.remove(path);
        spans.remove(path);
        hardLinks.remove(path);
        kept.remove(path);
    }

    /** How many times a read had to pass over the stream again. */
    int rescans() {
        return rescans.get();
    }

    @Override
    public Map<String, byte[]> read(Collection<String> paths, int maxBytes) throws IOException {
        Map<String, byte[]> found = new HashMap<>();
        Map<Integer, List<String>> wanted = new HashMap<>();
        for (String path : paths) {
            String from = hardLinks.getOrDefault(path, path);
            Integer ordinal = files.get(from);
            if (ordinal == null) {
                continue;
            }
            byte[] body = kept.get(from);
            if (body != null && (body.length >= maxBytes || body.length == spans.get(from).size())) {
                found.put(path, body.length <= maxBytes ? body : Arrays.copyOf(body, maxBytes));
            } else {
                wanted.computeIfAbsent(ordinal, k -> new ArrayList<>()).add(path);
            }
        }
        if (!wanted.isEmpty()) {
            rescan(wanted, maxBytes, found);
        }
        Map<String, byte[]> inOrder = new LinkedHashMap<>();
        for (String path : paths) {
            byte[] body = found.get(path);
            if (body != null) {
                inOrder.put(path, body);
            }
        }
        return inOrder;
    }

    private void rescan(Map<Integer, List<String>> wanted, int maxBytes, Map<String, byte[]> found) throws IOException {
        rescans.incrementAndGet();
        try (TarEntryStream tar = source.open()) {
            int ordinal = -1;
            TarArchiveEntry entry;
            while (!wanted.isEmpty() && (entry = tar.next()) != null) {
                List<String> paths = wanted.remove(++ordinal);
                if (paths != null) {
                    byte[] body = tar.readNBytes((int) Math.min(entry.getRealSize(), maxBytes));
                    for (String p : paths) {
                        found.put(p, body);
                    }
                }
            }
        }
    }
}
