package dev.hooklab.bundle;

import java.util.Locale;
import java.util.Optional;

/** How a revision is packed. The agent's bundle types are zip, tar and tgz; codedeploy-local adds directory. */
public enum BundleFormat {
    ZIP, TAR, TGZ, FOLDER;

    /** The word used in JSON and on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format a file name suggests ({@code .zip}, {@code .tar}, {@code .tgz}, {@code .tar.gz}), if any. */
    public static Optional<BundleFormat> fromFileName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".zip")) {
            return Optional.of(ZIP);
        }
        if (n.endsWith(".tgz") || n.endsWith(".tar.gz")) {
            return Optional.of(TGZ);
        }
        if (n.endsWith(".tar")) {
            return Optional.of(TAR);
        }
        return Optional.empty();
    }
}
