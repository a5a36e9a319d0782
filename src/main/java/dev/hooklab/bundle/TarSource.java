package dev.hooklab.bundle;

import dev.hooklab.work.Workers;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * Opens a tar or tgz file as a {@link TarEntryStream}, with big buffers; gzip through the JDK's zlib, checked as
 * gzip checks it, and inflated ahead on a thread from {@code workers}.
 */
public record TarSource(Path file, boolean gzip, Workers workers) {
    private static final int BUFFER = 1 << 16;

    /** The file's size and modification time, to notice that it changed between two passes. */
    public record Stamp(long size, FileTime modified) {
    }

    public Stamp stamp() throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        return new Stamp(attrs.size(), attrs.lastModifiedTime());
    }

    public TarEntryStream open() throws IOException {
        return new TarEntryStream(new BufferedInputStream(decompressed(), BUFFER));
    }

    /** The tar bytes for a pass over all of them: the file itself, or its gzip data inflated on a thread of its own. */
    public InputStream decompressed() throws IOException {
        InputStream tar = start();
        return gzip ? new InflateAhead(tar, workers) : tar;
    }

    /** The tar bytes inflated on the caller's thread, to read just the start. */
    InputStream start() throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            return gzip ? new GzipStream(raw) : raw;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }
}
