package dev.paved.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.core.finding.Finding;
import dev.paved.core.testing.GitFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit read from Git lists the same declaration files, with the same findings, as a checkout of it read as a
 * directory: the two share their rules, and this proves they apply them alike.
 */
class GitCommitSnapshotTest {

    @TempDir
    Path temp;

    private Path write(Path root, String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static void link(Path root, String link, String target) throws IOException {
        Path at = root.resolve(link);
        Files.createDirectories(at.getParent());
        Files.createSymbolicLink(at, Path.of(target));
    }

    /** Files, sizes, contents and findings of a snapshot, to compare two of them. */
    private static List<String> described(Snapshot snapshot) throws IOException {
        List<String> lines = new ArrayList<>();
        for (SourceFile file : snapshot.files()) {
            lines.add(file.path() + " " + file.size() + " " + new String(snapshot.read(file), StandardCharsets.UTF_8));
        }
        snapshot.findings().stream().sorted().forEach(f -> lines.add(f.toString())); // validation sorts them
        return lines;
    }

    @Test
    void aCommitListsWhatACheckoutOfItLists() throws IOException {
        Path repo = temp.resolve("repo");
        write(repo, "services/b.yaml", "b");
        write(repo, "services/a.yml", "a");
        write(repo, "services/notes.md", "not yaml");
        write(repo, "teams/x.YAML", "x");
        write(repo, ".github/workflows/ci.yaml", "hidden folder");
        write(repo, "services/.draft.yaml", "hidden file");
        write(repo, "policy/data.yaml", "policy data");
        write(repo, "templates/web-api/service.yaml", "a template");
        write(repo, "nested/policy/kept.yaml", "only the top-level policy/ is reserved");
        write(repo, "docs/site/config.yaml", "ignored by glob");
        write(repo, "mkdocs.yml", "ignored by name");
        write(repo, ".pavedignore", "# not declarations\ndocs/**\nmkdocs.yml\n");
        write(repo, "shared/team.yaml", "inside");
        write(temp, "outside/secret.yaml", "outside");
        link(repo, "teams/inside.yaml", "../shared/team.yaml");
        link(repo, "linked", "shared");
        link(repo, "teams/through-a-linked-folder.yaml", "../linked/./team.yaml");
        link(repo, "teams/escape.yaml", "../../outside/secret.yaml");
        link(repo, "teams/absolute.yaml", temp.resolve("outside/secret.yaml").toString());
        link(repo, "teams/dangling.yaml", "../nothing.yaml");
        link(repo, "teams/loop-a.yaml", "loop-b.yaml");
        link(repo, "teams/loop-b.yaml", "loop-a.yaml");
        link(repo, "teams/a-folder.yaml", "../shared");
        String commit;
        try (GitFixture git = GitFixture.init(repo)) {
            commit = git.commit("everything");
        }

        GitCommitSnapshot snapshot;
        try (GitRepository git = GitRepository.open(repo)) {
            snapshot = git.snapshot(commit);
            assertThat(described(snapshot)).isEqualTo(described(DirectorySnapshot.open(repo)));
        }
        assertThat(snapshot.revision()).isEqualTo(commit);
        assertThat(snapshot.files()).extracting(SourceFile::path).containsExactly("nested/policy/kept.yaml",
                "services/a.yml", "services/b.yaml", "shared/team.yaml", "teams/inside.yaml",
                "teams/through-a-linked-folder.yaml", "teams/x.YAML");
        assertThat(snapshot.findings()).extracting(f -> f.location().file() + ": " + f.message()).containsExactly(
                "teams/absolute.yaml: symbolic link points outside the repo; Paved only reads files inside the"
                        + " platform repo",
                "teams/dangling.yaml: symbolic link points outside the repo (or nowhere); Paved only reads files"
                        + " inside the platform repo",
                "teams/escape.yaml: symbolic link points outside the repo; Paved only reads files inside the"
                        + " platform repo",
                "teams/loop-a.yaml: symbolic link points outside the repo (or nowhere); Paved only reads files"
                        + " inside the platform repo",
                "teams/loop-b.yaml: symbolic link points outside the repo (or nowhere); Paved only reads files"
                        + " inside the platform repo");
    }

    @Test
    void filesAreReadFromTheCommitNotFromTheWorkTree() throws IOException {
        Path repo = temp.resolve("repo");
        write(repo, "teams/payments.yaml", "committed");
        String commit;
        try (GitFixture git = GitFixture.init(repo)) {
            commit = git.commit("one team");
        }
        write(repo, "teams/payments.yaml", "edited since");
        write(repo, "teams/new.yaml", "not committed");

        try (GitRepository git = GitRepository.open(repo)) {
            GitCommitSnapshot snapshot = git.snapshot(commit);

            assertThat(snapshot.files()).containsExactly(new SourceFile("teams/payments.yaml", 9));
            assertThat(new String(snapshot.read(snapshot.files().get(0)), StandardCharsets.UTF_8))
                    .isEqualTo("committed");
            assertThatThrownBy(() -> snapshot.read(new SourceFile("teams/new.yaml", 13)))
                    .hasMessageContaining("teams/new.yaml: not a file of commit " + commit);
        }
    }

    @Test
    void aFolderOfTheRepositoryIsAPlatformRepoOfItsOwn() throws IOException {
        Path repo = temp.resolve("repo");
        write(repo, "platform/teams/payments.yaml", "payments");
        write(repo, "platform/.pavedignore", "drafts/**\n");
        write(repo, "platform/drafts/team.yaml", "ignored");
        write(repo, "platform/policy/main.rego", "package main\n");
        write(repo, "platform/policy/lib/util.rego", "package lib\n");
        write(repo, "other/team.yaml", "not in the platform repo");
        link(repo, "platform/teams/other.yaml", "../../other/team.yaml");
        String commit;
        try (GitFixture git = GitFixture.init(repo)) {
            commit = git.commit("a monorepo");
        }

        try (GitRepository git = GitRepository.open(repo.resolve("platform"))) {
            GitCommitSnapshot snapshot = git.snapshot(commit);

            assertThat(git.folder()).isEqualTo("platform");
            assertThat(described(snapshot)).isEqualTo(described(DirectorySnapshot.open(repo.resolve("platform"))));
            assertThat(snapshot.files()).extracting(SourceFile::path).containsExactly("teams/payments.yaml");
            assertThat(snapshot.findings()).extracting(Finding::ruleId).containsExactly("load.symlink-escape");

            Path exported = temp.resolve("exported");
            assertThat(snapshot.export("policy", exported)).isTrue();
            assertThat(Files.readString(exported.resolve("lib/util.rego"))).isEqualTo("package lib\n");
            assertThat(Files.readString(exported.resolve("main.rego"))).isEqualTo("package main\n");
            assertThat(snapshot.export("templates", temp.resolve("none"))).isFalse();
            assertThat(temp.resolve("none")).doesNotExist();
        }
    }
}
