package dev.paved.core.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.core.PavedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The environment contract of docs/pull-requests.md: which variable gives what, and what is said when one is
 * missing.
 */
class ForgeEnvironmentTest {

    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private static final String HEAD = "fedcba9876543210fedcba9876543210fedcba98";

    @TempDir
    Path temp;

    private static ForgeContext github(Map<String, String> env) {
        return new ForgeEnvironment(env, RetryPolicy.DEFAULT, Clock.systemUTC()).context(ForgeKind.GITHUB,
                Optional.empty());
    }

    private static ForgeContext gitlab(Map<String, String> env) {
        return new ForgeEnvironment(env, RetryPolicy.DEFAULT, Clock.systemUTC()).context(ForgeKind.GITLAB,
                Optional.empty());
    }

    @Test
    void aGitHubPullRequestEventGivesTheNumberTheHeadCommitAndTheRunLink() throws IOException {
        Path event = temp.resolve("event.json");
        Files.writeString(event, """
                {"action": "synchronize", "number": 42,
                 "pull_request": {"number": 42, "head": {"sha": "%s", "ref": "feature"}}}""".formatted(HEAD));
        Map<String, String> env = new HashMap<>(Map.of("GITHUB_TOKEN", "t", "GITHUB_REPOSITORY", "acme/platform",
                "GITHUB_REF", "refs/pull/42/merge", "GITHUB_SHA", SHA, "GITHUB_EVENT_PATH", event.toString(),
                "GITHUB_SERVER_URL", "https://github.com", "GITHUB_RUN_ID", "9001"));

        ForgeContext context = github(env);

        assertThat(context.requirePullRequest()).isEqualTo(new PullRequestRef(42));
        assertThat(context.requireHeadSha()).as("statuses go on the head, not the merge commit").isEqualTo(HEAD);
        assertThat(context.jobUrl()).hasValue("https://github.com/acme/platform/actions/runs/9001");
        assertThat(context.gitCredentials().username()).isEqualTo("x-access-token");
        assertThat(context.gitCredentials().token().reveal()).isEqualTo("t");

        env.put("GITHUB_REF", "refs/heads/main");
        assertThat(github(env).pullRequest()).as("pull_request_target: the number comes from the event")
                .hasValue(new PullRequestRef(42));
        env.remove("GITHUB_EVENT_PATH");
        assertThat(github(env).headSha()).hasValue(SHA);
    }

    @Test
    void withoutAPullRequestTheMessageSaysWhatWasLookedAt() {
        ForgeContext context = github(Map.of("GITHUB_TOKEN", "t", "GITHUB_REPOSITORY", "acme/platform",
                "GITHUB_REF", "refs/heads/main", "GITHUB_EVENT_NAME", "push"));

        assertThatThrownBy(context::requirePullRequest).isInstanceOf(PavedException.class)
                .hasMessage("github: no pull request to post to: GITHUB_REF is 'refs/heads/main' and the event"
                        + " (push) has no pull_request; run on pull_request events");
        assertThatThrownBy(context::requireHeadSha).hasMessage("github: no commit to set statuses on: GITHUB_SHA is"
                + " not set");
    }

    @Test
    void missingSettingsNameTheVariable() {
        assertThatThrownBy(() -> github(Map.of("GITHUB_REPOSITORY", "acme/platform")))
                .isInstanceOf(PavedException.class).hasMessageStartingWith("github: GITHUB_TOKEN is not set;");
        assertThatThrownBy(() -> github(Map.of("GITHUB_TOKEN", " ")))
                .hasMessageStartingWith("github: GITHUB_TOKEN is not set;");
        assertThatThrownBy(() -> github(Map.of("GITHUB_TOKEN", "t")))
                .hasMessage("github: GITHUB_REPOSITORY (owner/name) is not set, and there is no origin remote to"
                        + " take it from");
        assertThatThrownBy(() -> github(Map.of("GITHUB_TOKEN", "t", "GITHUB_REPOSITORY", "x/y",
                "GITHUB_API_URL", "ftp://example.com")))
                .hasMessage("GITHUB_API_URL: 'ftp://example.com' is not an http(s) URL");
        assertThatThrownBy(() -> gitlab(Map.of("CI_PROJECT_ID", "1")))
                .hasMessage("gitlab: neither GITLAB_TOKEN nor CI_JOB_TOKEN is set; set GITLAB_TOKEN to a project"
                        + " access token with the api scope");
        assertThatThrownBy(() -> gitlab(Map.of("GITLAB_TOKEN", "t", "CI_PROJECT_ID", "1")))
                .hasMessageStartingWith("gitlab: CI_API_V4_URL is not set");
    }

    @Test
    void gitLabPrefersTheSourceBranchHeadAndNamesTheMergeRequestRule() {
        Map<String, String> env = new HashMap<>(Map.of("GITLAB_TOKEN", "t", "CI_API_V4_URL",
                "https://gitlab.example/api/v4", "CI_PROJECT_ID", "7", "CI_COMMIT_SHA", SHA,
                "CI_MERGE_REQUEST_SOURCE_BRANCH_SHA", HEAD, "CI_JOB_URL", "https://gitlab.example/jobs/5"));

        ForgeContext context = gitlab(env);

        assertThat(context.headSha()).hasValue(HEAD);
        assertThat(context.jobUrl()).hasValue("https://gitlab.example/jobs/5");
        assertThat(context.gitCredentials().username()).isEqualTo("oauth2");
        assertThatThrownBy(context::requirePullRequest).hasMessage("gitlab: no pull request to post to:"
                + " CI_MERGE_REQUEST_IID is not set; run in a merge request pipeline (rules: - if:"
                + " $CI_PIPELINE_SOURCE == \"merge_request_event\")");
        env.put("CI_MERGE_REQUEST_SOURCE_BRANCH_SHA", "");
        assertThat(gitlab(env).headSha()).as("empty outside merged-results pipelines").hasValue(SHA);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://github.com/acme/platform.git         | github.com        | acme/platform",
        "https://x-access-token:tok@github.com/acme/platform | github.com | acme/platform",
        "git@github.com:acme/platform.git              | github.com        | acme/platform",
        "ssh://git@gitlab.example:2222/grp/sub/app.git | gitlab.example    | grp/sub/app",
        "https://gitlab.example/grp/sub/app/           | gitlab.example    | grp/sub/app",
    })
    void remoteUrlsGiveHostAndPath(String url, String host, String path) {
        assertThat(RemoteUrl.parse(url)).hasValue(new RemoteUrl(host, path));
    }

    @ParameterizedTest
    @CsvSource({"/srv/git/platform.git", "file:///srv/git/platform.git", "../platform", "https://github.com/alone"})
    void localRemotesGiveNothing(String url) {
        assertThat(RemoteUrl.parse(url)).isEmpty();
    }

    @Test
    void theNextLinkIsFoundAmongOthers() {
        assertThat(LinkHeader.next("<https://a/x?page=1>; rel=\"prev\", <https://a/x?page=3>; rel=\"next\","
                + " <https://a/x?page=9>; rel=\"last\"")).hasValue("https://a/x?page=3");
        assertThat(LinkHeader.next("<https://a/x?page=2>; rel=\"next last\"")).hasValue("https://a/x?page=2");
        assertThat(LinkHeader.next("<https://a/x?page=1>; rel=\"first\"")).isEmpty();
        assertThat(LinkHeader.next(null)).isEmpty();
    }
}
