package dev.paved.core.testing;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Signer;

/**
 * A real Git repository in a temporary directory, for tests: commits of the work tree as it is, with a fixed
 * author, committer and clock, so the same content always gives the same commit ids (and golden files can show
 * them).
 */
public final class GitFixture implements AutoCloseable {

    private static final Instant EPOCH = Instant.parse("2026-01-05T09:00:00Z");

    private final Git git;
    private int commits;

    private GitFixture(Git git) {
        this.git = git;
    }

    /** A new repository in {@code dir} (created if needed, files there kept), on branch {@code main}. */
    public static GitFixture init(Path dir) {
        try {
            Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
            // blobs exactly as the files are, whatever the person running the tests configured globally
            git.getRepository().getConfig().setBoolean("core", null, "autocrlf", false);
            git.getRepository().getConfig().save();
            return new GitFixture(git);
        } catch (GitAPIException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path workTree() {
        return git.getRepository().getWorkTree().toPath();
    }

    public Git git() {
        return git;
    }

    /** Commits everything in the work tree (new, changed and deleted files); returns the commit id. */
    public String commit(String message) {
        return commit(message, null);
    }

    /** As {@link #commit(String)}, signed by {@code signer} (unsigned when it is null). */
    public String commit(String message, Signer signer) {
        try {
            git.add().addFilepattern(".").call();
            git.add().setUpdate(true).addFilepattern(".").call();
            PersonIdent who = new PersonIdent("Paved Test", "test@paved.example", EPOCH.plusSeconds(60L * commits++),
                    ZoneOffset.UTC);
            return git.commit().setMessage(message).setAuthor(who).setCommitter(who)
                    .setSign(signer != null).setSigner(signer).call().name();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates {@code branch} at the current commit and checks it out. */
    public void branch(String branch) {
        try {
            git.checkout().setCreateBranch(true).setName(branch).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public void checkout(String branch) {
        try {
            git.checkout().setName(branch).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
