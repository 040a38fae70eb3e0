package dev.paved.daemon.http;

import java.util.Locale;

/** What became of a webhook request: the {@code outcome} tag of {@code paved_webhook_requests_total}. */
public enum WebhookOutcome {
    /** A push to the tracked ref, signature good: a cycle was triggered. */
    ACCEPTED(202),
    /** Signature good, but another ref, event or a ping: nothing to do. */
    IGNORED(202),
    /** Signature or token missing or wrong. */
    BAD_SIGNATURE(401),
    /** Body larger than the limit; refused before it was read whole. */
    TOO_LARGE(413),
    /** Signature good, but the event header or the JSON payload is missing or malformed. */
    BAD_REQUEST(400);

    private final int status;

    WebhookOutcome(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
