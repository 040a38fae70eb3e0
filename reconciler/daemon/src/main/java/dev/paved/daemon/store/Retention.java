package dev.paved.daemon.store;

import java.time.Duration;
import java.util.Objects;

/** How long run history is kept: runs older than {@code maxAge} go, but the newest {@code keepAtLeast} stay. */
public record Retention(Duration maxAge, int keepAtLeast) {

    /** 30 days, and never fewer than the newest 100 runs. */
    public static final Retention DEFAULT = new Retention(Duration.ofDays(30), 100);

    public Retention {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative() || keepAtLeast < 0) {
            throw new IllegalArgumentException("retention needs a non-negative age and count, not " + maxAge
                    + " and " + keepAtLeast);
        }
    }
}
