package dev.hooklab.bundle.extract;

import dev.hooklab.bundle.BundleException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Copies the files of a folder revision into deployment-archive on one thread, in-kernel where the
 * platform can. A source file is read only when it is still a regular file inside the folder (not
 * replaced by a link since it was listed). Bytes are counted as each chunk is copied.
 */
final class FolderBodyWriter implements ParallelWrites.Writer<ExtractionPlan.File> {
    private static final long CHUNK = 8L << 20;

    private final Path realRoot;
    private final ArchiveFolder folder;
    private final ExpandedBytes bytes;

    FolderBodyWriter(Path realRoot, ArchiveFolder folder, ExpandedBytes bytes) {
        this.realRoot = realRoot;
        this.folder = folder;
        this.bytes = bytes;
    }

    @Override
    public void write(ExtractionPlan.File file) throws IOException, BundleException {
        Path source = realRoot.resolve(file.bundlePath());
        if (!source.toRealPath().startsWith(realRoot)) {
            throw new IOException("it was replaced by a link that leaves the folder since it was listed");
        }
        BasicFileAttributes attrs;
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
             FileChannel out = folder.createFile(file.path(), file.mode())) {
            for (long position = 0, n; (n = in.transferTo(position, CHUNK, out)) > 0; position += n) {
                bytes.add(n, file.name());
            }
            attrs = Files.readAttributes(source, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        }
        folder.finishFile(file.path(), file.mode(), attrs.lastModifiedTime());
    }

    @Override
    public void close() {
        // nothing held between files
    }
}
