package dev.paved.core.forge;

import java.util.Objects;

/**
 * A pull (merge) request to open.
 *
 * @param title the title
 * @param head  the branch with the change (already pushed to the forge)
 * @param base  the branch it is to be merged into
 * @param body  the description, Markdown
 */
public record NewPullRequest(String title, String head, String base, String body) {

    public NewPullRequest {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(base, "base");
        body = body == null ? "" : body;
    }
}
