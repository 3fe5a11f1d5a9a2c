package org.jslurm.slurmd;

import java.util.concurrent.ThreadLocalRandom;

/** Exponential retry delays with jitter, so a thousand nodes do not retry in lockstep. */
final class Backoff {
    private Backoff() {}

    /** Delay before retry number {@code attempt} (1, 2, ...): base * 2^(attempt-1), at most max, ±20%. */
    static long delayMs(int attempt, long baseMs, long maxMs) {
        long d = baseMs << Math.min(20, Math.max(0, attempt - 1));
        d = Math.min(maxMs, d);
        double j = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Math.max(1, (long) (d * j));
    }
}
