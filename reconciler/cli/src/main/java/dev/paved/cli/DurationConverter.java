package dev.paved.cli;

import dev.paved.core.config.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** {@code 90s}, {@code 5m}, {@code 1h30m}, {@code 250ms} or ISO-8601 ({@code PT1M}) as a {@link Duration}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
