package dev.paved.policy;

/** A file is not a policy bundle this version of Paved can read: damaged, foreign or of another format version. */
public class InvalidBundleException extends PolicyException {

    public InvalidBundleException(String message) {
        super(message);
    }

    public InvalidBundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
