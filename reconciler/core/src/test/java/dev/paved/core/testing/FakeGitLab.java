package dev.paved.core.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * GitLab's REST API v4 for one project, under {@code /api/v4}, as documented: merge request notes (list with
 * per_page/page, Link and X-Next-Page headers, system notes among them; create; update with PUT), commit statuses
 * (with GitLab's refusal to move a status from pending to pending) and merge requests. The project is addressed by
 * its numeric id or its URL-encoded path. {@code PRIVATE-TOKEN} or {@code JOB-TOKEN} must carry a known token.
 */
public final class FakeGitLab extends FakeForgeServer {

    public static final Set<String> STATES = Set.of("pending", "running", "success", "failed", "canceled");

    private static final Pattern NOTES = Pattern.compile("/api/v4/projects/([^/]+)/merge_requests/([0-9]+)/notes");
    private static final Pattern NOTE = Pattern.compile("/api/v4/projects/([^/]+)/merge_requests/([0-9]+)/notes/"
            + "([0-9]+)");
    private static final Pattern STATUSES = Pattern.compile("/api/v4/projects/([^/]+)/statuses/([0-9a-f]{40})");
    private static final Pattern MERGE_REQUESTS = Pattern.compile("/api/v4/projects/([^/]+)/merge_requests");

    /** A note as GitLab keeps it. */
    public record Note(long id, long mergeRequest, String author, String body, boolean system) {
    }

    /** A commit status. */
    public record Status(String sha, String state, String name, String description, String targetUrl,
                         Long pipelineId) {
    }

    /** An opened merge request. */
    public record MergeRequest(long iid, String title, String sourceBranch, String targetBranch,
                               String description) {
    }

    private final long projectId;
    private final String projectPath;
    private final String privateToken;
    private final String jobToken;
    private final List<Note> notes = new ArrayList<>();
    private final List<Status> statuses = new ArrayList<>();
    private final List<MergeRequest> mergeRequests = new ArrayList<>();
    private long nextId = 5_000;

    public FakeGitLab(long projectId, String projectPath, String privateToken, String jobToken) {
        this.projectId = projectId;
        this.projectPath = projectPath;
        this.privateToken = privateToken;
        this.jobToken = jobToken;
    }

    /** The value of CI_API_V4_URL for this server. */
    public String apiUrl() {
        return root() + "/api/v4";
    }

    public synchronized List<Note> notes(long mergeRequest) {
        return notes.stream().filter(n -> n.mergeRequest() == mergeRequest).toList();
    }

    public synchronized List<Status> statuses() {
        return List.copyOf(statuses);
    }

    public synchronized List<MergeRequest> mergeRequests() {
        return List.copyOf(mergeRequests);
    }

    public synchronized Note seedNote(long mergeRequest, String author, String body, boolean system) {
        Note note = new Note(nextId++, mergeRequest, author, body, system);
        notes.add(note);
        return note;
    }

    @Override
    protected synchronized Reply route(Request request) {
        String privateHeader = request.header("private-token");
        String jobHeader = request.header("job-token");
        boolean authorised = privateHeader != null ? privateHeader.equals(privateToken)
                : jobHeader != null && jobHeader.equals(jobToken);
        if (!authorised) {
            return Reply.json(401, message("401 Unauthorized"));
        }
        if (request.header("authorization") != null) {
            violation(request, "sends an Authorization header besides the token header");
        }
        String path = request.rawPath();
        Matcher m;
        if ((m = NOTE.matcher(path)).matches() && knownProject(request, m.group(1))
                && request.method().equals("PUT")) {
            return updateNote(request, Long.parseLong(m.group(3)));
        }
        if ((m = NOTES.matcher(path)).matches() && knownProject(request, m.group(1))) {
            long iid = Long.parseLong(m.group(2));
            return switch (request.method()) {
                case "GET" -> listNotes(request, iid);
                case "POST" -> createNote(request, iid);
                default -> unknown(request);
            };
        }
        if ((m = STATUSES.matcher(path)).matches() && knownProject(request, m.group(1))
                && request.method().equals("POST")) {
            return createStatus(request, m.group(2));
        }
        if ((m = MERGE_REQUESTS.matcher(path)).matches() && knownProject(request, m.group(1))
                && request.method().equals("POST")) {
            return createMergeRequest(request);
        }
        return unknown(request);
    }

    private boolean knownProject(Request request, String id) {
        boolean known = id.equals(String.valueOf(projectId))
                || id.equals(URLEncoder.encode(projectPath, StandardCharsets.UTF_8));
        if (!known) {
            violation(request, "project '" + id + "' is neither the id nor the URL-encoded path");
        }
        return known;
    }

    private Reply unknown(Request request) {
        violation(request, "no such endpoint");
        return Reply.json(404, message("404 Not Found"));
    }

    private Reply listNotes(Request request, long iid) {
        int perPage = Math.min(100, intParam(request.query(), "per_page", 20));
        int page = Math.max(1, intParam(request.query(), "page", 1));
        List<Note> all = new ArrayList<>(notes(iid));
        if (!"asc".equals(request.query().get("sort"))) {
            java.util.Collections.reverse(all); // GitLab lists notes newest first unless sort=asc
        }
        ArrayNode array = JSON.createArrayNode();
        page(all, page, perPage).forEach(n -> array.add(json(n)));
        int last = Math.max(1, (all.size() + perPage - 1) / perPage);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Page", String.valueOf(page));
        headers.put("X-Per-Page", String.valueOf(perPage));
        headers.put("X-Total", String.valueOf(all.size()));
        headers.put("X-Next-Page", page < last ? String.valueOf(page + 1) : "");
        if (page < last) {
            StringBuilder query = new StringBuilder();
            request.query().forEach((k, v) -> {
                if (!k.equals("page")) {
                    query.append(k).append('=').append(v).append('&');
                }
            });
            headers.put("Link", "<" + root() + request.rawPath() + "?" + query + "page=" + (page + 1)
                    + ">; rel=\"next\", <" + root() + request.rawPath() + "?" + query + "page=1>; rel=\"first\"");
        }
        return new Reply(200, array, headers);
    }

    private Reply createNote(Request request, long iid) {
        if (!checkBody(request, Set.of("body"), Set.of("body", "internal", "created_at",
                "merge_request_diff_head_sha"))) {
            return Reply.json(400, message("400 Bad request - body is missing"));
        }
        return Reply.json(201, json(seedNote(iid, "project_4711_bot", request.body().path("body").asString(), false)));
    }

    private Reply updateNote(Request request, long id) {
        if (!checkBody(request, Set.of("body"), Set.of("body"))) {
            return Reply.json(400, message("400 Bad request - body is missing"));
        }
        for (int i = 0; i < notes.size(); i++) {
            Note old = notes.get(i);
            if (old.id() == id) {
                Note updated = new Note(id, old.mergeRequest(), old.author(), request.body().path("body").asString(),
                        false);
                notes.set(i, updated);
                return Reply.json(200, json(updated));
            }
        }
        return Reply.json(404, message("404 Not found"));
    }

    private Reply createStatus(Request request, String sha) {
        if (!checkBody(request, Set.of("state"), Set.of("state", "ref", "name", "context", "target_url",
                "description", "coverage", "pipeline_id"))) {
            return Reply.json(400, message("400 Bad request - state is missing"));
        }
        String state = request.body().path("state").asString("");
        if (!STATES.contains(state)) {
            violation(request, "state '" + state + "'");
            return Reply.json(400, JSON.createObjectNode().put("error", "state does not have a valid value"));
        }
        String name = request.body().path("name").asString(request.body().path("context").asString("default"));
        Status previous = statuses.stream().filter(s -> s.sha().equals(sha) && s.name().equals(name))
                .reduce((a, b) -> b).orElse(null);
        if (previous != null && previous.state().equals(state) && (state.equals("pending")
                || state.equals("running"))) {
            String event = state.equals("pending") ? "enqueue" : "run";
            return Reply.json(400, message("Cannot transition status via :" + event + " from :" + state
                    + " (Reason(s): Status cannot transition via \"" + event + "\")"));
        }
        Long pipeline = request.body().has("pipeline_id") ? request.body().path("pipeline_id").asLong() : null;
        Status status = new Status(sha, state, name, request.body().path("description").asString(null),
                request.body().path("target_url").asString(null), pipeline);
        statuses.add(status);
        return Reply.json(201, JSON.createObjectNode().put("id", nextId++).put("sha", sha).put("status", state)
                .put("name", name));
    }

    private Reply createMergeRequest(Request request) {
        if (!checkBody(request, Set.of("source_branch", "target_branch", "title"), Set.of("source_branch",
                "target_branch", "title", "description", "assignee_id", "labels", "remove_source_branch",
                "squash", "target_project_id"))) {
            return Reply.json(400, message("400 Bad request"));
        }
        String source = request.body().path("source_branch").asString();
        if (mergeRequests.stream().anyMatch(mr -> mr.sourceBranch().equals(source))) {
            return Reply.json(409, JSON.createObjectNode().set("message", JSON.createArrayNode().add(
                    "Another open merge request already exists for this source branch: !1")));
        }
        MergeRequest mr = new MergeRequest(mergeRequests.size() + 1L, request.body().path("title").asString(),
                source, request.body().path("target_branch").asString(),
                request.body().path("description").asString(""));
        mergeRequests.add(mr);
        return Reply.json(201, JSON.createObjectNode().put("id", nextId++).put("iid", mr.iid())
                .put("web_url", "https://gitlab.example/" + projectPath + "/-/merge_requests/" + mr.iid()));
    }

    private ObjectNode json(Note note) {
        ObjectNode node = JSON.createObjectNode().put("id", note.id()).put("body", note.body())
                .put("system", note.system()).put("noteable_type", "MergeRequest")
                .put("noteable_iid", note.mergeRequest());
        node.putObject("author").put("username", note.author());
        return node;
    }
}
