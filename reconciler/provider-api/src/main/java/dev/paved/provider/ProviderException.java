package dev.paved.provider;

/**
 * A provider cannot be used at all: invalid settings, a call after close, a broken contract. Expected
 * failures of a call (a refused connection, a conflict) are {@link ProviderError} values instead. Messages
 * name the instance and the step, and never contain a secret.
 */
public class ProviderException extends RuntimeException {

    public ProviderException(String message) {
        super(message);
    }

    public ProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
