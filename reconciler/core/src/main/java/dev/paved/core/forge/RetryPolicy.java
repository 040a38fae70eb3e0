package dev.paved.core.forge;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard a forge client tries: at most {@code maxAttempts} requests, waiting {@code initialDelay}, then twice as
 * long each time up to {@code maxDelay}, unless the forge says how long to wait ({@code Retry-After}, GitHub's rate
 * limit reset). A forge that asks for a wait longer than {@code maxWait} is not waited for: the call fails at once,
 * naming the wait.
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, Duration maxWait,
                          Sleeper sleeper) {

    /** Four attempts over about seven seconds; rate limits waited for up to a minute. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(8),
            Duration.ofSeconds(60), Sleeper.REAL);

    /** Waiting, replaceable in tests. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    /** The wait before attempt {@code attempt + 1}, after {@code attempt} failed ones (1-based). */
    Duration backoff(int attempt) {
        Duration delay = initialDelay.multipliedBy(1L << Math.min(attempt - 1, 20));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
