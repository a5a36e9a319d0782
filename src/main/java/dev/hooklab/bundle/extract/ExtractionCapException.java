package dev.hooklab.bundle.extract;

import dev.hooklab.bundle.BundleException;

/** A bundle that expands (or says it expands) past the extraction cap: refused, or stopped at the cap. */
public final class ExtractionCapException extends BundleException {
    private static final long serialVersionUID = 1L;

    public ExtractionCapException(String message) {
        super(message);
    }
}
