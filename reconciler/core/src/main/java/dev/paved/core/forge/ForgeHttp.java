package dev.paved.core.forge;

import dev.paved.core.report.Masking;
import dev.paved.provider.Secret;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * JSON over HTTPS to one forge API: authentication headers on every request, retries of what the forge asks to be
 * retried, pagination, and errors as {@link ForgeException} with the forge's message and never the token. Shared
 * by the GitHub and GitLab clients.
 */
final class ForgeHttp {

    /** Longest status description sent: GitHub refuses longer ones. */
    static final int MAX_DESCRIPTION = 140;
    /** Most pages read of one list: 100 pages of 100 comments is more than any pull request has. */
    static final int MAX_PAGES = 100;

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(ForgeHttp.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** A successful response: its status, its JSON body (missing when empty) and its headers. */
    record Response(int status, JsonNode body, HttpHeaders headers) {
    }

    private final ForgeKind kind;
    private final URI base;
    private final Map<String, String> headers;
    private final Secret token;
    private final HttpClient client;
    private final RetryPolicy retry;
    private final Clock clock;

    /**
     * @param base    the API root, e.g. {@code https://api.github.com} or {@code https://gitlab.example.com/api/v4}
     * @param headers sent with every request, the authentication header among them
     * @param token   the token inside those headers, scrubbed from every message
     */
    ForgeHttp(ForgeKind kind, URI base, Map<String, String> headers, Secret token, RetryPolicy retry, Clock clock) {
        this.kind = kind;
        String root = base.toString();
        this.base = URI.create(root.endsWith("/") ? root.substring(0, root.length() - 1) : root);
        this.headers = new LinkedHashMap<>(headers);
        this.token = token;
        this.retry = retry;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    ForgeKind kind() {
        return kind;
    }

    Response get(String path) {
        return send("GET", path, null, true);
    }

    /** Every element of a paginated JSON array, following {@code Link: rel="next"} (or GitLab's X-Next-Page). */
    List<JsonNode> getAll(String path) {
        List<JsonNode> all = new ArrayList<>();
        URI page = resolve(path);
        for (int pages = 0; page != null; pages++) {
            if (pages == MAX_PAGES) {
                throw new ForgeException(kind + ": GET " + path + ": more than " + MAX_PAGES
                        + " pages; refusing to read on", 0, "");
            }
            Response response = exchange("GET", page, null, true);
            if (!response.body().isArray()) {
                throw new ForgeException(kind + ": GET " + display(page) + ": expected a JSON array", response.status(),
                        "");
            }
            response.body().forEach(all::add);
            page = nextPage(page, response.headers()).orElse(null);
        }
        return all;
    }

    /**
     * @param idempotent whether the request may be sent again after a failure the forge may have acted on (a 5xx,
     *                   a lost connection); a create is not, and is only retried when the forge surely did nothing
     *                   (429, a rate limit, a connection never made)
     */
    Response send(String method, String path, JsonNode body, boolean idempotent) {
        return exchange(method, resolve(path), body, idempotent);
    }

    private Response exchange(String method, URI uri, JsonNode body, boolean idempotent) {
        HttpRequest request = request(method, uri, body);
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                boolean neverSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
                if (attempt < retry.maxAttempts() && (idempotent || neverSent)) {
                    pause(method, uri, attempt, retry.backoff(attempt), "no answer: " + e);
                    continue;
                }
                throw new ForgeException(kind + ": " + method + " " + display(uri) + ": cannot reach " + base
                        + ": " + scrub(String.valueOf(e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage())), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ForgeException(kind + ": " + method + " " + display(uri) + ": interrupted", e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Response(status, parse(response.body()), response.headers());
            }
            Optional<Duration> asked = RetryAfter.of(response.headers(), clock);
            boolean rateLimited = status == 429 || status == 403 && (asked.isPresent()
                    || "0".equals(response.headers().firstValue("x-ratelimit-remaining").orElse(null)));
            boolean retryable = rateLimited || status >= 500 && idempotent;
            String message = ForgeMessages.of(parse(response.body()), response.body(), token);
            if (retryable && attempt < retry.maxAttempts()) {
                Duration wait = asked.orElse(retry.backoff(attempt));
                if (wait.compareTo(retry.maxWait()) > 0) {
                    throw new ForgeException(kind + ": " + method + " " + display(uri) + ": " + status
                            + (message.isEmpty() ? "" : " " + message) + "; the forge asks to wait "
                            + wait.toSeconds() + " s, longer than Paved waits (" + retry.maxWait().toSeconds()
                            + " s): try again later", status, message);
                }
                pause(method, uri, attempt, wait, String.valueOf(status));
                continue;
            }
            throw new ForgeException(kind + ": " + method + " " + display(uri) + ": " + status
                    + (message.isEmpty() ? "" : " " + message), status, message);
        }
    }

    private void pause(String method, URI uri, int attempt, Duration wait, String why) {
        log.debug("{} {} {}: {}; attempt {} of {} in {} ms", kind, method, display(uri), why, attempt + 1,
                retry.maxAttempts(), wait.toMillis());
        try {
            retry.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ForgeException(kind + ": " + method + " " + display(uri) + ": interrupted", e);
        }
    }

    private HttpRequest request(String method, URI uri, JsonNode body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT);
        headers.forEach(builder::header);
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json");
            builder.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body),
                    StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    private URI resolve(String path) {
        return URI.create(base + path);
    }

    /**
     * The next page: a Link header's target only when it stays on the API's own scheme, host and port, so that the
     * token is never sent anywhere else.
     */
    private Optional<URI> nextPage(URI current, HttpHeaders responseHeaders) {
        Optional<String> link = LinkHeader.next(responseHeaders.firstValue("link").orElse(null));
        if (link.isPresent()) {
            URI next = current.resolve(link.get());
            if (!sameOrigin(next, base)) {
                throw new ForgeException(kind + ": GET " + display(current) + ": the next page is on another host ("
                        + next.getHost() + "); not following it with the token", 0, "");
            }
            return Optional.of(next);
        }
        String nextPage = responseHeaders.firstValue("x-next-page").orElse("").strip();
        if (nextPage.matches("[0-9]{1,9}")) {
            String query = current.getRawQuery() == null ? "" : current.getRawQuery().replaceAll("(^|&)page=[^&]*", "");
            query = (query.startsWith("&") ? query.substring(1) : query);
            String uri = current.toString();
            int at = uri.indexOf('?');
            return Optional.of(URI.create((at < 0 ? uri : uri.substring(0, at)) + "?"
                    + (query.isEmpty() ? "" : query + "&") + "page=" + nextPage));
        }
        return Optional.empty();
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort();
    }

    /** The request as shown in messages: the path and query below the API root. */
    private String display(URI uri) {
        String text = uri.toString();
        return text.startsWith(base.toString()) ? text.substring(base.toString().length()) : uri.getRawPath();
    }

    private String scrub(String text) {
        return Masking.scrub(text, token);
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return MissingNode.getInstance();
        }
    }
}
