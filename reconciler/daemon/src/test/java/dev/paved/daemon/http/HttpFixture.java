package dev.paved.daemon.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A started {@link DaemonHttp} on 127.0.0.1 and a client for it. */
final class HttpFixture implements AutoCloseable {

    static final String TOKEN = "test-api-token-7d1f";
    static final String REF = "refs/heads/main";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final InMemoryControl control = new InMemoryControl();
    final DaemonMetrics metrics = new DaemonMetrics();
    final DaemonHttp server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HttpFixture(HttpSettings settings) {
        server = new DaemonHttp(settings, control, metrics).start();
    }

    static HttpSettings settings() {
        return HttpSettings.of("127.0.0.1", 0, REF).withApiToken(TOKEN)
                .withWebhookSecret(WebhookForge.GITHUB, "github-secret")
                .withWebhookSecret(WebhookForge.GITLAB, "gitlab-secret")
                .withWebhookSecret(WebhookForge.GITEA, "gitea-secret");
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    HttpResponse<String> post(String path, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path).POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        server.close();
    }
}
