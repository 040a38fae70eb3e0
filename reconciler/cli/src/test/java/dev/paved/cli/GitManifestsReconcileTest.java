package dev.paved.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.core.testing.RepoFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain with a real provider: the sample repo's dev workloads go to a real deploy repo (a bare Git
 * repo) through the git-manifests provider, configured in paved.yaml; everything else stays on the embedded
 * filesystem default. Dependency outputs reach the manifests, and a second plan shows no changes.
 */
class GitManifestsReconcileTest {

    @TempDir
    Path temp;

    @Test
    void devWorkloadsAreCommittedToTheDeployRepoAndConverge() throws IOException, GitAPIException {
        Path repo = RepoFixture.build(ValidateCommandTest.SAMPLE_REPO, null, temp.resolve("platform"));
        Path remote = temp.resolve("deploy.git");
        Git.init().setBare(true).setInitialBranch("main").setDirectory(remote.toFile()).call().close();
        Path config = temp.resolve("paved.yaml");
        Files.writeString(config, """
                stateDir: state
                providers:
                  manifests-dev:
                    type: git-manifests
                    settings:
                      repository: %s
                      branch: main
                      workdir: %s
                      authorName: Paved CI
                      authorEmail: paved@example.com
                """.formatted(remote, temp.resolve("deploy-work")));

        ValidateCommandTest.Run applied = ValidateCommandTest.run("apply", repo.toString(), "--env", "dev",
                "--auto-approve", "--config", config.toString());

        assertThat(applied.exitCode()).as(applied.out() + applied.err()).isZero();
        try (Git git = Git.open(remote.toFile())) {
            Iterable<RevCommit> log = git.log().call();
            assertThat(StreamSupport.stream(log.spliterator(), false).map(RevCommit::getShortMessage))
                    .anyMatch(m -> m.contains("dev/workload/payments-api"));
        }
        Path clone = temp.resolve("check");
        Git.cloneRepository().setURI(remote.toUri().toString()).setDirectory(clone.toFile()).call().close();
        String deployment = Files.readString(clone.resolve("dev/payments-api/deployment.yaml"));
        assertThat(deployment).contains("registry.acme.example/payments/payments-api:6.3.0")
                .contains("app.kubernetes.io/managed-by: paved");
        String configMap;
        try (var files = Files.list(clone.resolve("dev/payments-api"))) {
            Path env = files.filter(f -> f.getFileName().toString().contains("configmap")).findFirst().orElseThrow();
            configMap = Files.readString(env);
        }
        assertThat(configMap).as("dependency outputs are wired in").contains("payments-api-db.dev.local")
                .doesNotContain("${dependencies");

        ValidateCommandTest.Run again = ValidateCommandTest.run("plan", repo.toString(), "--env", "dev",
                "--detailed-exitcode", "--config", config.toString());
        assertThat(again.exitCode()).as(again.out()).isZero();
        assertThat(again.out()).startsWith("No changes.");
    }
}
