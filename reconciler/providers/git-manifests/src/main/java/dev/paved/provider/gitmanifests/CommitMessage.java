package dev.paved.provider.gitmanifests;

import dev.paved.provider.ResourceKey;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The message of a commit to the deploy repo: {@code paved: create prod/workload/payments-api}, then the
 * owning declaration and, when the desired properties carry it under {@code metadata."paved.dev/commit"},
 * the platform repo commit as a {@code Platform-Commit:} trailer.
 */
final class CommitMessage {

    private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-fA-F]{7,64}");

    private CommitMessage() {
    }

    static String of(String step, ResourceKey key, String owner, String platformCommit) {
        StringBuilder message = new StringBuilder("paved: ").append(step).append(' ').append(key).append("\n\n");
        message.append("Owner: ").append(owner.replaceAll("\\s+", " ")).append('\n');
        if (platformCommit != null) {
            message.append("Platform-Commit: ").append(platformCommit).append('\n');
        }
        return message.toString();
    }

    /** The platform commit from {@code metadata."paved.dev/commit"}, when it is a commit id; else null. */
    static String platformCommit(JsonNode properties) {
        String value = properties.path("metadata").path(Marks.COMMIT).asString("").trim();
        return COMMIT_ID.matcher(value).matches() ? value.toLowerCase(java.util.Locale.ROOT) : null;
    }
}
