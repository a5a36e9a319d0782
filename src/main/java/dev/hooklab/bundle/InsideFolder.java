package dev.hooklab.bundle;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The one "path inside a folder" check: a relative path is joined onto a folder and its {@code .} and
 * {@code ..} are folded by name alone (no link is followed, nothing is read from disk); the result counts only
 * when it is still the folder or below it. Extraction (deployment-archive) and the sandbox tree both use it.
 */
public final class InsideFolder {
    private InsideFolder() {
    }

    /**
     * {@code relative} resolved against {@code folder}, or empty when it leaves the folder (an absolute path,
     * or more {@code ..} than there are names before them).
     *
     * @param folder an absolute, normalised folder path
     * @return the normalised path, which may be {@code folder} itself ({@code ""}, {@code "a/.."})
     */
    public static Optional<Path> resolve(Path folder, String relative) {
        Path path = folder.resolve(relative).normalize();
        return path.startsWith(folder) ? Optional.of(path) : Optional.empty();
    }
}
