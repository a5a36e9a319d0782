package dev.hooklab.bundle.extract;

import java.util.List;

/**
 * What a {@link BundleExtractor} left in deployment-archive.
 *
 * @param files       regular files written (hard links included)
 * @param directories directories created below deployment-archive
 * @param symlinks    symbolic links created (those pointing outside the revision are not, see {@code notes})
 * @param bytes       bytes of file data written
 * @param notes       where the result differs from what the agent would leave, or what it skipped, one line each
 */
public record Extraction(long files, long directories, long symlinks, long bytes, List<String> notes) {
    public Extraction {
        notes = List.copyOf(notes);
    }
}
