package dev.hooklab.bundle;

import java.util.Objects;

/**
 * Something about the archive itself that the agent's unpacking handles in a way the author probably
 * did not intend. The diagnose rules turn findings into diagnostics.
 *
 * @param kind   what was found
 * @param entry  the entry name concerned (as stored), or null for the whole bundle
 * @param detail a short, specific explanation (for example the link target or the second occurrence)
 */
public record BundleFinding(Kind kind, String entry, String detail) {

    public enum Kind {
        /** The format read from the bytes disagrees with the file name. */
        FORMAT_MISMATCH,
        /** An absolute name, or one with {@code ..} segments. */
        UNSAFE_PATH,
        /** A symlink whose target leaves the revision, or an entry stored below such a link. */
        SYMLINK_ESCAPE,
        /** A hard link entry. */
        HARDLINK,
        /** The same normalised path appears twice. */
        DUPLICATE,
        /** An encrypted zip entry. */
        ENCRYPTED,
        /** A zip entry packed with a compression method neither the agent's unzip nor its rubyzip fallback reads. */
        UNSUPPORTED_COMPRESSION,
        /** An entry name that is not valid UTF-8. */
        NAME_NOT_UTF8,
        /** A device, FIFO or other special entry. */
        SPECIAL
    }

    public BundleFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }
}
