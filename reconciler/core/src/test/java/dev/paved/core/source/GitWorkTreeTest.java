package dev.paved.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.provider.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Branch, commit and push on real repositories in temporary directories. */
class GitWorkTreeTest {

    @TempDir
    Path temp;

    private Path work;

    @BeforeEach
    void repository() throws IOException, GitAPIException {
        work = temp.resolve("work");
        Files.createDirectories(work.resolve("platform/services"));
        Files.writeString(work.resolve("README.md"), "monorepo\n");
        Files.writeString(work.resolve("platform/services/a.yaml"), "a\n");
        try (Git git = Git.init().setInitialBranch("main").setDirectory(work.toFile()).call()) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("user", null, "name", "Test Author");
            config.setString("user", null, "email", "author@example.com");
            config.save();
            git.add().addFilepattern(".").call();
            git.commit().setMessage("init").setSign(false).call();
        }
    }

    private static List<String> files(Git git, RevCommit commit) throws IOException {
        try (TreeWalk walk = new TreeWalk(git.getRepository())) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            List<String> files = new java.util.ArrayList<>();
            while (walk.next()) {
                files.add(walk.getPathString());
            }
            return files;
        }
    }

    @Test
    void onlyTheNewFileIsCommittedOnTheNewBranchInsideALargerWorkTree() throws IOException, GitAPIException {
        Path platform = work.resolve("platform");
        Files.writeString(platform.resolve("services/b.yaml"), "b\n");
        Files.writeString(work.resolve("README.md"), "changed elsewhere\n");

        String id;
        try (GitWorkTree tree = GitWorkTree.open(platform)) {
            assertThat(tree.pathOf(platform)).isEqualTo("platform");
            assertThat(tree.pathOf(work)).isEmpty();
            assertThat(tree.changes(tree.pathOf(platform))).containsExactly("platform/services/b.yaml");
            assertThat(tree.changes("")).containsExactly("README.md", "platform/services/b.yaml");
            assertThat(tree.branch()).hasValue("main");
            id = tree.commitOnNewBranch("paved/new-service-b", tree.pathOf(platform.resolve("services/b.yaml")),
                    "Add service b");
            assertThat(tree.branch()).hasValue("paved/new-service-b");
            assertThat(tree.changes("")).containsExactly("README.md");
        }
        try (Git git = Git.open(work.toFile())) {
            RevCommit commit = git.log().setMaxCount(1).call().iterator().next();
            assertThat(commit.getName()).isEqualTo(id);
            assertThat(commit.getFullMessage()).isEqualTo("Add service b");
            assertThat(commit.getAuthorIdent().getEmailAddress()).isEqualTo("author@example.com");
            assertThat(files(git, commit)).containsExactly("README.md", "platform/services/a.yaml",
                    "platform/services/b.yaml");
            assertThat(Files.readString(work.resolve("README.md"))).as("other changes are left alone")
                    .isEqualTo("changed elsewhere\n");
        }
    }

    @Test
    void anExistingBranchOrADetachedHeadIsRefused() throws IOException, GitAPIException {
        try (Git git = Git.open(work.toFile())) {
            git.branchCreate().setName("taken").call();
        }
        try (GitWorkTree tree = GitWorkTree.open(work)) {
            assertThat(tree.hasBranch("taken")).isTrue();
            assertThatThrownBy(() -> tree.commitOnNewBranch("taken", "README.md", "x"))
                    .isInstanceOf(SourceException.class).hasMessageContaining("branch 'taken' already exists");
        }
        try (Git git = Git.open(work.toFile())) {
            git.checkout().setName(git.getRepository().resolve("HEAD").name()).call();
        }
        try (GitWorkTree tree = GitWorkTree.open(work)) {
            assertThat(tree.branch()).isEmpty();
            assertThatThrownBy(() -> tree.commitOnNewBranch("new", "README.md", "x"))
                    .hasMessageContaining("HEAD is not on a branch");
        }
        assertThatThrownBy(() -> GitWorkTree.open(temp.resolve("elsewhere"))).isInstanceOf(SourceException.class)
                .hasMessageContaining("not in a Git work tree");
    }

    @Test
    void aPushLandsOnTheRemoteAndSetsTheUpstream() throws IOException, GitAPIException {
        Path remote = temp.resolve("origin.git");
        Git.init().setBare(true).setInitialBranch("main").setDirectory(remote.toFile()).call().close();
        try (Git git = Git.open(work.toFile())) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", "origin", "url", remote.toString());
            config.save();
        }
        Files.writeString(work.resolve("platform/services/c.yaml"), "c\n");

        try (GitWorkTree tree = GitWorkTree.open(work)) {
            assertThat(tree.remoteUrl("origin")).hasValue(remote.toString());
            String id = tree.commitOnNewBranch("paved/c", "platform/services/c.yaml", "Add c");
            tree.push("origin", "paved/c", "x-access-token", Secret.of("tok3n-not-needed-for-files"));
            try (Git bare = Git.open(remote.toFile())) {
                assertThat(bare.getRepository().resolve("refs/heads/paved/c").name()).isEqualTo(id);
                assertThat(StreamSupport.stream(bare.log().add(bare.getRepository().resolve("refs/heads/paved/c"))
                        .call().spliterator(), false).map(RevCommit::getShortMessage)).containsExactly("Add c", "init");
            }
            assertThatThrownBy(() -> tree.push("upstream", "paved/c", null, null))
                    .hasMessage("push paved/c: there is no remote 'upstream' in " + work.toRealPath());
        }
        try (Git git = Git.open(work.toFile())) {
            assertThat(git.getRepository().getConfig().getString("branch", "paved/c", "merge"))
                    .isEqualTo("refs/heads/paved/c");
        }
    }

    @Test
    void aPushThatFailsDoesNotPrintTheToken() throws IOException {
        try (Git git = Git.open(work.toFile())) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", "origin", "url", "https://x-access-token:s3cret-in-url@127.0.0.1:9/acme/p.git");
            config.save();
        }
        try (GitWorkTree tree = GitWorkTree.open(work)) {
            assertThatThrownBy(() -> tree.push("origin", "main", "x-access-token", Secret.of("s3cret-in-url")))
                    .isInstanceOf(SourceException.class).hasMessageStartingWith("push main to origin: ")
                    .hasMessageNotContaining("s3cret-in-url");
        }
    }
}
