package dev.paved.core.source;

import dev.paved.core.PavedException;

/** The platform repo cannot be read at all (missing directory, unreadable tree). */
public class SourceException extends PavedException {

    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
