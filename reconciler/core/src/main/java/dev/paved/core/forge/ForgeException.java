package dev.paved.core.forge;

import dev.paved.core.PavedException;

/**
 * A forge refused a request or could not be reached. The message names the forge, the request and the forge's
 * own message, e.g. {@code github: POST /repos/acme/platform/pulls: 422 Validation Failed: A pull request already
 * exists for acme:paved/new-service-x}; it never holds the token.
 */
public class ForgeException extends PavedException {

    private final int status;
    private final String forgeMessage;

    /**
     * @param status       the HTTP status, or 0 when no response arrived
     * @param forgeMessage what the forge said (empty when nothing)
     */
    public ForgeException(String message, int status, String forgeMessage) {
        super(message);
        this.status = status;
        this.forgeMessage = forgeMessage;
    }

    public ForgeException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.forgeMessage = "";
    }

    /** The HTTP status of the refusal, or 0 when the forge could not be reached or gave no answer. */
    public int status() {
        return status;
    }

    /** The forge's own explanation, e.g. GitHub's {@code message} field; empty when it gave none. */
    public String forgeMessage() {
        return forgeMessage;
    }
}
