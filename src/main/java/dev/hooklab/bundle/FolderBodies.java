package dev.hooklab.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Bodies of a folder revision's regular files, read on demand; never through a link that leaves the folder. */
final class FolderBodies implements EntryContent {
    private final Path root;
    private final Set<String> files = new HashSet<>();
    private Path realRoot;

    FolderBodies(Path root) {
        this.root = root;
    }

    void file(String path) {
        files.add(path);
    }

    @Override
    public Map<String, byte[]> read(Collection<String> paths, int maxBytes) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String path : paths) {
            if (!files.contains(path)) {
                continue;
            }
            Path real = root.resolve(path).toRealPath();
            if (!real.startsWith(realRoot()) || !Files.isRegularFile(real)) {
                continue; // replaced by a link that leaves the folder since it was listed
            }
            try (InputStream in = Files.newInputStream(real)) {
                out.put(path, in.readNBytes(maxBytes));
            }
        }
        return out;
    }

    private synchronized Path realRoot() throws IOException {
        if (realRoot == null) {
            realRoot = root.toRealPath();
        }
        return realRoot;
    }
}
