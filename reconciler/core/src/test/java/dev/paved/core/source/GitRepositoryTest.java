package dev.paved.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.core.testing.GitFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a change touches, as {@code git diff base...head} says, on real repositories. */
class GitRepositoryTest {

    @TempDir
    Path temp;

    private Path repo;

    private void write(String path, String content) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private GitFixture repoWithABranch() throws IOException {
        repo = temp.resolve("repo");
        write("teams/a.yaml", "a");
        write("teams/b.yaml", "a file long enough to be recognised after a rename\n".repeat(4));
        write("teams/c.yaml", "c");
        write("platform/x.yaml", "x");
        GitFixture git = GitFixture.init(repo);
        git.commit("base");
        git.branch("feature");
        write("teams/a.yaml", "a, changed");
        Files.move(repo.resolve("teams/b.yaml"), repo.resolve("teams/b2.yaml"));
        Files.delete(repo.resolve("teams/c.yaml"));
        write("teams/d.yaml", "new");
        write("platform/x.yaml", "x, changed");
        git.commit("the change");
        git.checkout("main");
        write("teams/on-main.yaml", "merged into main after the branch left it");
        git.commit("meanwhile on main");
        git.checkout("feature");
        return git;
    }

    @Test
    void aChangeIsWhatHeadChangedSinceItLeftBase() throws IOException {
        try (GitFixture fixture = repoWithABranch(); GitRepository git = GitRepository.open(repo)) {
            ChangedFiles changes = git.changes("main", "HEAD");

            assertThat(changes.list()).containsExactly("platform/x.yaml", "teams/a.yaml", "teams/b2.yaml",
                    "teams/d.yaml");
            assertThat(changes.headCommit()).isEqualTo(git.resolve("feature"));
            assertThat(changes.baseCommit()).isEqualTo(git.resolve("main"));
            assertThat(changes.mergeBase()).isEqualTo(git.resolve("main~1")).isNotEqualTo(changes.baseCommit());
            assertThat(changes.base()).isEqualTo("main");
            assertThat(changes.head()).isEqualTo("HEAD");
        }
    }

    @Test
    void inAFolderOnlyItsFilesCountRelativeToIt() throws IOException {
        try (GitFixture fixture = repoWithABranch(); GitRepository git = GitRepository.open(repo.resolve("platform"))) {
            assertThat(git.changes("main", "feature").list()).containsExactly("x.yaml");
            assertThat(git.directory()).isEqualTo(repo.resolve("platform").toRealPath());
        }
    }

    @Test
    void revisionsThatDoNotResolveAreNamed() throws IOException {
        try (GitFixture fixture = repoWithABranch(); GitRepository git = GitRepository.open(repo)) {
            assertThatThrownBy(() -> git.changes("origin/main", "HEAD")).isInstanceOf(SourceException.class)
                    .hasMessageStartingWith("no commit 'origin/main' in " + repo.toRealPath())
                    .hasMessageContaining("fetch-depth: 0");
            assertThatThrownBy(() -> git.resolve("main..feature")).isInstanceOf(SourceException.class)
                    .hasMessageContaining("main..feature");
        }
    }

    @Test
    void historiesWithoutACommonAncestorCannotBeCompared() throws IOException, GitAPIException {
        try (GitFixture fixture = repoWithABranch(); GitRepository git = GitRepository.open(repo)) {
            fixture.git().checkout().setOrphan(true).setName("unrelated").call();
            fixture.commit("a history of its own");

            assertThatThrownBy(() -> git.changes("main", "unrelated")).isInstanceOf(SourceException.class)
                    .hasMessageStartingWith("'main' and 'unrelated' have no common ancestor")
                    .hasMessageContaining("shallow clone");
        }
    }

    @Test
    void aFolderOutsideGitIsRefused() throws IOException {
        Path plain = Files.createDirectories(temp.resolve("plain"));

        assertThatThrownBy(() -> GitRepository.open(plain)).isInstanceOf(SourceException.class)
                .hasMessageEndingWith("plain: not in a Git repository");
        assertThatThrownBy(() -> GitRepository.open(temp.resolve("missing"))).isInstanceOf(SourceException.class)
                .hasMessageEndingWith("missing: no such directory");
    }
}
