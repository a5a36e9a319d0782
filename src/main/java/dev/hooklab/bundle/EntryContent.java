package dev.hooklab.bundle;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;

/** Reads entry bodies on demand: random access for zips and folders, a cache or a re-scan for tar streams. */
public interface EntryContent {

    /**
     * The first {@code maxBytes} bytes of each named regular-file entry (by {@link BundleEntry#path()}),
     * in the order asked. When a path is stored twice, the later entry is read, as extraction keeps it.
     * A tar hard link reads as the file it links to. Entries that are missing, encrypted or not regular
     * files (folders, symbolic links: resolve them with {@link DeploymentArchive#resolve} first) are absent.
     */
    Map<String, byte[]> read(Collection<String> paths, int maxBytes) throws IOException;

    /** For bundles built in memory (tests, a lone appspec). */
    static EntryContent of(Map<String, byte[]> bodies) {
        return (paths, maxBytes) -> {
            Map<String, byte[]> out = new java.util.LinkedHashMap<>();
            for (String p : paths) {
                byte[] b = bodies.get(p);
                if (b != null) {
                    out.put(p, b.length <= maxBytes ? b : java.util.Arrays.copyOf(b, maxBytes));
                }
            }
            return out;
        };
    }
}
