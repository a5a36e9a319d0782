package dev.hooklab.plan;

import dev.hooklab.bundle.DeploymentArchive;
import dev.hooklab.bundle.EntryType;

import java.util.List;

/**
 * deployment-archive as the Install step looks at it: paths relative to the archive root ("" is the root).
 * Backed by a listed bundle for static planning, or by the extracted folder in a sandbox.
 */
public interface ArchiveTree {

    /** {@code File.exist?}: follows links. */
    boolean exists(String path);

    /** {@code File.directory?(p) && !File.symlink?(p)}: a directory the Install step descends into. */
    boolean isRealDirectory(String path);

    /** Names directly inside a directory, sorted. */
    List<String> list(String dir);

    static ArchiveTree of(DeploymentArchive revision) {
        return new ArchiveTree() {
            @Override
            public boolean exists(String path) {
                return revision.resolve(path).isPresent();
            }

            @Override
            public boolean isRealDirectory(String path) {
                String p = strip(path);
                var entry = revision.entry(p);
                if (entry.isPresent()) {
                    return entry.get().type() == EntryType.DIRECTORY;
                }
                if (revision.isDirectory(p)) {
                    return true; // implied by entries below it
                }
                return revision.resolve(p).map(revision::isDirectory).orElse(false); // through a link
            }

            @Override
            public List<String> list(String dir) {
                String d = strip(dir);
                if (revision.isDirectory(d)) {
                    return revision.children(d);
                }
                return revision.resolve(d).map(revision::children).orElse(List.of());
            }

            private String strip(String p) {
                String s = p;
                while (s.startsWith("/")) {
                    s = s.substring(1);
                }
                while (s.endsWith("/")) {
                    s = s.substring(0, s.length() - 1);
                }
                return s;
            }
        };
    }
}
