package dev.paved.daemon.http;

import dev.paved.core.PavedException;

/**
 * A request the daemon understood and refuses, thrown by {@link DaemonControl}; the server answers with its
 * status and message, so the message must name what was refused and why, and hold no secret.
 */
public final class RefusedException extends PavedException {

    private final int status;

    private RefusedException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** 404: the thing named does not exist, e.g. an unknown environment. */
    public static RefusedException notFound(String message) {
        return new RefusedException(404, message);
    }

    /** 409: the request does not fit the current state, e.g. approving a commit that awaits no approval. */
    public static RefusedException conflict(String message) {
        return new RefusedException(409, message);
    }

    /** 400: the request is malformed. */
    public static RefusedException badRequest(String message) {
        return new RefusedException(400, message);
    }

    public int status() {
        return status;
    }
}
