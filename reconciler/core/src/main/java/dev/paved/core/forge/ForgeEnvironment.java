package dev.paved.core.forge;

import dev.paved.core.PavedException;
import dev.paved.provider.Secret;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Builds a forge client from the environment a CI job runs in, as documented in docs/pull-requests.md
 * ("Posting the comment"). GitHub: {@code GITHUB_TOKEN}, {@code GITHUB_API_URL}, {@code GITHUB_REPOSITORY}, the
 * pull request from {@code GITHUB_REF} or the event in {@code GITHUB_EVENT_PATH}. GitLab: {@code GITLAB_TOKEN} or
 * {@code CI_JOB_TOKEN}, {@code CI_API_V4_URL}, {@code CI_PROJECT_ID}, {@code CI_MERGE_REQUEST_IID}. Outside CI the
 * repository and API address may come from the {@code origin} remote instead. A blank variable counts as unset.
 */
public final class ForgeEnvironment {

    private static final Pattern PULL_REF = Pattern.compile("refs/pull/([0-9]{1,12})/(?:merge|head)");
    private static final String USER_AGENT = "paved";

    private final Map<String, String> env;
    private final RetryPolicy retry;
    private final Clock clock;

    public ForgeEnvironment(Map<String, String> env, RetryPolicy retry, Clock clock) {
        this.env = Map.copyOf(env);
        this.retry = retry;
        this.clock = clock;
    }

    /** The client of the forge {@code kind}, from the environment alone, with the default retries. */
    public static ForgeContext fromEnvironment(ForgeKind kind, Map<String, String> env) {
        return new ForgeEnvironment(env, RetryPolicy.DEFAULT, Clock.systemUTC()).context(kind, Optional.empty());
    }

    /**
     * @param origin the repository's {@code origin} remote, used for the repository (project) and the API address
     *               when the environment does not name them
     * @throws PavedException naming the variable to set, when a token or the repository is missing
     */
    public ForgeContext context(ForgeKind kind, Optional<RemoteUrl> origin) {
        return switch (kind) {
            case GITHUB -> github(origin);
            case GITLAB -> gitlab(origin);
        };
    }

    private ForgeContext github(Optional<RemoteUrl> origin) {
        String token = value("GITHUB_TOKEN").orElseThrow(() -> new PavedException("github: GITHUB_TOKEN is not set;"
                + " in GitHub Actions pass it to the step (env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}), elsewhere"
                + " set it to a token that may write pull requests and statuses"));
        URI api = api("GITHUB_API_URL", value("GITHUB_API_URL").orElseGet(() -> origin
                .filter(o -> !o.host().equalsIgnoreCase("github.com")).map(o -> "https://" + o.host() + "/api/v3")
                .orElse("https://api.github.com")));
        String repository = value("GITHUB_REPOSITORY").or(() -> origin.map(RemoteUrl::path)).orElseThrow(() ->
                new PavedException("github: GITHUB_REPOSITORY (owner/name) is not set, and there is no origin remote"
                        + " to take it from"));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        headers.put("Accept", "application/vnd.github+json");
        headers.put("X-GitHub-Api-Version", GitHubForge.API_VERSION);
        headers.put("User-Agent", USER_AGENT);
        ForgeHttp http = new ForgeHttp(ForgeKind.GITHUB, api, headers, Secret.of(token), retry, clock);
        JsonNode event = event();
        JsonNode pull = event.path("pull_request");
        Optional<PullRequestRef> pullRequest = value("GITHUB_REF").map(PULL_REF::matcher).filter(Matcher::matches)
                .map(m -> new PullRequestRef(Long.parseLong(m.group(1))))
                .or(() -> pull.path("number").canConvertToLong() && pull.path("number").asLong() > 0
                        ? Optional.of(new PullRequestRef(pull.path("number").asLong())) : Optional.empty());
        String headSha = pull.path("head").path("sha").asString("");
        Optional<String> jobUrl = value("GITHUB_SERVER_URL").flatMap(server -> value("GITHUB_RUN_ID")
                .map(run -> server + "/" + repository + "/actions/runs/" + run));
        String missing = "GITHUB_REF is " + value("GITHUB_REF").map(r -> "'" + r + "'").orElse("not set")
                + " and the event" + value("GITHUB_EVENT_NAME").map(n -> " (" + n + ")").orElse("")
                + " has no pull_request; run on pull_request events";
        return new ForgeContext(new GitHubForge(http, repository), pullRequest,
                headSha.isEmpty() ? value("GITHUB_SHA") : Optional.of(headSha), jobUrl,
                new GitCredentials("x-access-token", Secret.of(token)), missing);
    }

    private ForgeContext gitlab(Optional<RemoteUrl> origin) {
        Optional<String> personal = value("GITLAB_TOKEN");
        String token = personal.or(() -> value("CI_JOB_TOKEN")).orElseThrow(() -> new PavedException(
                "gitlab: neither GITLAB_TOKEN nor CI_JOB_TOKEN is set; set GITLAB_TOKEN to a project access token"
                        + " with the api scope"));
        URI api = api("CI_API_V4_URL", value("CI_API_V4_URL").or(() -> origin.map(o -> "https://" + o.host()
                + "/api/v4")).orElseThrow(() -> new PavedException("gitlab: CI_API_V4_URL is not set, and there is"
                + " no origin remote to take the GitLab address from")));
        String project = value("CI_PROJECT_ID").or(() -> origin.map(RemoteUrl::path)).orElseThrow(() ->
                new PavedException("gitlab: CI_PROJECT_ID is not set, and there is no origin remote to take the"
                        + " project from"));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(personal.isPresent() ? "PRIVATE-TOKEN" : "JOB-TOKEN", token);
        headers.put("Accept", "application/json");
        headers.put("User-Agent", USER_AGENT);
        ForgeHttp http = new ForgeHttp(ForgeKind.GITLAB, api, headers, Secret.of(token), retry, clock);
        OptionalLong pipeline = value("CI_PIPELINE_ID").filter(id -> id.matches("[0-9]{1,18}"))
                .map(id -> OptionalLong.of(Long.parseLong(id))).orElse(OptionalLong.empty());
        Optional<PullRequestRef> mergeRequest = value("CI_MERGE_REQUEST_IID").filter(iid -> iid.matches("[0-9]{1,12}"))
                .map(iid -> new PullRequestRef(Long.parseLong(iid)));
        return new ForgeContext(new GitLabForge(http, project, pipeline), mergeRequest,
                value("CI_MERGE_REQUEST_SOURCE_BRANCH_SHA").or(() -> value("CI_COMMIT_SHA")),
                value("CI_JOB_URL").or(() -> value("CI_PIPELINE_URL")),
                new GitCredentials(personal.isPresent() ? "oauth2" : "gitlab-ci-token", Secret.of(token)),
                "CI_MERGE_REQUEST_IID is not set; run in a merge request pipeline"
                        + " (rules: - if: $CI_PIPELINE_SOURCE == \"merge_request_event\")");
    }

    private Optional<String> value(String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static URI api(String variable, String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new PavedException(variable + ": '" + value + "' is not a URL");
        }
        if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new PavedException(variable + ": '" + value + "' is not an http(s) URL");
        }
        return uri;
    }

    /** The webhook event the workflow runs for, or a missing node when there is none to read. */
    private JsonNode event() {
        Optional<String> path = value("GITHUB_EVENT_PATH");
        if (path.isEmpty() || !Files.isRegularFile(Path.of(path.get()))) {
            return MissingNode.getInstance();
        }
        try {
            return ForgeHttp.JSON.readTree(Files.readString(Path.of(path.get())));
        } catch (IOException | JacksonException e) {
            throw new PavedException("GITHUB_EVENT_PATH: cannot read the event " + path.get() + ": "
                    + e.getMessage(), e);
        }
    }
}
