package dev.paved.core.forge;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * GitHub's REST API (version 2022-11-28) for one repository: issue comments for the sticky comment (a pull
 * request is an issue), commit statuses, and pulls.
 */
final class GitHubForge implements Forge, StickyComment.Api {

    static final String API_VERSION = "2022-11-28";
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

    private final ForgeHttp http;
    private final String repository;

    /** @param repository {@code owner/name} */
    GitHubForge(ForgeHttp http, String repository) {
        if (!REPOSITORY.matcher(repository).matches()) {
            throw new ForgeException("github: repository '" + repository + "' is not owner/name", 0, "");
        }
        this.http = http;
        this.repository = repository;
    }

    @Override
    public ForgeKind kind() {
        return ForgeKind.GITHUB;
    }

    @Override
    public CommentResult upsertComment(PullRequestRef pullRequest, String marker, String body) {
        return StickyComment.upsert(this, pullRequest, marker, body);
    }

    @Override
    public void setStatus(String sha, String context, CommitState state, String description, String targetUrl) {
        ObjectNode body = ForgeHttp.JSON.createObjectNode();
        body.put("state", state.name().toLowerCase(Locale.ROOT));
        body.put("context", context);
        body.put("description", Texts.cut(description, ForgeHttp.MAX_DESCRIPTION));
        if (targetUrl != null) {
            body.put("target_url", targetUrl);
        }
        http.send("POST", "/repos/" + repository + "/statuses/" + Texts.sha(sha), body, true);
    }

    @Override
    public PullRequest openPullRequest(NewPullRequest request) {
        ObjectNode body = ForgeHttp.JSON.createObjectNode();
        body.put("title", request.title());
        body.put("head", request.head());
        body.put("base", request.base());
        body.put("body", request.body());
        JsonNode created = http.send("POST", "/repos/" + repository + "/pulls", body, false).body();
        return new PullRequest(created.path("number").asLong(), created.path("html_url").asString(""));
    }

    @Override
    public List<StickyComment.Posted> list(PullRequestRef pullRequest) {
        return http.getAll(comments(pullRequest) + "?per_page=100").stream().map(GitHubForge::posted).toList();
    }

    @Override
    public StickyComment.Posted create(PullRequestRef pullRequest, String body) {
        return posted(http.send("POST", comments(pullRequest), bodyOf(body), false).body());
    }

    @Override
    public StickyComment.Posted update(PullRequestRef pullRequest, long id, String body) {
        return posted(http.send("PATCH", "/repos/" + repository + "/issues/comments/" + id, bodyOf(body), true)
                .body());
    }

    private String comments(PullRequestRef pullRequest) {
        return "/repos/" + repository + "/issues/" + pullRequest.number() + "/comments";
    }

    private static ObjectNode bodyOf(String text) {
        return ForgeHttp.JSON.createObjectNode().put("body", text);
    }

    private static StickyComment.Posted posted(JsonNode comment) {
        String url = comment.path("html_url").asString("");
        return new StickyComment.Posted(comment.path("id").asLong(), comment.path("body").asString(""),
                url.isEmpty() ? Optional.empty() : Optional.of(url));
    }
}
