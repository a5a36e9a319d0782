package dev.hooklab.run.session;

/** A session that cannot go on (the previous revision could not be deployed); one clear line. */
public final class SessionException extends Exception {
    private static final long serialVersionUID = 1L;

    public SessionException(String message) {
        super(message, null, false, false);
    }
}
