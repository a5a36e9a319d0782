package dev.hooklab.bundle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A revision bundle as listed: its format, the entry index, what is odd about it, and a way to read
 * entry bodies. Listing never writes to disk.
 */
public final class Bundle {
    private final Path source;
    private final BundleFormat format;
    private final List<BundleEntry> entries;
    private Map<String, BundleEntry> byPath;
    private final List<BundleFinding> findings;
    private final EntryContent content;
    private DeploymentArchive archive;

    public Bundle(Path source, BundleFormat format, List<BundleEntry> entries, List<BundleFinding> findings,
                  EntryContent content) {
        this.source = source;
        this.format = Objects.requireNonNull(format, "format");
        this.entries = List.copyOf(entries);
        this.findings = List.copyOf(findings);
        this.content = Objects.requireNonNull(content, "content");
    }

    /** The file or folder the bundle was read from (null for bundles built in memory). */
    public Path source() {
        return source;
    }

    public BundleFormat format() {
        return format;
    }

    /** All entries in archive order, implicit parent directories included. */
    public List<BundleEntry> entries() {
        return entries;
    }

    /** The entry at a normalised path ({@link BundleEntry#path()}). */
    public Optional<BundleEntry> entry(String path) {
        return Optional.ofNullable(index().get(path));
    }

    /** Built on first use: most inspections look up a handful of entries among many thousands. */
    private synchronized Map<String, BundleEntry> index() {
        if (byPath == null) {
            Map<String, BundleEntry> index = new HashMap<>(entries.size() * 2);
            for (BundleEntry e : entries) {
                index.put(e.path(), e); // a duplicate keeps the later entry, as extraction would
            }
            byPath = Collections.unmodifiableMap(index);
        }
        return byPath;
    }

    public List<BundleFinding> findings() {
        return findings;
    }

    /** The bundle as the agent lays it out in deployment-archive (single top folder stripped by its rule). */
    public synchronized DeploymentArchive archive() {
        if (archive == null) {
            archive = new DeploymentArchive(this);
        }
        return archive;
    }

    /** Bodies of regular-file entries by bundle path; see {@link EntryContent#read}. */
    public Map<String, byte[]> read(Collection<String> paths, int maxBytes) throws IOException {
        return content.read(paths, maxBytes);
    }

    public Optional<byte[]> read(String path, int maxBytes) throws IOException {
        return Optional.ofNullable(content.read(List.of(path), maxBytes).get(path));
    }

    public EntryContent content() {
        return content;
    }
}
