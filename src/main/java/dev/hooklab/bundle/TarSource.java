package dev.hooklab.bundle;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens a tar or tgz file as a {@link TarEntryStream}, with big buffers; gzip through the JDK's zlib. */
record TarSource(Path file, boolean gzip) {
    private static final int BUFFER = 1 << 16;

    TarEntryStream open() throws IOException {
        return new TarEntryStream(new BufferedInputStream(decompressed(), BUFFER));
    }

    /** The tar bytes: the file itself, or its gzip data inflated. */
    InputStream decompressed() throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            return gzip ? new GZIPInputStream(raw, BUFFER) : raw;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }
}
