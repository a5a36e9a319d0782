package dev.hooklab.run;

import java.util.Objects;

/**
 * What a hook script's instance path reached before the hook ran.
 *
 * @param kind         what is there
 * @param resolvedPath the instance path after following symlinks inside the sandbox (as the instance would)
 * @param executable   {@code File.executable?} for a file or directory in the sandbox, else false
 * @param head         the first bytes of a regular file (up to 1 KiB), else empty; a FIFO or device is never opened
 * @param special      for {@link Kind#SPECIAL}, what it is ("a FIFO (named pipe)", "a device"), else null
 */
public record ScriptFile(Kind kind, String resolvedPath, boolean executable, byte[] head, String special) {
    /** How many bytes of a script are read for its first line. */
    public static final int HEAD_LIMIT = 1024;

    public enum Kind {
        /** A regular file in the sandbox. */
        FILE,
        /** A directory in the sandbox. */
        DIRECTORY,
        /** A FIFO, socket or device: exec refuses it (EACCES), and hooklab never opens it. */
        SPECIAL,
        /** Nothing there (or symlinks that loop): the agent's "Script does not exist". */
        MISSING,
        /** The path leads outside the sandbox, to a file of this machine's own: never touched. */
        OUTSIDE
    }

    public ScriptFile {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(resolvedPath, "resolvedPath");
        head = head == null ? new byte[0] : head.clone();
    }

    @Override
    public byte[] head() {
        return head.clone();
    }
}
