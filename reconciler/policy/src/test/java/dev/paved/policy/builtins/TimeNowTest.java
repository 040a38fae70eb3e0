package dev.paved.policy.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** {@code time.now_ns} reads the clock once per evaluation, as OPA reads it once per query. */
class TimeNowTest {

    /** A clock that moves on by a second each time it is read. */
    private static final class TickingClock extends Clock {
        private Instant now = Instant.parse("2024-01-15T10:30:00.123456789Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            var current = now;
            now = now.plus(Duration.ofSeconds(1));
            return current;
        }
    }

    @Test
    void isNanosecondsSinceTheEpochAndStableWithinAnEvaluation() {
        var builtins = HostBuiltins.create(new EvaluationClock(new TickingClock()));
        var nowNs = builtins.get("time.now_ns").orElseThrow();

        builtins.startEvaluation();
        long first = nowNs.call().longValue();
        long again = nowNs.call().longValue();
        builtins.startEvaluation();
        long next = nowNs.call().longValue();

        assertThat(first).isEqualTo(1_705_314_600_123_456_789L).isEqualTo(again);
        assertThat(next).isEqualTo(first + 1_000_000_000L);
    }

    @Test
    void systemClockIsCloseToNow() {
        long before = System.currentTimeMillis();
        long now = HostBuiltins.create().get("time.now_ns").orElseThrow().call().longValue();
        assertThat(now / 1_000_000).isBetween(before, System.currentTimeMillis());
    }
}
