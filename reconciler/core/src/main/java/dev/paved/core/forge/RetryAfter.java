package dev.paved.core.forge;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How long a forge asks a client to wait: {@code Retry-After} in seconds or as an HTTP date (RFC 9110), else
 * GitHub's primary rate limit ({@code x-ratelimit-remaining: 0} until {@code x-ratelimit-reset}, epoch seconds).
 */
final class RetryAfter {

    private RetryAfter() {
    }

    static Optional<Duration> of(HttpHeaders headers, Clock clock) {
        Optional<String> retryAfter = headers.firstValue("retry-after").map(String::strip);
        if (retryAfter.isPresent()) {
            String value = retryAfter.get();
            if (value.matches("[0-9]{1,9}")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            }
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(until(at, clock));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        String remaining = headers.firstValue("x-ratelimit-remaining").orElse("");
        String reset = headers.firstValue("x-ratelimit-reset").orElse("");
        if (remaining.equals("0") && reset.matches("[0-9]{1,12}")) {
            return Optional.of(until(Instant.ofEpochSecond(Long.parseLong(reset)), clock));
        }
        return Optional.empty();
    }

    private static Duration until(Instant at, Clock clock) {
        Duration wait = Duration.between(clock.instant(), at);
        return wait.isNegative() ? Duration.ZERO : wait;
    }
}
