package dev.hooklab.inspect;

import java.util.Locale;

/** What the user pointed hooklab at. */
public enum InputKind {
    /** A zip, tar or tgz file. */
    ARCHIVE,
    /** A folder holding the revision. */
    FOLDER,
    /** An appspec.yml alone: paths are computed, bundle checks skipped. */
    APPSPEC;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
