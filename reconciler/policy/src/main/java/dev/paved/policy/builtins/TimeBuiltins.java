package dev.paved.policy.builtins;

import com.fasterxml.jackson.databind.node.LongNode;
import java.util.List;

/** {@code time.now_ns}, {@code time.parse_rfc3339_ns} and {@code time.parse_duration_ns}. */
final class TimeBuiltins {

    static final String NOW_NS = "time.now_ns";
    static final String PARSE_RFC3339_NS = "time.parse_rfc3339_ns";
    static final String PARSE_DURATION_NS = "time.parse_duration_ns";

    /** 1677-09-21T00:12:43.145224192Z to 2262-04-11T23:47:16.854775807Z: what fits an int64 of nanoseconds. */
    private static final long MIN_SECOND = Math.floorDiv(Long.MIN_VALUE, 1_000_000_000L);
    private static final long MAX_SECOND = Math.floorDiv(Long.MAX_VALUE, 1_000_000_000L);

    private TimeBuiltins() {}

    static List<HostBuiltin> all(EvaluationClock clock) {
        return List.of(
                new HostBuiltin(NOW_NS, 0, operands -> LongNode.valueOf(clock.nowNanos())),
                new HostBuiltin(PARSE_RFC3339_NS, 1, operands -> LongNode.valueOf(parseRfc3339(
                        Operands.string(PARSE_RFC3339_NS, operands.get(0), 1)))),
                new HostBuiltin(PARSE_DURATION_NS, 1, operands -> {
                    String text = Operands.string(PARSE_DURATION_NS, operands.get(0), 1);
                    try {
                        return LongNode.valueOf(GoDuration.parse(text));
                    } catch (IllegalArgumentException e) {
                        throw new BuiltinException(PARSE_DURATION_NS, e.getMessage());
                    }
                }));
    }

    static long parseRfc3339(String text) {
        long[] instant = GoRfc3339.parse(text).orElseThrow(() -> new BuiltinException(PARSE_RFC3339_NS,
                "parsing time " + GoQuote.quote(text, false) + " as \"2006-01-02T15:04:05Z07:00\""));
        long seconds = instant[0];
        long nanos = instant[1];
        boolean inRange = (seconds > MIN_SECOND || (seconds == MIN_SECOND
                && nanos >= Math.floorMod(Long.MIN_VALUE, 1_000_000_000L)))
                && (seconds < MAX_SECOND || (seconds == MAX_SECOND && nanos <= Long.MAX_VALUE % 1_000_000_000L));
        if (!inRange) {
            throw new BuiltinException(PARSE_RFC3339_NS, "time outside of valid range");
        }
        return seconds * 1_000_000_000L + nanos;
    }
}
