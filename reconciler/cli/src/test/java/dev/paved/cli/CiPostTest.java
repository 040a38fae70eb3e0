package dev.paved.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.paved.core.testing.FakeGitHub;
import dev.paved.core.testing.FakeGitLab;
import dev.paved.core.testing.GitFixture;
import dev.paved.core.testing.RepoFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paved ci --post}: the comment and the commit statuses reach the pull request through the forge's documented
 * REST API (fake forges on 127.0.0.1 that check every request), and posting again updates, never duplicates.
 */
class CiPostTest {

    private static final String GITHUB_TOKEN = "ghp_CiPostTokenNeverShown000000";
    private static final String GITLAB_TOKEN = "glpat-CiPostTokenNeverShown0000";

    @TempDir
    Path temp;

    private Path repo;
    private GitFixture git;

    @BeforeEach
    void sampleAppliedThenBranch() {
        repo = RepoFixture.build(ValidateCommandTest.SAMPLE_REPO, null, temp.resolve("repo"));
        git = GitFixture.init(repo);
        git.commit("the sample platform repo");
        assertThat(paved(Map.of(), "apply", repo.toString(), "--auto-approve").exitCode()).isZero();
        git.branch("feature");
    }

    @AfterEach
    void closeRepo() {
        git.close();
    }

    @Test
    void theGitHubCommentIsUpdatedInPlaceAndEachEnvironmentGetsAStatus() throws IOException {
        RepoFixture.replaceOnce(repo.resolve("services/cart.yaml"), "replicas: 6", "replicas: 8");
        git.commit("cart: 8 replicas in prod");
        try (FakeGitHub github = new FakeGitHub("acme/platform", GITHUB_TOKEN)) {
            Map<String, String> env = Map.of("GITHUB_TOKEN", GITHUB_TOKEN, "GITHUB_API_URL",
                    github.root().toString(), "GITHUB_REPOSITORY", "acme/platform", "GITHUB_REF",
                    "refs/pull/7/merge", "GITHUB_SHA", head());

            ValidateCommandTest.Run first = paved(env, "ci", "--base", "main", repo.toString(), "--post", "github",
                    "-o", "markdown=" + temp.resolve("comment.md"));

            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.err()).startsWith("Posted to github pull request #7: comment created, ")
                    .endsWith("; statuses paved/dev, paved/preview, paved/prod, paved/staging set.\n");
            assertThat(github.comments(7)).singleElement().satisfies(comment -> assertThat(comment.body())
                    .isEqualTo(Files.readString(temp.resolve("comment.md")))
                    .startsWith("<!-- paved:ci -->\n### ✅ No violations · 1 to update in prod"));
            assertThat(github.statuses()).extracting(FakeGitHub.Status::context, FakeGitHub.Status::state,
                    FakeGitHub.Status::description).containsExactly(
                    tuple("paved/dev", "success", "no changes"),
                    tuple("paved/preview", "success", "no changes"),
                    tuple("paved/prod", "success", "1 to update"),
                    tuple("paved/staging", "success", "no changes"));
            assertThat(github.statuses()).allSatisfy(status -> assertThat(status.sha()).isEqualTo(head()));

            RepoFixture.replaceOnce(repo.resolve("services/cart.yaml"), "owner: checkout", "owner: checkuot");
            git.commit("an owner typo");
            Map<String, String> next = new HashMap<>(env);
            next.put("GITHUB_SHA", head());
            ValidateCommandTest.Run second = paved(next, "ci", "--base", "main", repo.toString(), "--post", "github");

            assertThat(second.exitCode()).isEqualTo(ExitCodes.FINDINGS);
            assertThat(second.err()).startsWith("Posted to github pull request #7: comment updated, ")
                    .endsWith("; status paved set.\n");
            assertThat(github.comments(7)).as("updated, not added").singleElement().satisfies(comment ->
                    assertThat(comment.body()).startsWith("<!-- paved:ci -->\n### ❌ 1 violation · not planned"));
            assertThat(github.statuses()).last().satisfies(status -> {
                assertThat(status.context()).isEqualTo("paved");
                assertThat(status.state()).isEqualTo("failure");
                assertThat(status.sha()).isEqualTo(head());
            });
            assertThat(github.violations()).isEmpty();
            assertThat(first.out() + first.err() + second.out() + second.err()).doesNotContain(GITHUB_TOKEN);
        }
    }

    @Test
    void theGitLabNoteIsPostedOnceAndAViolationFailsEveryEnvironment() throws IOException {
        RepoFixture.replaceOnce(repo.resolve("services/cart.yaml"), "checkout/cart:3.11.4", "checkout/cart:latest");
        git.commit("cart on latest");
        try (FakeGitLab gitlab = new FakeGitLab(4711, "acme/platform", GITLAB_TOKEN, "unused-job-token")) {
            Map<String, String> env = Map.of("GITLAB_TOKEN", GITLAB_TOKEN, "CI_API_V4_URL", gitlab.apiUrl(),
                    "CI_PROJECT_ID", "4711", "CI_MERGE_REQUEST_IID", "3", "CI_COMMIT_SHA", head());

            ValidateCommandTest.Run first = paved(env, "ci", "--base", "main", repo.toString(), "--post", "gitlab");
            ValidateCommandTest.Run again = paved(env, "ci", "--base", "main", repo.toString(), "--post", "gitlab");

            assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.FINDINGS);
            assertThat(first.err()).isEqualTo("Posted to gitlab pull request #3: comment created; statuses paved/dev,"
                    + " paved/preview, paved/prod, paved/staging set.\n");
            assertThat(again.err()).startsWith("Posted to gitlab pull request #3: comment unchanged;");
            assertThat(gitlab.notes(3)).singleElement().satisfies(note -> assertThat(note.body())
                    .startsWith("<!-- paved:ci -->\n### ❌ 1 violation · ").contains("PAVED-SVC-009"));
            assertThat(gitlab.statuses()).hasSize(8).allSatisfy(status -> {
                assertThat(status.state()).isEqualTo("failed");
                assertThat(status.description()).startsWith("1 violation; would make ");
            });
            assertThat(gitlab.violations()).isEmpty();
            assertThat(first.out() + first.err()).doesNotContain(GITLAB_TOKEN);
        }
    }

    @Test
    void withoutAPullRequestThereIsNothingToPostTo() {
        try (FakeGitHub github = new FakeGitHub("acme/platform", GITHUB_TOKEN)) {
            ValidateCommandTest.Run run = paved(Map.of("GITHUB_TOKEN", GITHUB_TOKEN, "GITHUB_API_URL",
                    github.root().toString(), "GITHUB_REPOSITORY", "acme/platform", "GITHUB_REF", "refs/heads/main"),
                    "ci", "--base", "main", repo.toString(), "--post", "github");

            assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).contains("github: no pull request to post to");
            assertThat(github.comments(7)).isEmpty();
            assertThat(github.statuses()).isEmpty();
        }
    }

    private String head() {
        try {
            return git.git().getRepository().resolve("HEAD").name();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ValidateCommandTest.Run paved(Map<String, String> env, String... args) {
        return CiCommandTest.paved(temp.resolve("state"), env, args);
    }
}
