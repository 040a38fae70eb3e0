package dev.paved.daemon.http;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How the daemon's HTTP server listens and whom it trusts. {@code port} 0 takes a free port. Without an
 * {@code apiToken}, {@code POST /api/sync} and approvals answer 403; a forge without a webhook secret has no
 * endpoint (404). {@code trackedRef} is the full ref the daemon follows ({@code refs/heads/main},
 * {@code refs/tags/v1}): only pushes to it trigger a cycle. {@link #toString()} never shows a secret.
 */
public record HttpSettings(String host, int port, Optional<String> apiToken, Map<WebhookForge, String> webhookSecrets,
        String trackedRef, long maxWebhookBytes, int maxRuns, Duration stopTimeout) {

    public static final long DEFAULT_MAX_WEBHOOK_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_RUNS = 100;
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(apiToken, "apiToken");
        Objects.requireNonNull(trackedRef, "trackedRef");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
        }
        if (!trackedRef.startsWith("refs/")) {
            throw new IllegalArgumentException("tracked ref '" + trackedRef + "' is not a full ref name (refs/...)");
        }
        if (maxWebhookBytes < 1 || maxRuns < 1) {
            throw new IllegalArgumentException("maxWebhookBytes and maxRuns must be positive");
        }
        if (apiToken.isPresent() && apiToken.get().isBlank()) {
            throw new IllegalArgumentException("the API token is blank");
        }
        webhookSecrets.forEach((forge, secret) -> {
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("the " + forge.id() + " webhook secret is blank");
            }
        });
        webhookSecrets = Collections.unmodifiableMap(webhookSecrets.isEmpty()
                ? new EnumMap<>(WebhookForge.class) : new EnumMap<>(webhookSecrets));
    }

    /** Listening on {@code host:port}, following {@code trackedRef}, no token, no webhook, default limits. */
    public static HttpSettings of(String host, int port, String trackedRef) {
        return new HttpSettings(host, port, Optional.empty(), Map.of(), trackedRef, DEFAULT_MAX_WEBHOOK_BYTES,
                DEFAULT_MAX_RUNS, DEFAULT_STOP_TIMEOUT);
    }

    public HttpSettings withApiToken(String token) {
        return new HttpSettings(host, port, Optional.of(token), webhookSecrets, trackedRef, maxWebhookBytes, maxRuns,
                stopTimeout);
    }

    public HttpSettings withWebhookSecret(WebhookForge forge, String secret) {
        Map<WebhookForge, String> secrets = new EnumMap<>(WebhookForge.class);
        secrets.putAll(webhookSecrets);
        secrets.put(forge, secret);
        return new HttpSettings(host, port, apiToken, secrets, trackedRef, maxWebhookBytes, maxRuns, stopTimeout);
    }

    public HttpSettings withMaxWebhookBytes(long bytes) {
        return new HttpSettings(host, port, apiToken, webhookSecrets, trackedRef, bytes, maxRuns, stopTimeout);
    }

    public HttpSettings withStopTimeout(Duration timeout) {
        return new HttpSettings(host, port, apiToken, webhookSecrets, trackedRef, maxWebhookBytes, maxRuns, timeout);
    }

    @Override
    public String toString() {
        return "HttpSettings[host=" + host + ", port=" + port + ", apiToken=" + (apiToken.isPresent() ? "***" : "none")
                + ", webhooks=" + webhookSecrets.keySet().stream().map(WebhookForge::id)
                        .collect(Collectors.joining(",", "[", "]"))
                + ", trackedRef=" + trackedRef + ", maxWebhookBytes=" + maxWebhookBytes + ", maxRuns=" + maxRuns
                + ", stopTimeout=" + stopTimeout + "]";
    }
}
