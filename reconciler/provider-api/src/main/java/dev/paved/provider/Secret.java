package dev.paved.provider;

import java.util.Objects;

/**
 * A credential or generated password. Its {@link #toString()} is always masked, so that it cannot leak into a
 * log line, an exception message or a rendering by accident; {@link #reveal()} is the one way to the value.
 */
public final class Secret {

    public static final String MASK = "(sensitive)";

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The value itself: only to hand to the system that needs it. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return MASK;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
