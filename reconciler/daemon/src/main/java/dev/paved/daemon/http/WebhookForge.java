package dev.paved.daemon.http;

import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The forges whose push webhooks Paved takes, each with how it proves a delivery came from it and how it
 * names its events. The endpoint is {@code /webhooks/<id>}.
 */
public enum WebhookForge {
    /** {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>}; events in {@code X-GitHub-Event}. */
    GITHUB("github", "X-GitHub-Event", Set.of("push"), "ping") {
        @Override
        boolean authentic(String secret, byte[] body, UnaryOperator<String> headers) {
            String signature = headers.apply("X-Hub-Signature-256");
            return signature != null && signature.startsWith("sha256=")
                    && Secrets.hmacMatches(secret, body, signature.substring("sha256=".length()));
        }
    },
    /** {@code X-Gitlab-Token: <the secret token>}; events in {@code X-Gitlab-Event}. */
    GITLAB("gitlab", "X-Gitlab-Event", Set.of("Push Hook", "Tag Push Hook"), null) {
        @Override
        boolean authentic(String secret, byte[] body, UnaryOperator<String> headers) {
            return Secrets.tokenMatches(secret, headers.apply("X-Gitlab-Token"));
        }
    },
    /** {@code X-Gitea-Signature: <hex HMAC-SHA256 of the body>}; events in {@code X-Gitea-Event}. */
    GITEA("gitea", "X-Gitea-Event", Set.of("push"), null) {
        @Override
        boolean authentic(String secret, byte[] body, UnaryOperator<String> headers) {
            return Secrets.hmacMatches(secret, body, headers.apply("X-Gitea-Signature"));
        }
    };

    private final String id;
    private final String eventHeader;
    private final Set<String> pushEvents;
    private final String pingEvent;

    WebhookForge(String id, String eventHeader, Set<String> pushEvents, String pingEvent) {
        this.id = id;
        this.eventHeader = eventHeader;
        this.pushEvents = pushEvents;
        this.pingEvent = pingEvent;
    }

    public String id() {
        return id;
    }

    String eventHeader() {
        return eventHeader;
    }

    boolean isPush(String event) {
        return pushEvents.contains(event);
    }

    boolean isPing(String event) {
        return pingEvent != null && pingEvent.equals(event);
    }

    /** Whether the delivery's signature or token, read through {@code headers}, proves it knows {@code secret}. */
    abstract boolean authentic(String secret, byte[] body, UnaryOperator<String> headers);
}
