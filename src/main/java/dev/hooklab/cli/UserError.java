package dev.hooklab.cli;

/** A mistake in the input or the arguments: printed as one line, exit status 2. */
final class UserError extends Exception {
    private static final long serialVersionUID = 1L;

    UserError(String message) {
        super(message, null, false, false);
    }
}
