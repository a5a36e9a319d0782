package dev.hooklab.bundle;

import java.util.Locale;

/**
 * Which tar bodies the listing pass keeps in memory, so that the usual reads (the AppSpec, hook
 * scripts) need no second pass over the stream.
 *
 * @param budget        total bytes kept for small files
 * @param smallFile     a regular file up to this size is kept whole while the budget lasts
 * @param appspecPrefix for entries whose name contains "appspec" (any case), this many leading bytes
 *                      are kept even after the budget is spent, up to twice the budget in all
 */
record TarCapture(long budget, int smallFile, int appspecPrefix) {

    static final TarCapture DEFAULT = new TarCapture(16L << 20, 64 << 10, 1 << 20);

    /** How many leading bytes of an entry to keep, given what is already kept; 0 for none. */
    int bytesToKeep(String path, long size, long used) {
        if (path.toLowerCase(Locale.ROOT).contains("appspec")) {
            long n = Math.min(size, appspecPrefix);
            return used + n <= 2 * budget ? (int) n : 0;
        }
        return size <= smallFile && used + size <= budget ? (int) size : 0;
    }
}
