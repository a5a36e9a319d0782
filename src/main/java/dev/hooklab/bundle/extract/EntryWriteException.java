package dev.hooklab.bundle.extract;

import java.io.IOException;

/** Writing one entry failed; carries the entry's stored name so the one-line message can name it. */
final class EntryWriteException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String entryName;

    EntryWriteException(String entryName, IOException cause) {
        super(cause.getMessage(), cause);
        this.entryName = entryName;
    }

    String entryName() {
        return entryName;
    }

    /** The underlying failure. */
    IOException reason() {
        return (IOException) getCause();
    }
}
