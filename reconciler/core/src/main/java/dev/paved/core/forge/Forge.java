package dev.paved.core.forge;

/**
 * A client of one repository on a forge (GitHub, GitLab): what {@code paved ci --post} and
 * {@code paved new --open-pr} need, and nothing more. Build one with {@link ForgeEnvironment}. Every method
 * throws {@link ForgeException} when the forge refuses or cannot be reached, after retrying what the forge
 * asks to be retried (5xx, rate limits).
 */
public interface Forge {

    /** The marker of the comment {@code paved ci --post} keeps up to date: {@code <!-- paved:ci -->}. */
    String CI_MARKER = "ci";

    /** The forge's name as on the command line: {@code github} or {@code gitlab}. */
    ForgeKind kind();

    /**
     * Creates or updates the one comment on a pull request that carries {@code marker}: the body is posted with a
     * first line {@code <!-- paved:MARKER -->}, and the first comment whose body starts with that line is the one
     * updated on later calls, so posting again never adds a second comment. A body that is already there is not
     * written again.
     *
     * @param marker names the comment among others Paved may post, e.g. {@code ci}; letters, digits, {@code .-_}
     * @param body   Markdown
     */
    CommentResult upsertComment(PullRequestRef pullRequest, String marker, String body);

    /**
     * Sets the status named {@code context} on a commit, e.g. {@code paved/plan: prod}; a later status with the
     * same context replaces it on the forge's page.
     *
     * @param description a line of text, cut to {@value ForgeHttp#MAX_DESCRIPTION} characters
     * @param targetUrl   a link to details (the CI job), or null
     */
    void setStatus(String sha, String context, CommitState state, String description, String targetUrl);

    /** Opens a pull (merge) request from a branch that is already pushed. */
    PullRequest openPullRequest(NewPullRequest request);
}
