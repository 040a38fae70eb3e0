package dev.paved.core.scaffold;

import dev.paved.core.PavedException;

/** A declaration cannot be scaffolded: a bad name, a missing team or template, a template that is broken. */
public class ScaffoldException extends PavedException {

    public ScaffoldException(String message) {
        super(message);
    }

    public ScaffoldException(String message, Throwable cause) {
        super(message, cause);
    }
}
