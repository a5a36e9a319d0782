package dev.hooklab;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A bounded wait for tests: polls a condition until it holds, and fails naming what was awaited when it
 * does not hold within a generous limit. Tests wait with this instead of sleeping, and assert outcomes
 * instead of elapsed time, so that a busy machine makes them slower, never red.
 */
public final class Await {
    /** Long enough for a loaded two-core CI machine; a passing test returns as soon as the condition holds. */
    public static final Duration GENEROUS = Duration.ofSeconds(60);

    private Await() {
    }

    public static void until(String what, BooleanSupplier condition) throws InterruptedException {
        until(what, GENEROUS, condition);
    }

    public static void until(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + limit.toSeconds() + " s in vain for: " + what);
            }
            Thread.sleep(20);
        }
    }
}
