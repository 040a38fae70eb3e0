package dev.paved.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.core.testing.FakeGitHub;
import dev.paved.core.testing.FakeGitLab;
import java.io.IOException;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paved new service --open-pr}: from nothing to an open pull request in one command. The branch is pushed to
 * a bare repository (the origin) and the pull request opened on a fake forge that checks the documented API and
 * refuses a pull request from a branch it does not have.
 */
class NewPullRequestTest {

    private static final String GITHUB_TOKEN = "ghp_OpenPrTokenNeverShown0000";
    private static final String GITLAB_TOKEN = "glpat-OpenPrTokenNeverShown00";

    @TempDir
    java.nio.file.Path temp;

    private SampleGitRepo repo;

    @BeforeEach
    void cloneSample() {
        repo = SampleGitRepo.create(temp);
    }

    @Test
    void aGitHubPullRequestIsOpenedForThePushedBranch() throws IOException {
        try (FakeGitHub github = new FakeGitHub("acme/platform", GITHUB_TOKEN, repo::originHas)) {
            ValidateCommandTest.Run run = SampleGitRepo.paved(Map.of("GITHUB_TOKEN", GITHUB_TOKEN,
                            "GITHUB_API_URL", github.root().toString(), "GITHUB_REPOSITORY", "acme/platform"),
                    "new", "service", "ledger-v2", "--team", "payments", "--template", "web-api", "--open-pr",
                    "github", repo.work.toString());

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).endsWith("Pushed paved/new-service-ledger-v2 to origin.\n"
                    + "Opened pull request #1: https://github.example/acme/platform/pull/1\n");
            assertThat(run.out() + run.err()).doesNotContain(GITHUB_TOKEN);
            assertThat(github.violations()).isEmpty();
            assertThat(github.pulls()).singleElement().satisfies(pull -> {
                assertThat(pull.title()).isEqualTo("Add service ledger-v2 (web-api 3.4.1)");
                assertThat(pull.head()).isEqualTo("paved/new-service-ledger-v2");
                assertThat(pull.base()).isEqualTo("main");
                assertThat(pull.body()).contains("Adds the service `ledger-v2`, owned by team `payments` and deployed"
                        + " to dev, staging, in `services/ledger-v2.yaml`.").contains("`paved new service ledger-v2"
                        + " --team payments --template web-api`").contains("`paved validate` found no errors");
            });
            assertThat(originFile("paved/new-service-ledger-v2", "services/ledger-v2.yaml"))
                    .contains("name: ledger-v2").contains("version: 3.4.1");
            assertThat(repo.originHas("main")).isTrue();
        }
        try (Git git = repo.open()) {
            assertThat(git.getRepository().getConfig().getString("branch", "paved/new-service-ledger-v2", "remote"))
                    .isEqualTo("origin");
        }
    }

    @Test
    void aGitLabMergeRequestIsOpenedForThePushedBranch() throws IOException {
        try (FakeGitLab gitlab = new FakeGitLab(4711, "acme/platform", GITLAB_TOKEN, "unused-job-token")) {
            ValidateCommandTest.Run run = SampleGitRepo.paved(Map.of("GITLAB_TOKEN", GITLAB_TOKEN,
                            "CI_API_V4_URL", gitlab.apiUrl(), "CI_PROJECT_ID", "4711"),
                    "new", "environment", "qa", "--tier", "staging", "--set", "promotionFrom=dev", "--branch",
                    "platform/qa", "--open-pr", "gitlab", repo.work.toString());

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("Committed ").contains(" on the new branch platform/qa (from main).")
                    .endsWith("Opened pull request #1: https://gitlab.example/acme/platform/-/merge_requests/1\n");
            assertThat(run.out() + run.err()).doesNotContain(GITLAB_TOKEN);
            assertThat(gitlab.violations()).isEmpty();
            assertThat(gitlab.mergeRequests()).singleElement().satisfies(mr -> {
                assertThat(mr.title()).isEqualTo("Add environment qa (environment 1.0.0)");
                assertThat(mr.sourceBranch()).isEqualTo("platform/qa");
                assertThat(mr.targetBranch()).isEqualTo("main");
            });
            assertThat(originFile("platform/qa", "environments/qa.yaml")).contains("from: dev");
        }
    }

    @Test
    void aForgeThatRefusesIsReportedWithoutTheToken() {
        try (FakeGitHub github = new FakeGitHub("acme/platform", "ghp_TheRealTokenIsDifferent")) {
            ValidateCommandTest.Run run = SampleGitRepo.paved(Map.of("GITHUB_TOKEN", GITHUB_TOKEN,
                            "GITHUB_API_URL", github.root().toString(), "GITHUB_REPOSITORY", "acme/platform"),
                    "new", "service", "ledger-v2", "--team", "payments", "--template", "web-api", "--open-pr",
                    "github", repo.work.toString());

            assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).isEqualTo("paved: github: POST /repos/acme/platform/pulls: 401 Bad credentials\n");
            assertThat(run.out() + run.err()).doesNotContain(GITHUB_TOKEN);
            assertThat(repo.originHas("paved/new-service-ledger-v2")).as("the branch was pushed before").isTrue();
        }
    }

    /** A file of a branch of the origin (the bare repository). */
    private String originFile(String branch, String path) throws IOException {
        try (Git bare = Git.open(repo.origin.toFile()); RevWalk walk = new RevWalk(bare.getRepository())) {
            ObjectId head = bare.getRepository().resolve("refs/heads/" + branch);
            assertThat(head).as("origin has " + branch).isNotNull();
            RevCommit commit = walk.parseCommit(head);
            try (TreeWalk tree = TreeWalk.forPath(bare.getRepository(), path, commit.getTree())) {
                assertThat(tree).as(path + " in " + branch).isNotNull();
                return new String(bare.getRepository().open(tree.getObjectId(0)).getBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
            }
        }
    }
}
