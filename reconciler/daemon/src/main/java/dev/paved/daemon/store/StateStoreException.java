package dev.paved.daemon.store;

import dev.paved.core.PavedException;

/** The state store cannot be opened, read or written; the message names the store and the step. */
public class StateStoreException extends PavedException {

    public StateStoreException(String message) {
        super(message);
    }

    public StateStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
