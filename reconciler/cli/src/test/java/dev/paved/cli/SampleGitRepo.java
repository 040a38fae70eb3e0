package dev.paved.cli;

import dev.paved.core.testing.RepoFixture;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A copy of the sample platform repo as a real Git repository on {@code main}, one commit, with a bare repository
 * as its {@code origin}: what a person has after cloning the platform repo.
 */
final class SampleGitRepo {

    final Path work;
    final Path origin;

    private SampleGitRepo(Path work, Path origin) {
        this.work = work;
        this.origin = origin;
    }

    static SampleGitRepo create(Path temp) {
        Path work = RepoFixture.build(ValidateCommandTest.SAMPLE_REPO, null, temp.resolve("platform"));
        Path origin = temp.resolve("origin.git");
        try {
            Git.init().setBare(true).setInitialBranch("main").setDirectory(origin.toFile()).call().close();
            try (Git git = Git.init().setInitialBranch("main").setDirectory(work.toFile()).call()) {
                StoredConfig config = git.getRepository().getConfig();
                config.setString("user", null, "name", "Dana Developer");
                config.setString("user", null, "email", "dana@acme.example");
                config.setString("remote", "origin", "url", origin.toString());
                config.setString("remote", "origin", "fetch", "+refs/heads/*:refs/remotes/origin/*");
                config.save();
                git.add().addFilepattern(".").call();
                git.commit().setMessage("Acme platform").setSign(false).call();
                git.push().setRemote("origin").add("main").call();
            }
        } catch (GitAPIException | IOException e) {
            throw new IllegalStateException("set up the sample Git repo: " + e.getMessage(), e);
        }
        return new SampleGitRepo(work, origin);
    }

    Git open() {
        try {
            return Git.open(work.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the bare origin has the branch. */
    boolean originHas(String branch) {
        try (Git bare = Git.open(origin.toFile())) {
            return bare.getRepository().exactRef("refs/heads/" + branch) != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The commits of a branch, newest first, as short messages. */
    List<String> log(String branch) {
        try (Git git = open()) {
            return StreamSupport.stream(git.log().add(git.getRepository().resolve(branch)).call().spliterator(), false)
                    .map(RevCommit::getShortMessage).toList();
        } catch (GitAPIException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs paved with the given environment on top of the shared policy cache. */
    static ValidateCommandTest.Run paved(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> all = new HashMap<>(ValidateCommandTest.CACHED_POLICIES);
        all.putAll(env);
        return ValidateCommandTest.run(new Terminal(new PrintWriter(out), new PrintWriter(err), all, false), out, err,
                args);
    }
}
