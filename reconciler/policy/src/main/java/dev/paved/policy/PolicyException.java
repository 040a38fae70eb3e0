package dev.paved.policy;

/**
 * A policy cannot be built or run at all: no {@code opa}, a policy that does not compile, a builtin Paved does not
 * provide. What a policy finds in a document is a result, never this exception.
 */
public class PolicyException extends RuntimeException {

    public PolicyException(String message) {
        super(message);
    }

    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
