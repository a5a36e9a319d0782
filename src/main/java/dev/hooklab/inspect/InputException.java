package dev.hooklab.inspect;

/** Input that cannot be read at all; the message is one clear line for the user. */
public class InputException extends Exception {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
