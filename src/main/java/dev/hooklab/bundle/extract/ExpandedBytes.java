package dev.hooklab.bundle.extract;

import dev.hooklab.bundle.BundleException;

import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes one extraction has written, counted across all its writer threads as they write, whatever
 * the headers declared. Stops every writer at the cap, or as soon as one writer has failed.
 */
final class ExpandedBytes {
    private final String display;
    private final long cap;
    private final long declared;
    private final AtomicLong written = new AtomicLong();
    private volatile boolean aborted;

    /**
     * @param display  the bundle's name, for messages
     * @param cap      the most bytes that may be written
     * @param declared what the headers of the entries to write add up to
     */
    ExpandedBytes(String display, long cap, long declared) {
        this.display = display;
        this.cap = cap;
        this.declared = declared;
    }

    /**
     * Counts bytes about to be written for an entry.
     *
     * @throws BundleException       when they take the total past the cap
     * @throws CancellationException when another writer has failed; its failure is the one to report
     */
    void add(long bytes, String entryName) throws BundleException {
        if (aborted) {
            throw new CancellationException();
        }
        if (written.addAndGet(bytes) > cap) {
            aborted = true;
            throw new ExtractionCapException(display + ": extraction stopped at the cap of " + format(cap) + " of expanded data, at '"
                    + entryName + "': the entries expand to more than their headers declare (" + format(declared)
                    + "), as a zip bomb does; nothing was kept. If you trust this bundle, raise the cap of expanded bytes");
        }
    }

    /** Tells every writer to stop at its next write. */
    void abort() {
        aborted = true;
    }

    long written() {
        return written.get();
    }

    /** Two sizes that read apart: "3 MiB" and "1 MiB", or exact counts when rounding makes them look alike. */
    static String[] formatApart(long a, long b) {
        String fa = format(a);
        String fb = format(b);
        return fa.equals(fb) ? new String[] {a + " bytes", b + " bytes"} : new String[] {fa, fb};
    }

    /** "512 bytes", "64 KiB", "1.5 GiB". */
    static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = String.format(Locale.ROOT, "%.1f", value);
        return (number.endsWith(".0") ? number.substring(0, number.length() - 2) : number) + " " + units[unit];
    }
}
