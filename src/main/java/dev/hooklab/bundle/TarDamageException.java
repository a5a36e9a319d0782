package dev.hooklab.bundle;

import java.io.IOException;

/**
 * A tar or gzip stream that GNU tar (or the gzip it runs) refuses although it can be read on: the
 * message says what is wrong and what the agent's tool says, in a few words.
 */
final class TarDamageException extends IOException {
    private static final long serialVersionUID = 1L;

    TarDamageException(String message) {
        super(message);
    }
}
