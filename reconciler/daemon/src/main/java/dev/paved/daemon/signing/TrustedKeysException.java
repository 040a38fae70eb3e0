package dev.paved.daemon.signing;

import dev.paved.core.PavedException;

/** The trusted keys cannot be read: the message names the file (and line) and what is wrong with it. */
public final class TrustedKeysException extends PavedException {

    public TrustedKeysException(String message) {
        super(message);
    }

    public TrustedKeysException(String message, Throwable cause) {
        super(message, cause);
    }
}
