package dev.paved.provider;

import java.util.Objects;

/**
 * An expected failure of a provider call, as a value: "observe pg-prod: connection refused". Retryable errors
 * (timeouts, lost connections, conflicts) are retried with backoff; the others fail the step at once.
 */
public record ProviderError(String message, boolean retryable) {

    public ProviderError {
        Objects.requireNonNull(message, "message");
    }

    public static ProviderError retryable(String message) {
        return new ProviderError(message, true);
    }

    public static ProviderError permanent(String message) {
        return new ProviderError(message, false);
    }
}
