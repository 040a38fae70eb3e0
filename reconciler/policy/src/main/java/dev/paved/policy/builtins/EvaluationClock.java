package dev.paved.policy.builtins;

import java.time.Clock;
import java.time.Instant;

/**
  * The clock behind {@code time.now_ns}. OPA reads the time once per query, so every {@code time.now_ns()} of
  * one evaluation returns the same value; the adapter calls {@link #startEvaluation()} before each evaluation
  * and the first call within it reads the clock. Like the SDK's policy instances, not thread-safe: one per
  * instance.
  */
public final class EvaluationClock {

    private final Clock clock;
    private Long pinned;

    public EvaluationClock(Clock clock) {
        this.clock = clock;
    }

    public static EvaluationClock system() {
        return new EvaluationClock(Clock.systemUTC());
    }

    /** Forgets the time of the previous evaluation. */
    public void startEvaluation() {
        pinned = null;
    }

    /** Nanoseconds since the epoch, the same for the rest of the evaluation. */
    public long nowNanos() {
        if (pinned == null) {
            Instant now = clock.instant();
            pinned = Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
        }
        return pinned;
    }
}
