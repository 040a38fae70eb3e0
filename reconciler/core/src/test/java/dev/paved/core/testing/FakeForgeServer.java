package dev.paved.core.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A forge API on 127.0.0.1 for tests: a real HTTP server that keeps state, answers as the documented API does,
 * and records every request that does not follow the documentation as a violation (tests assert there are none).
 * Subclasses route requests; this class parses them, checks the JSON, injects failures and records traffic.
 */
public abstract class FakeForgeServer implements AutoCloseable {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request as the server saw it. */
    public record Request(String method, String rawPath, Map<String, String> query, Map<String, String> headers,
                          String rawBody, JsonNode body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** An answer: status, JSON body (null for none) and headers. */
    public record Reply(int status, JsonNode body, Map<String, String> headers) {

        public static Reply json(int status, JsonNode body) {
            return new Reply(status, body, Map.of());
        }
    }

    /** A failure to give instead of (or after) handling the next matching request. */
    private record Injected(String method, Reply reply, boolean afterHandling) {
    }

    private final HttpServer server;
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Injected> injected = new ArrayDeque<>();
    private boolean closed;

    protected FakeForgeServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** http://127.0.0.1:PORT */
    public URI root() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Requests that broke the documented API, in words; empty when the client behaved. */
    public List<String> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The next request with this method gets {@code reply} instead of being handled. */
    public synchronized void failNext(String method, int status, Map<String, String> headers, JsonNode body) {
        injected.add(new Injected(method, new Reply(status, body, headers), false));
    }

    /** The next request with this method is handled (its effect kept), but answered with {@code status}. */
    public synchronized void failAfterHandlingNext(String method, int status) {
        injected.add(new Injected(method, new Reply(status, message("upstream timed out"), Map.of()), true));
    }

    protected abstract Reply route(Request request);

    protected void violation(Request request, String what) {
        violations.add(request.method() + " " + request.rawPath() + ": " + what);
    }

    /** A JSON error body as both forges write them: {@code {"message": TEXT}}. */
    public static ObjectNode message(String text) {
        return JSON.createObjectNode().put("message", text);
    }

    /** An empty JSON array, e.g. an empty page. */
    public static ArrayNode emptyArray() {
        return JSON.createArrayNode();
    }

    /** Checks that the JSON body is an object with the required keys and no key outside {@code allowed}. */
    protected boolean checkBody(Request request, Set<String> required, Set<String> allowed) {
        if (!"application/json".equals(request.header("content-type"))) {
            violation(request, "Content-Type is " + request.header("content-type") + ", not application/json");
        }
        if (request.body() == null || !request.body().isObject()) {
            violation(request, "body is not a JSON object: " + request.rawBody());
            return false;
        }
        boolean ok = true;
        for (String key : required) {
            if (!request.body().has(key)) {
                violation(request, "body lacks '" + key + "'");
                ok = false;
            }
        }
        for (String key : request.body().propertyNames()) {
            if (!allowed.contains(key)) {
                violation(request, "body has undocumented '" + key + "'");
                ok = false;
            }
        }
        return ok;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String rawBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                    values.get(0)));
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    query(exchange.getRequestURI().getRawQuery()), headers, rawBody, parse(rawBody));
            requests.add(request);
            Injected failure = takeInjected(request.method());
            Reply reply;
            if (failure != null && !failure.afterHandling()) {
                reply = failure.reply();
            } else {
                reply = route(request);
                if (failure != null) {
                    reply = failure.reply();
                }
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = reply.body() == null ? new byte[0]
                    : JSON.writeValueAsString(reply.body()).getBytes(StandardCharsets.UTF_8);
            if (bytes.length > 0) {
                exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            }
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (RuntimeException e) {
            violations.add("the fake server failed: " + e);
            throw e;
        }
    }

    private synchronized Injected takeInjected(String method) {
        for (Injected candidate : injected) {
            if (candidate.method().equals(method)) {
                injected.remove(candidate);
                return candidate;
            }
        }
        return null;
    }

    private static JsonNode parse(String body) {
        if (body.isEmpty()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                query.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value,
                        StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    /** One page of {@code items}, 1-based, as both forges count. */
    protected static <T> List<T> page(List<T> items, int page, int perPage) {
        int from = Math.min(items.size(), (page - 1) * perPage);
        return items.subList(from, Math.min(items.size(), from + perPage));
    }

    protected static int intParam(Map<String, String> query, String name, int fallback) {
        String value = query.get(name);
        return value == null || !value.matches("[0-9]{1,6}") ? fallback : Integer.parseInt(value);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.stop(0);
        }
    }
}
