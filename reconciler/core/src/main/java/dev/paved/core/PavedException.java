package dev.paved.core;

/**
 * The root of Paved's exceptions: something that stops an operation outright, as opposed to a finding,
 * which is a value. Messages name the thing and the step, e.g. "list /repo: permission denied".
 */
public class PavedException extends RuntimeException {

    public PavedException(String message) {
        super(message);
    }

    public PavedException(String message, Throwable cause) {
        super(message, cause);
    }
}
