package dev.hooklab.bundle;

/**
 * A bundle that cannot be read at all (truncated, not an archive, unreadable). The message is one
 * clear line meant for the user, naming the file; it never needs a stack trace.
 */
public class BundleException extends Exception {
    private static final long serialVersionUID = 1L;

    public BundleException(String message) {
        super(message);
    }

    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
