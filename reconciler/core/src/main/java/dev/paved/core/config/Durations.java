package dev.paved.core.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in flags, variables and {@code paved.yaml}: {@code 90s}, {@code 5m}, {@code 1h30m}. */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Durations() {
    }

    /**
     * {@code 90s}, {@code 5m}, {@code 1h30m}, {@code 250ms}, {@code 2d} or ISO-8601 ({@code PT1M}).
     *
     * @throws IllegalArgumentException saying what is wrong and what to write instead
     */
    public static Duration parse(String value) {
        if (value.startsWith("P") || value.startsWith("p")) {
            try {
                return Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw notADuration(value);
            }
        }
        Matcher part = PART.matcher(value);
        Duration total = Duration.ZERO;
        int at = 0;
        try {
            while (part.find() && part.start() == at) {
                long n = Long.parseLong(part.group(1));
                total = total.plus(switch (part.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                });
                at = part.end();
            }
        } catch (ArithmeticException | NumberFormatException tooLarge) {
            throw notADuration(value);
        }
        if (at == 0 || at != value.length()) {
            throw notADuration(value);
        }
        return total;
    }

    private static IllegalArgumentException notADuration(String value) {
        return new IllegalArgumentException("'" + value + "' is not a duration: use e.g. 90s, 5m, 1h30m");
    }
}
