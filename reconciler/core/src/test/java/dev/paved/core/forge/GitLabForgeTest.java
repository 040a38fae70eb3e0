package dev.paved.core.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.core.testing.FakeGitLab;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The GitLab client against a fake GitLab that checks every request against the documented v4 API. */
class GitLabForgeTest {

    static final String TOKEN = "glpat-NeverPrintThisToken0001";
    static final String JOB_TOKEN = "glcbt-64_JobTokenAlsoSecret";
    static final String SHA = "89abcdef0123456789abcdef0123456789abcdef";

    private final List<Duration> waits = new ArrayList<>();
    private FakeGitLab gitlab;

    @BeforeEach
    void start() {
        gitlab = new FakeGitLab(4711, "acme/platform-team/platform", TOKEN, JOB_TOKEN);
    }

    @AfterEach
    void stop() {
        assertThat(gitlab.violations()).as("requests that do not follow GitLab's API").isEmpty();
        gitlab.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("GITLAB_TOKEN", TOKEN);
        env.put("CI_API_V4_URL", gitlab.apiUrl());
        env.put("CI_PROJECT_ID", "4711");
        env.put("CI_MERGE_REQUEST_IID", "12");
        env.put("CI_COMMIT_SHA", SHA);
        env.put("CI_PIPELINE_ID", "99001");
        return env;
    }

    private ForgeContext context(Map<String, String> env, Optional<RemoteUrl> origin) {
        RetryPolicy retry = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30),
                waits::add);
        return new ForgeEnvironment(env, retry, Clock.systemUTC()).context(ForgeKind.GITLAB, origin);
    }

    @Test
    void postingTwiceUpdatesTheOneNote() {
        ForgeContext context = context(env(), Optional.empty());

        CommentResult first = context.forge().upsertComment(context.requirePullRequest(), "ci", "plan 1");
        CommentResult second = context.forge().upsertComment(context.requirePullRequest(), "ci", "plan 2");

        assertThat(first.action()).isEqualTo(CommentResult.Action.CREATED);
        assertThat(second.action()).isEqualTo(CommentResult.Action.UPDATED);
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(gitlab.notes(12)).singleElement().satisfies(n ->
                assertThat(n.body()).isEqualTo("<!-- paved:ci -->\nplan 2"));
        assertThat(gitlab.requests()).filteredOn(r -> r.method().equals("PUT")).hasSize(1);
    }

    @Test
    void theNoteIsFoundOnTheSecondPageAmongSystemNotesAndTheProjectPathIsEncoded() {
        for (int i = 0; i < 110; i++) {
            gitlab.seedNote(12, "alice", "added 1 commit " + i, true);
        }
        FakeGitLab.Note ours = gitlab.seedNote(12, "project_4711_bot", "<!-- paved:ci -->\nold", false);
        gitlab.seedNote(12, "bob", "looks good", false);
        ForgeContext local = new ForgeEnvironment(Map.of("GITLAB_TOKEN", TOKEN, "CI_API_V4_URL", gitlab.apiUrl(),
                "CI_MERGE_REQUEST_IID", "12"), RetryPolicy.DEFAULT, Clock.systemUTC())
                .context(ForgeKind.GITLAB, Optional.of(new RemoteUrl("gitlab.example",
                        "acme/platform-team/platform")));

        CommentResult result = local.forge().upsertComment(local.requirePullRequest(), "ci", "new");

        assertThat(result.action()).isEqualTo(CommentResult.Action.UPDATED);
        assertThat(result.id()).isEqualTo(ours.id());
        assertThat(gitlab.notes(12)).hasSize(112);
        assertThat(gitlab.requests()).filteredOn(r -> r.method().equals("GET"))
                .allSatisfy(r -> assertThat(r.rawPath()).startsWith(
                        "/api/v4/projects/acme%2Fplatform-team%2Fplatform/merge_requests/12/notes"))
                .extracting(r -> r.query().get("page")).containsExactly(null, "2");
        assertThat(gitlab.requests()).filteredOn(r -> r.method().equals("GET"))
                .allSatisfy(r -> assertThat(r.query()).containsEntry("sort", "asc").containsEntry("per_page", "100"));
    }

    @Test
    void statusesMapToGitLabStatesAndBelongToThePipeline() {
        Forge forge = context(env(), Optional.empty()).forge();

        forge.setStatus(SHA, "paved/plan: prod", CommitState.PENDING, "planning", null);
        forge.setStatus(SHA, "paved/plan: prod", CommitState.PENDING, "planning again", null);
        forge.setStatus(SHA, "paved/plan: prod", CommitState.FAILURE, "2 errors", "https://gitlab.example/jobs/1");
        forge.setStatus(SHA, "paved/plan: dev", CommitState.ERROR, "could not plan", null);
        forge.setStatus(SHA, "paved/plan: dev", CommitState.SUCCESS, "no changes", null);
        forge.setStatus(SHA, "paved/plan: dev", CommitState.SUCCESS, "no changes", null);

        assertThat(gitlab.statuses()).extracting(FakeGitLab.Status::state)
                .containsExactly("pending", "failed", "failed", "success", "success");
        assertThat(gitlab.statuses()).extracting(FakeGitLab.Status::pipelineId).containsOnly(99001L);
        assertThat(gitlab.statuses().get(1).targetUrl()).isEqualTo("https://gitlab.example/jobs/1");
        assertThat(gitlab.statuses().get(1).name()).isEqualTo("paved/plan: prod");
    }

    @Test
    void aMergeRequestIsOpenedAndARepeatIsRefusedWithGitLabsWords() {
        Forge forge = context(env(), Optional.empty()).forge();

        PullRequest opened = forge.openPullRequest(new NewPullRequest("Add service x", "paved/new-service-x", "main",
                "body"));

        assertThat(opened.number()).isEqualTo(1);
        assertThat(opened.url()).isEqualTo("https://gitlab.example/acme/platform-team/platform/-/merge_requests/1");
        assertThat(gitlab.mergeRequests()).singleElement().satisfies(mr -> {
            assertThat(mr.sourceBranch()).isEqualTo("paved/new-service-x");
            assertThat(mr.targetBranch()).isEqualTo("main");
            assertThat(mr.description()).isEqualTo("body");
        });
        assertThatThrownBy(() -> forge.openPullRequest(new NewPullRequest("again", "paved/new-service-x", "main", "")))
                .isInstanceOf(ForgeException.class)
                .hasMessage("gitlab: POST /projects/4711/merge_requests: 409 [\"Another open merge request already"
                        + " exists for this source branch: !1\"]");
    }

    @Test
    void theJobTokenGoesInItsOwnHeaderAndAWrongTokenIsNotPrinted() {
        Map<String, String> env = env();
        env.remove("GITLAB_TOKEN");
        env.put("CI_JOB_TOKEN", JOB_TOKEN);
        ForgeContext context = context(env, Optional.empty());

        context.forge().upsertComment(context.requirePullRequest(), "ci", "plan");

        assertThat(gitlab.requests()).allSatisfy(r -> {
            assertThat(r.header("job-token")).isEqualTo(JOB_TOKEN);
            assertThat(r.header("private-token")).isNull();
        });
        assertThat(context.gitCredentials().username()).isEqualTo("gitlab-ci-token");

        env.put("CI_JOB_TOKEN", "glcbt-wrong-job-token");
        ForgeContext wrong = context(env, Optional.empty());
        assertThatThrownBy(() -> wrong.forge().setStatus(SHA, "paved", CommitState.SUCCESS, "ok", null))
                .isInstanceOf(ForgeException.class)
                .hasMessage("gitlab: POST /projects/4711/statuses/" + SHA + ": 401 401 Unauthorized");
    }
}
