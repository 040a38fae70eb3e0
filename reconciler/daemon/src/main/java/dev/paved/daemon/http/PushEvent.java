package dev.paved.daemon.http;

import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two fields of a push payload Paved reads; GitHub, GitLab and Gitea all name them {@code ref} (the full
 * ref name) and {@code after} (the commit the ref now points at, all zeros when the ref was deleted).
 */
record PushEvent(String ref, String after) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

    /** The event in {@code body}, or empty when it is not JSON or lacks a ref or a commit id. */
    static Optional<PushEvent> parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        String ref = root.path("ref").asString("");
        String after = root.path("after").asString("");
        if (!ref.startsWith("refs/") || !COMMIT.matcher(after).matches()) {
            return Optional.empty();
        }
        return Optional.of(new PushEvent(ref, after));
    }

    boolean deletesRef() {
        return after.chars().allMatch(c -> c == '0');
    }
}
