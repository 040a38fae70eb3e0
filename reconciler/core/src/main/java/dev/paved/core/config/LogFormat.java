package dev.paved.core.config;

import java.util.Locale;
import java.util.Optional;

/** How {@code paved serve} writes its log lines on standard error: readable text, or one JSON object a line. */
public enum LogFormat {
    TEXT, JSON;

    /** {@code text} or {@code json}, in any case; empty for anything else. */
    public static Optional<LogFormat> of(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "text" -> Optional.of(TEXT);
            case "json" -> Optional.of(JSON);
            default -> Optional.empty();
        };
    }

    /** The name as written: {@code text} or {@code json}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
