package dev.hooklab.bundle.extract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** What is on disk below a folder, one line per path, for comparing an extraction with what a bundle holds. */
final class ExtractedTree {
    private ExtractedTree() {
    }

    /**
     * relative path -> "file 0644 body", "dir 0755" or "link -> target", without following links.
     * Bodies are shown as text.
     */
    static Map<String, String> of(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (p.equals(root)) {
                    continue;
                }
                String rel = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    out.put(rel, "link -> " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.put(rel, "dir " + FileMode.octal(mode(p)));
                } else {
                    out.put(rel, "file " + FileMode.octal(mode(p)) + " " + Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    static int mode(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }
}
