package dev.hooklab.run.output;

import java.util.concurrent.atomic.AtomicLong;

/** The bytes one script's outputs may still keep, shared by its stdout and stderr readers. */
final class OutputBudget {
    private final long limit;
    private final AtomicLong left;

    OutputBudget(long limit) {
        this.limit = limit;
        this.left = new AtomicLong(limit);
    }

    long limit() {
        return limit;
    }

    /** Takes up to {@code wanted} bytes; returns how many may be kept. */
    int take(int wanted) {
        while (true) {
            long now = left.get();
            int granted = (int) Math.min(wanted, now);
            if (granted == 0 || left.compareAndSet(now, now - granted)) {
                return granted;
            }
        }
    }
}
