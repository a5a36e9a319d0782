package dev.hooklab.bundle;

import java.util.Locale;

/**
 * Which tar bodies the listing pass keeps in memory, so that the usual reads (the AppSpec, hook
 * scripts) need no second pass over the stream.
 *
 * @param budget        total bytes kept for small files; once a small file no longer fits, no more are kept
 * @param smallFile     a regular file up to this size is kept whole while the budget lasts
 * @param appspecPrefix for entries whose name contains "appspec" (any case), this many leading bytes are
 *                      kept even after the budget is spent, up to twice the budget in all
 */
record TarCapture(long budget, int smallFile, int appspecPrefix) {

    static final TarCapture DEFAULT = new TarCapture(16L << 20, 64 << 10, 1 << 20);

    /** The running account of one listing pass. */
    Account account() {
        return new Account();
    }

    final class Account {
        private long used;
        private boolean spent;

        private Account() {
        }

        /** How many leading bytes of a regular file to keep; 0 for none. */
        int keep(String path, long size) {
            int n = 0;
            if (path.toLowerCase(Locale.ROOT).contains("appspec")) {
                long prefix = Math.min(size, appspecPrefix);
                n = used + prefix <= 2 * budget ? (int) prefix : 0;
            } else if (!spent && size <= smallFile) {
                spent = used + size > budget;
                n = spent ? 0 : (int) size;
            }
            used += n;
            return n;
        }
    }
}
