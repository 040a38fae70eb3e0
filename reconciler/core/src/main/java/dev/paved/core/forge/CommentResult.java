package dev.paved.core.forge;

import java.util.Optional;

/**
 * What {@link Forge#upsertComment} did.
 *
 * @param id     the forge's id of the comment (GitHub issue comment id, GitLab note id)
 * @param url    a link to the comment, when the forge returns one (GitHub does; GitLab's notes API does not)
 * @param action whether it was created, updated, or already said exactly this
 */
public record CommentResult(long id, Optional<String> url, Action action) {

    public enum Action { CREATED, UPDATED, UNCHANGED }
}
