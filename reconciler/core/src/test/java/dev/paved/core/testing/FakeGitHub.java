package dev.paved.core.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * GitHub's REST API (2022-11-28) for one repository, as documented: issue comments (list with per_page/page and a
 * Link header, create, update), commit statuses and pulls. Checks the headers GitHub asks for, answers a wrong
 * token with 401 "Bad credentials", and keeps what was posted for assertions.
 */
public final class FakeGitHub extends FakeForgeServer {

    public static final Set<String> STATES = Set.of("error", "failure", "pending", "success");

    private static final Pattern COMMENTS = Pattern.compile("/repos/([^/]+/[^/]+)/issues/([0-9]+)/comments");
    private static final Pattern COMMENT = Pattern.compile("/repos/([^/]+/[^/]+)/issues/comments/([0-9]+)");
    private static final Pattern STATUSES = Pattern.compile("/repos/([^/]+/[^/]+)/statuses/([0-9a-f]{40})");
    private static final Pattern PULLS = Pattern.compile("/repos/([^/]+/[^/]+)/pulls");

    /** A comment as GitHub keeps it. */
    public record Comment(long id, long issue, String author, String body) {
    }

    /** A commit status. */
    public record Status(String sha, String state, String context, String description, String targetUrl) {
    }

    /** An opened pull request. */
    public record Pull(long number, String title, String head, String base, String body) {
    }

    private final String repository;
    private final String token;
    private final Predicate<String> branchExists;
    private final List<Comment> comments = new ArrayList<>();
    private final List<Status> statuses = new ArrayList<>();
    private final List<Pull> pulls = new ArrayList<>();
    private long nextId = 1_000;

    /**
     * @param branchExists whether a branch has been pushed: GitHub refuses a pull request from a branch it does
     *                     not have
     */
    public FakeGitHub(String repository, String token, Predicate<String> branchExists) {
        this.repository = repository;
        this.token = token;
        this.branchExists = branchExists;
    }

    public FakeGitHub(String repository, String token) {
        this(repository, token, branch -> true);
    }

    public synchronized List<Comment> comments(long issue) {
        return comments.stream().filter(c -> c.issue() == issue).toList();
    }

    public synchronized List<Status> statuses() {
        return List.copyOf(statuses);
    }

    public synchronized List<Pull> pulls() {
        return List.copyOf(pulls);
    }

    /** A comment someone else wrote, as if posted before the test. */
    public synchronized Comment seedComment(long issue, String author, String body) {
        Comment comment = new Comment(nextId++, issue, author, body);
        comments.add(comment);
        return comment;
    }

    @Override
    protected synchronized Reply route(Request request) {
        if (!("Bearer " + token).equals(request.header("authorization"))) {
            return Reply.json(401, message("Bad credentials")
                    .put("documentation_url", "https://docs.github.com/rest"));
        }
        if (!"application/vnd.github+json".equals(request.header("accept"))) {
            violation(request, "Accept is " + request.header("accept"));
        }
        if (!"2022-11-28".equals(request.header("x-github-api-version"))) {
            violation(request, "X-GitHub-Api-Version is " + request.header("x-github-api-version"));
        }
        if (request.header("user-agent") == null || request.header("user-agent").isBlank()) {
            return Reply.json(403, message("Request forbidden by administrative rules. Please make sure your request"
                    + " has a User-Agent header"));
        }
        String path = request.rawPath();
        Matcher m;
        if ((m = COMMENTS.matcher(path)).matches() && knownRepo(m.group(1))) {
            long issue = Long.parseLong(m.group(2));
            return switch (request.method()) {
                case "GET" -> listComments(request, issue);
                case "POST" -> createComment(request, issue);
                default -> unknown(request);
            };
        }
        if ((m = COMMENT.matcher(path)).matches() && knownRepo(m.group(1)) && request.method().equals("PATCH")) {
            return updateComment(request, Long.parseLong(m.group(2)));
        }
        if ((m = STATUSES.matcher(path)).matches() && knownRepo(m.group(1)) && request.method().equals("POST")) {
            return createStatus(request, m.group(2));
        }
        if ((m = PULLS.matcher(path)).matches() && knownRepo(m.group(1)) && request.method().equals("POST")) {
            return createPull(request);
        }
        return unknown(request);
    }

    private boolean knownRepo(String path) {
        return path.equals(repository);
    }

    private Reply unknown(Request request) {
        violation(request, "no such endpoint in this repository");
        return Reply.json(404, message("Not Found"));
    }

    private Reply listComments(Request request, long issue) {
        int perPage = Math.min(100, intParam(request.query(), "per_page", 30));
        int page = Math.max(1, intParam(request.query(), "page", 1));
        List<Comment> all = comments(issue);
        ArrayNode array = JSON.createArrayNode();
        page(all, page, perPage).forEach(c -> array.add(json(c)));
        int last = Math.max(1, (all.size() + perPage - 1) / perPage);
        Map<String, String> headers = new LinkedHashMap<>();
        if (page < last) {
            String base = root() + request.rawPath() + "?per_page=" + perPage + "&page=";
            headers.put("Link", "<" + base + (page + 1) + ">; rel=\"next\", <" + base + last + ">; rel=\"last\"");
        }
        return new Reply(200, array, headers);
    }

    private Reply createComment(Request request, long issue) {
        if (!checkBody(request, Set.of("body"), Set.of("body"))) {
            return Reply.json(422, message("Validation Failed"));
        }
        Comment comment = seedComment(issue, "github-actions[bot]", request.body().path("body").asString());
        return Reply.json(201, json(comment));
    }

    private Reply updateComment(Request request, long id) {
        if (!checkBody(request, Set.of("body"), Set.of("body"))) {
            return Reply.json(422, message("Validation Failed"));
        }
        for (int i = 0; i < comments.size(); i++) {
            Comment old = comments.get(i);
            if (old.id() == id) {
                Comment updated = new Comment(id, old.issue(), old.author(), request.body().path("body").asString());
                comments.set(i, updated);
                return Reply.json(200, json(updated));
            }
        }
        return Reply.json(404, message("Not Found"));
    }

    private Reply createStatus(Request request, String sha) {
        if (!checkBody(request, Set.of("state"), Set.of("state", "target_url", "description", "context"))) {
            return Reply.json(422, message("Validation Failed"));
        }
        String state = request.body().path("state").asString("");
        String description = request.body().path("description").asString(null);
        if (!STATES.contains(state)) {
            violation(request, "state '" + state + "'");
            return Reply.json(422, message("Validation Failed"));
        }
        if (description != null && description.codePointCount(0, description.length()) > 140) {
            violation(request, "description longer than 140 characters");
            return Reply.json(422, message("Validation Failed").set("errors", JSON.createArrayNode().add(
                    JSON.createObjectNode().put("resource", "Status").put("code", "custom")
                            .put("field", "description").put("message", "description is too long (maximum is 140"
                                    + " characters)"))));
        }
        Status status = new Status(sha, state, request.body().path("context").asString("default"), description,
                request.body().path("target_url").asString(null));
        statuses.add(status);
        return Reply.json(201, JSON.createObjectNode().put("id", nextId++).put("state", state)
                .put("context", status.context()).put("description", description));
    }

    private Reply createPull(Request request) {
        if (!checkBody(request, Set.of("title", "head", "base"), Set.of("title", "head", "base", "body", "draft",
                "maintainer_can_modify", "head_repo", "issue"))) {
            return Reply.json(422, message("Validation Failed"));
        }
        String head = request.body().path("head").asString();
        String base = request.body().path("base").asString();
        if (!branchExists.test(head) || !branchExists.test(base)) {
            return Reply.json(422, message("Validation Failed").set("errors", JSON.createArrayNode().add(
                    JSON.createObjectNode().put("resource", "PullRequest").put("field", branchExists.test(head)
                            ? "base" : "head").put("code", "invalid"))));
        }
        if (pulls.stream().anyMatch(p -> p.head().equals(head))) {
            return Reply.json(422, message("Validation Failed").set("errors", JSON.createArrayNode().add(
                    JSON.createObjectNode().put("resource", "PullRequest").put("code", "custom")
                            .put("message", "A pull request already exists for " + repository.split("/")[0] + ":"
                                    + head + "."))));
        }
        Pull pull = new Pull(pulls.size() + 1L, request.body().path("title").asString(), head, base,
                request.body().path("body").asString(""));
        pulls.add(pull);
        return Reply.json(201, JSON.createObjectNode().put("number", pull.number())
                .put("html_url", "https://github.example/" + repository + "/pull/" + pull.number())
                .put("state", "open"));
    }

    private ObjectNode json(Comment comment) {
        ObjectNode node = JSON.createObjectNode().put("id", comment.id()).put("body", comment.body())
                .put("html_url", "https://github.example/" + repository + "/pull/" + comment.issue()
                        + "#issuecomment-" + comment.id());
        node.putObject("user").put("login", comment.author());
        return node;
    }
}
