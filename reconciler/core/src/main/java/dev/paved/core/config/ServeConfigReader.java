package dev.paved.core.config;

import dev.paved.core.PavedException;
import dev.paved.core.parse.PositionMap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code serve:} section of {@code paved.yaml}. Every problem (an unknown key, a secret, a value of the
 * wrong kind) stops the load with a message naming the file, the line and the key, e.g.
 * {@code paved.yaml:7: serve.port: 'http' is not a port number (0 to 65535)}.
 */
final class ServeConfigReader {

    private static final Set<String> KEYS = Set.of("repo", "branch", "tag", "path", "host", "port", "interval",
            "jitter", "resync", "manual", "reportDrift", "trustedKeys", "logFormat", "ssh");
    private static final Set<String> SSH_KEYS = Set.of("key", "knownHosts");
    /** Keys someone might put a secret under, and where that secret comes from instead. */
    private static final Map<String, String> SECRETS = Map.of("token", "PAVED_GIT_TOKEN",
            "apiToken", "PAVED_API_TOKEN", "webhookSecret", "PAVED_WEBHOOK_SECRET_GITHUB, _GITLAB or _GITEA",
            "passphrase", "PAVED_GIT_SSH_PASSPHRASE", "password", "PAVED_STORE_PASSWORD");

    private final Path file;
    private final Path base;
    private final Supplier<PositionMap> positions;

    /**
     * @param file      the file, as named in messages
     * @param positions where each node is in the file; asked for only when there is a problem to report
     */
    ServeConfigReader(Path file, Supplier<PositionMap> positions) {
        this.file = file;
        this.base = file.toAbsolutePath().getParent();
        this.positions = positions;
    }

    ServeConfig read(JsonNode serve) {
        if (serve.isMissingNode() || serve.isNull()) {
            return ServeConfig.NONE;
        }
        if (!serve.isObject()) {
            throw problem("/serve", "must be a mapping of settings (repo, branch, port, …)");
        }
        checkKeys(serve, "/serve", KEYS);
        JsonNode ssh = serve.path("ssh");
        if (!ssh.isMissingNode() && !ssh.isNull()) {
            if (!ssh.isObject()) {
                throw problem("/serve/ssh", "must be a mapping (key, knownHosts)");
            }
            checkKeys(ssh, "/serve/ssh", SSH_KEYS);
        }
        Optional<String> branch = text(serve, "/serve/branch");
        Optional<String> tag = text(serve, "/serve/tag");
        if (branch.isPresent() && tag.isPresent()) {
            throw problem("/serve/tag", "follow a branch or a tag, not both");
        }
        return new ServeConfig(text(serve, "/serve/repo").map(r -> ServeConfig.isUrl(r) ? r : base.resolve(r)
                .normalize().toString()), branch, tag, text(serve, "/serve/path"), text(serve, "/serve/host"), port(serve),
                duration(serve, "interval", true), duration(serve, "jitter", false), duration(serve, "resync", true),
                environments(serve, "manual"), environments(serve, "reportDrift"),
                text(serve, "/serve/trustedKeys").map(base::resolve),
                value(serve, "/serve/logFormat", text -> LogFormat.of(text).orElse(null), "must be text or json"),
                text(ssh, "/serve/ssh/key").map(base::resolve), text(ssh, "/serve/ssh/knownHosts").map(base::resolve));
    }

    private void checkKeys(JsonNode mapping, String pointer, Set<String> known) {
        for (String key : mapping.propertyNames()) {
            String where = pointer + "/" + key;
            if (SECRETS.containsKey(key)) {
                throw problem(where, "secrets are never read from " + file.getFileName() + ": set "
                        + SECRETS.get(key) + " in the environment");
            }
            if (!known.contains(key)) {
                throw problem(where, "unknown setting (known: " + String.join(", ", new TreeSet<>(known))
                        + ")");
            }
        }
    }

    /** The value at {@code pointer} (a key of {@code parent}) as text; empty when it is not there. */
    private Optional<String> text(JsonNode parent, String pointer) {
        return text(pointer, parent.path(pointer.substring(pointer.lastIndexOf('/') + 1)));
    }

    private Optional<String> text(String pointer, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isString() && !node.isNumber()) {
            throw problem(pointer, "must be a single value, not " + (node.isArray() ? "a list"
                    : node.isObject() ? "a mapping" : "true or false"));
        }
        String text = node.asString().strip();
        if (text.isEmpty()) {
            throw problem(pointer, "is empty");
        }
        return Optional.of(text);
    }

    private Optional<Integer> port(JsonNode serve) {
        return value(serve, "/serve/port", text -> {
            int port = text.matches("\\d{1,5}") ? Integer.parseInt(text) : -1;
            return port <= 65535 && port >= 0 ? port : null;
        }, "is not a port number (0 to 65535)");
    }

    private Optional<Duration> duration(JsonNode serve, String key, boolean positive) {
        String pointer = "/serve/" + key;
        Optional<String> text = text(serve, pointer);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Duration duration;
        try {
            duration = Durations.parse(text.get());
        } catch (IllegalArgumentException e) {
            throw problem(pointer, e.getMessage());
        }
        if (duration.isNegative() || positive && duration.isZero()) {
            throw problem(pointer, "must be " + (positive ? "longer than 0" : "0 or more") + ", not " + text.get());
        }
        return Optional.of(duration);
    }

    /** A list of environment names, or one string of them, comma-separated. */
    private Optional<List<String>> environments(JsonNode serve, String key) {
        JsonNode node = serve.path(key);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        List<JsonNode> items = node.isArray() ? node.valueStream().toList() : List.of(node);
        for (int i = 0; i < items.size(); i++) {
            String pointer = "/serve/" + key + (node.isArray() ? "/" + i : "");
            JsonNode item = items.get(i);
            for (String name : text(pointer, item).orElse("").split(",")) {
                if (!ServeConfig.ENVIRONMENT_NAME.matcher(name.strip()).matches()) {
                    throw problem(pointer, "'" + name.strip() + "' is not an environment name");
                }
                names.add(name.strip());
            }
        }
        return Optional.of(names);
    }

    /** A scalar converted by {@code convert}, which answers null for a value it does not take. */
    private <T> Optional<T> value(JsonNode serve, String pointer, Function<String, T> convert, String otherwise) {
        Optional<String> text = text(serve, pointer);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        T converted = convert.apply(text.get());
        if (converted == null) {
            throw problem(pointer, "'" + text.get() + "' " + otherwise);
        }
        return Optional.of(converted);
    }

    private PavedException problem(String pointer, String message) {
        return new PavedException(file + ":" + positions.get().line(pointer) + ": "
                + pointer.substring(1).replace('/', '.') + ": " + message);
    }
}
