package dev.paved.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** {@code 90s}, {@code 5m}, {@code 1h30m}, {@code 250ms} or ISO-8601 ({@code PT1M}) as a {@link Duration}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    @Override
    public Duration convert(String value) {
        if (value.startsWith("P") || value.startsWith("p")) {
            return Duration.parse(value);
        }
        Matcher part = PART.matcher(value);
        Duration total = Duration.ZERO;
        int at = 0;
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
        if (at == 0 || at != value.length()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration: use e.g. 90s, 5m, 1h30m");
        }
        return total;
    }
}
