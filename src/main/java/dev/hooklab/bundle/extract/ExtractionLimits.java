package dev.hooklab.bundle.extract;

/**
 * How far a {@link BundleExtractor} may go.
 *
 * @param maxExpandedBytes the most bytes extraction writes in all (declared sizes are checked before writing,
 *                         bytes actually written while writing); the default is 4 GiB
 * @param threads          how many threads write a zip or a folder revision at once; the default is one per processor
 */
public record ExtractionLimits(long maxExpandedBytes, int threads) {
    public static final long DEFAULT_MAX_EXPANDED_BYTES = 4L << 30;

    public ExtractionLimits {
        if (maxExpandedBytes <= 0) {
            throw new IllegalArgumentException("maxExpandedBytes must be positive: " + maxExpandedBytes);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
    }

    /** 4 GiB of expanded data, one thread per available processor. */
    public static ExtractionLimits defaults() {
        return new ExtractionLimits(DEFAULT_MAX_EXPANDED_BYTES, Runtime.getRuntime().availableProcessors());
    }

    public ExtractionLimits withMaxExpandedBytes(long bytes) {
        return new ExtractionLimits(bytes, threads);
    }

    public ExtractionLimits withThreads(int count) {
        return new ExtractionLimits(maxExpandedBytes, count);
    }
}
