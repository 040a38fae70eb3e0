package dev.paved.core.forge;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * GitLab's REST API v4 for one project: merge request notes for the sticky comment, commit statuses, and merge
 * requests. The project is its numeric id or its path ({@code group/sub/project}), URL-encoded as GitLab asks.
 */
final class GitLabForge implements Forge, StickyComment.Api {

    private final ForgeHttp http;
    private final String project;
    private final OptionalLong pipelineId;

    /**
     * @param project    a numeric project id or a project path
     * @param pipelineId the pipeline statuses belong to (CI_PIPELINE_ID), so that they land on the running pipeline
     *                   when several run for one commit
     */
    GitLabForge(ForgeHttp http, String project, OptionalLong pipelineId) {
        if (project == null || project.isBlank() || project.startsWith("/") || project.endsWith("/")) {
            throw new ForgeException("gitlab: project '" + project + "' is neither an id nor a group/project path",
                    0, "");
        }
        this.http = http;
        this.project = URLEncoder.encode(project, StandardCharsets.UTF_8);
        this.pipelineId = pipelineId;
    }

    @Override
    public ForgeKind kind() {
        return ForgeKind.GITLAB;
    }

    @Override
    public CommentResult upsertComment(PullRequestRef pullRequest, String marker, String body) {
        return StickyComment.upsert(this, pullRequest, marker, body);
    }

    /**
     * GitLab refuses to set a status to {@code pending} (or {@code running}) when it already is, with 400 "Cannot
     * transition status via :enqueue from :pending"; the status asked for is then already there, so that refusal
     * is not an error.
     */
    @Override
    public void setStatus(String sha, String context, CommitState state, String description, String targetUrl) {
        ObjectNode body = ForgeHttp.JSON.createObjectNode();
        body.put("state", switch (state) {
            case PENDING -> "pending";
            case SUCCESS -> "success";
            case FAILURE, ERROR -> "failed";
        });
        body.put("name", context);
        body.put("description", Texts.cut(description, ForgeHttp.MAX_DESCRIPTION));
        if (targetUrl != null) {
            body.put("target_url", targetUrl);
        }
        pipelineId.ifPresent(id -> body.put("pipeline_id", id));
        try {
            http.send("POST", "/projects/" + project + "/statuses/" + Texts.sha(sha), body, true);
        } catch (ForgeException e) {
            boolean alreadyPending = state == CommitState.PENDING && e.status() == 400
                    && e.forgeMessage().contains("Cannot transition status");
            if (!alreadyPending) {
                throw e;
            }
        }
    }

    @Override
    public PullRequest openPullRequest(NewPullRequest request) {
        ObjectNode body = ForgeHttp.JSON.createObjectNode();
        body.put("source_branch", request.head());
        body.put("target_branch", request.base());
        body.put("title", request.title());
        body.put("description", request.body());
        JsonNode created = http.send("POST", "/projects/" + project + "/merge_requests", body, false).body();
        return new PullRequest(created.path("iid").asLong(), created.path("web_url").asString(""));
    }

    @Override
    public List<StickyComment.Posted> list(PullRequestRef pullRequest) {
        return http.getAll(notes(pullRequest) + "?sort=asc&order_by=created_at&per_page=100").stream()
                .filter(note -> !note.path("system").asBoolean(false)).map(GitLabForge::posted).toList();
    }

    @Override
    public StickyComment.Posted create(PullRequestRef pullRequest, String body) {
        return posted(http.send("POST", notes(pullRequest), bodyOf(body), false).body());
    }

    @Override
    public StickyComment.Posted update(PullRequestRef pullRequest, long id, String body) {
        return posted(http.send("PUT", notes(pullRequest) + "/" + id, bodyOf(body), true).body());
    }

    private String notes(PullRequestRef pullRequest) {
        return "/projects/" + project + "/merge_requests/" + pullRequest.number() + "/notes";
    }

    private static ObjectNode bodyOf(String text) {
        return ForgeHttp.JSON.createObjectNode().put("body", text);
    }

    private static StickyComment.Posted posted(JsonNode note) {
        return new StickyComment.Posted(note.path("id").asLong(), note.path("body").asString(""), Optional.empty());
    }
}
