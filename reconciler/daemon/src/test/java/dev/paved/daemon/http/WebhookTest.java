package dev.paved.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WebhookTest {

    private static final String AFTER = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432";

    private final HttpFixture http = new HttpFixture(HttpFixture.settings());

    @AfterEach
    void stop() {
        http.close();
    }

    @ParameterizedTest
    @EnumSource(WebhookForge.class)
    void aSignedPushToTheTrackedRefTriggersACycle(WebhookForge forge) throws Exception {
        HttpResponse<String> response = deliver(forge, push("refs/heads/main", AFTER), pushEvent(forge), secret(forge));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(HttpFixture.json(response).path("outcome").asString()).isEqualTo("accepted");
        assertThat(http.control.triggers).containsExactly("webhook " + forge.id() + " " + AFTER);
        assertThat(count(forge, "accepted")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(WebhookForge.class)
    void aWrongOrMissingSignatureIsRefusedAndCounted(WebhookForge forge) throws Exception {
        String body = push("refs/heads/main", AFTER);

        HttpResponse<String> wrong = deliver(forge, body, pushEvent(forge), "not-the-secret");
        HttpResponse<String> missing = http.post("/webhooks/" + forge.id(), body, eventHeader(forge), pushEvent(forge),
                "Content-Type", "application/json");

        assertThat(List.of(wrong.statusCode(), missing.statusCode())).containsOnly(401);
        assertThat(HttpFixture.json(wrong).path("outcome").asString()).isEqualTo("bad_signature");
        assertThat(wrong.body() + missing.body()).doesNotContain(secret(forge));
        assertThat(http.control.triggers).isEmpty();
        assertThat(count(forge, "bad_signature")).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(value = WebhookForge.class, names = {"GITHUB", "GITEA"})
    void aBodyChangedAfterSigningIsRefused(WebhookForge forge) throws Exception {
        String signed = push("refs/heads/main", AFTER);
        String changed = push("refs/heads/main", "f".repeat(40));

        HttpResponse<String> response = send(forge, changed, headers(forge, signed, pushEvent(forge), secret(forge)));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(http.control.triggers).isEmpty();
        assertThat(count(forge, "bad_signature")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(WebhookForge.class)
    void pushesToOtherRefsAndDeletionsAreIgnored(WebhookForge forge) throws Exception {
        HttpResponse<String> other = deliver(forge, push("refs/heads/feature", AFTER), pushEvent(forge), secret(forge));
        HttpResponse<String> tag = deliver(forge, push("refs/tags/v1", AFTER), pushEvent(forge), secret(forge));
        HttpResponse<String> deleted = deliver(forge, push("refs/heads/main", "0".repeat(40)), pushEvent(forge),
                secret(forge));

        assertThat(List.of(other.statusCode(), tag.statusCode(), deleted.statusCode())).containsOnly(202);
        assertThat(HttpFixture.json(other).path("message").asString())
                .isEqualTo("push to refs/heads/feature ignored; following refs/heads/main");
        assertThat(http.control.triggers).isEmpty();
        assertThat(count(forge, "ignored")).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(WebhookForge.class)
    void otherEventsAreIgnoredAndMalformedOnesRefused(WebhookForge forge) throws Exception {
        HttpResponse<String> issue = deliver(forge, "{\"action\": \"opened\"}", "Issue Hook", secret(forge));
        HttpResponse<String> noEvent = send(forge, "{}", withoutEvent(headers(forge, "{}", "push", secret(forge))));
        HttpResponse<String> notJson = deliver(forge, "payload=%7B%7D", pushEvent(forge), secret(forge));
        HttpResponse<String> noRef = deliver(forge, "{\"after\": \"" + AFTER + "\"}", pushEvent(forge), secret(forge));

        assertThat(issue.statusCode()).isEqualTo(202);
        assertThat(HttpFixture.json(issue).path("outcome").asString()).isEqualTo("ignored");
        assertThat(List.of(noEvent.statusCode(), notJson.statusCode(), noRef.statusCode())).containsOnly(400);
        assertThat(HttpFixture.json(notJson).path("message").asString()).contains("application/json");
        assertThat(http.control.triggers).isEmpty();
        assertThat(count(forge, "ignored")).isEqualTo(1);
        assertThat(count(forge, "bad_request")).isEqualTo(3);
    }

    @Test
    void aDaemonFollowingATagTakesPushesOfThatTag() throws Exception {
        try (HttpFixture tagged = new HttpFixture(HttpSettings.of("127.0.0.1", 0, "refs/tags/v1")
                .withWebhookSecret(WebhookForge.GITLAB, "gitlab-secret"))) {
            HttpResponse<String> response = tagged.post("/webhooks/gitlab", push("refs/tags/v1", AFTER),
                    "X-Gitlab-Event", "Tag Push Hook", "X-Gitlab-Token", "gitlab-secret");

            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(tagged.control.triggers).containsExactly("webhook gitlab " + AFTER);
        }
    }

    @Test
    void gitHubPingIsAnswered() throws Exception {
        HttpResponse<String> response = deliver(WebhookForge.GITHUB, "{\"zen\": \"Keep it logically awesome.\"}",
                "ping", "github-secret");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(HttpFixture.json(response).path("message").asString()).isEqualTo("pong");
        assertThat(http.control.triggers).isEmpty();
    }

    @Test
    void aPayloadOverTheLimitIsRefusedAndCounted() throws Exception {
        try (HttpFixture small = new HttpFixture(HttpFixture.settings().withMaxWebhookBytes(1024))) {
            String body = push("refs/heads/main", AFTER) + " ".repeat(2000);
            HttpResponse<String> response = small.post("/webhooks/gitea", body, "X-Gitea-Event", "push",
                    "X-Gitea-Signature", hmac("gitea-secret", body));

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(HttpFixture.json(response).path("outcome").asString()).isEqualTo("too_large");
            assertThat(small.control.triggers).isEmpty();
            assertThat(small.metrics.scrape())
                    .contains("paved_webhook_requests_total{forge=\"gitea\",outcome=\"too_large\"} 1");
        }
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", http.server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /webhooks/github HTTP/1.1\r\nHost: 127.0.0.1\r\nX-GitHub-Event: push\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readHead(socket.getInputStream());

            assertThat(answer).startsWith("HTTP/1.1 413");
        }
        assertThat(count(WebhookForge.GITHUB, "too_large")).isEqualTo(1);
    }

    private HttpResponse<String> deliver(WebhookForge forge, String body, String event, String secret)
            throws Exception {
        return send(forge, body, headers(forge, body, event, secret));
    }

    private HttpResponse<String> send(WebhookForge forge, String body, List<String> headers) throws Exception {
        return http.post("/webhooks/" + forge.id(), body, headers.toArray(String[]::new));
    }

    /** The headers each forge sends, signed as its documentation says. */
    private static List<String> headers(WebhookForge forge, String body, String event, String secret) {
        List<String> headers = new ArrayList<>(List.of("Content-Type", "application/json", eventHeader(forge), event));
        switch (forge) {
            case GITHUB -> headers.addAll(List.of("X-Hub-Signature-256", "sha256=" + hmac(secret, body)));
            case GITLAB -> headers.addAll(List.of("X-Gitlab-Token", secret));
            case GITEA -> headers.addAll(List.of("X-Gitea-Signature", hmac(secret, body)));
        }
        return headers;
    }

    private static List<String> withoutEvent(List<String> headers) {
        List<String> kept = new ArrayList<>(headers);
        int at = kept.indexOf("push");
        kept.remove(at);
        kept.remove(at - 1);
        return kept;
    }

    private static String eventHeader(WebhookForge forge) {
        return switch (forge) {
            case GITHUB -> "X-GitHub-Event";
            case GITLAB -> "X-Gitlab-Event";
            case GITEA -> "X-Gitea-Event";
        };
    }

    private static String pushEvent(WebhookForge forge) {
        return forge == WebhookForge.GITLAB ? "Push Hook" : "push";
    }

    private static String secret(WebhookForge forge) {
        return forge.id() + "-secret";
    }

    private static String push(String ref, String after) {
        return "{\"ref\": \"" + ref + "\", \"before\": \"" + "1".repeat(40) + "\", \"after\": \"" + after
                + "\", \"repository\": {\"full_name\": \"acme/platform\"}}";
    }

    static String hmac(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private double count(WebhookForge forge, String outcome) {
        return http.metrics.registry().get("paved.webhook.requests").tag("forge", forge.id()).tag("outcome", outcome)
                .counter().count();
    }

    private static String readHead(InputStream in) throws Exception {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && head.size() < 4096) {
            head.write(b);
            if (head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
