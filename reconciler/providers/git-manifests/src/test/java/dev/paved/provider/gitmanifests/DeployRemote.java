package dev.paved.provider.gitmanifests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.RefSpec;

/**
 * A real bare repository standing in for the deploy repo's remote, and a clone of it that plays "someone
 * else": the person or tool that pushes to the deploy repo behind Paved's back.
 */
final class DeployRemote {

    static final String BRANCH = "main";

    private final Path bare;
    private final Path clone;

    private DeployRemote(Path bare, Path clone) {
        this.bare = bare;
        this.clone = clone;
    }

    /** A bare repository with one commit (a README) on main. */
    static DeployRemote withInitialCommit(Path dir) throws IOException, GitAPIException {
        DeployRemote remote = empty(dir);
        remote.push("README.md", "# deploy repo\n", "initial commit");
        return remote;
    }

    /** A bare repository without any commit. */
    static DeployRemote empty(Path dir) throws GitAPIException {
        Path bare = dir.resolve("remote.git");
        try (Git git = Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch(BRANCH).call()) {
            // no background gc racing the temporary directory's clean-up
            git.getRepository().getConfig().setBoolean("receive", null, "autogc", false);
            git.getRepository().getConfig().save();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new DeployRemote(bare, dir.resolve("someone-else"));
    }

    String url() {
        return bare.toUri().toString();
    }

    Path bare() {
        return bare;
    }

    /** Commits a file as someone else and pushes it to main. */
    void push(String path, String content, String message) throws IOException, GitAPIException {
        try (Git git = freshClone()) {
            Path file = clone.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            git.add().addFilepattern(path).call();
            PersonIdent someone = new PersonIdent("Someone Else", "someone@example.com");
            git.commit().setMessage(message).setAuthor(someone).setCommitter(someone).setSign(false).call();
            git.push().setRemote("origin").setRefSpecs(new RefSpec("HEAD:refs/heads/" + BRANCH)).call();
        }
    }

    /** The content of a file at the head of main, or null. */
    String read(String path) throws IOException, GitAPIException {
        freshClone().close();
        Path file = clone.resolve(path);
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    }

    /** The files under a directory at the head of main, as paths relative to the repository root. */
    List<String> list(String directory) throws IOException, GitAPIException {
        freshClone().close();
        try (var files = Files.walk(clone.resolve(directory))) {
            return files.filter(Files::isRegularFile).map(f -> clone.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (java.nio.file.NoSuchFileException e) {
            return List.of();
        }
    }

    /** The commits on main, newest first. */
    List<RevCommit> log() throws IOException, GitAPIException {
        try (Git git = Git.open(bare.toFile())) {
            if (git.getRepository().resolve("refs/heads/" + BRANCH) == null) {
                return List.of();
            }
            List<RevCommit> commits = new ArrayList<>();
            git.log().add(git.getRepository().resolve("refs/heads/" + BRANCH)).call().forEach(commits::add);
            return commits;
        }
    }

    private Git freshClone() throws IOException, GitAPIException {
        if (Files.exists(clone)) {
            org.eclipse.jgit.util.FileUtils.delete(clone.toFile(), org.eclipse.jgit.util.FileUtils.RECURSIVE);
        }
        // init and fetch rather than clone, so that gc is off before the first fetch could start it
        Git git = Git.init().setDirectory(clone.toFile()).setInitialBranch(BRANCH).call();
        git.getRepository().getConfig().setString("remote", "origin", "url", url());
        git.getRepository().getConfig().setInt("gc", null, "auto", 0);
        git.getRepository().getConfig().save();
        if (!log().isEmpty()) {
            git.fetch().setRemote("origin").setRefSpecs(new RefSpec("+refs/heads/*:refs/remotes/origin/*")).call();
            git.reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD).setRef("origin/" + BRANCH).call();
        }
        return git;
    }
}
