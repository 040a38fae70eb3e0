package dev.paved.daemon.cycle;

import dev.paved.core.source.GitCommitSnapshot;
import dev.paved.core.source.SourceException;
import dev.paved.daemon.signing.CommitSignatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * The platform repo as the daemon sees it: a bare clone in the state directory, fetched from the remote at the
 * start of every cycle. The remote is an https URL (with a token), a {@code file:} URL or a local path; the ref is
 * a branch or a tag. Only this class talks to the remote; the commits it fetched are read without a checkout.
 */
public final class RepoSource implements AutoCloseable {

    /**
     * @param remote    https URL, file URL or path of the platform repo's Git repository
     * @param ref       a branch ({@code main}) or tag ({@code v1.2.0}), or a full ref ({@code refs/tags/v1})
     * @param folder    the platform repo's folder within the Git repository, {@code ""} at its top
     * @param token     for https remotes: the token, sent as the password of user {@code x-access-token}
     * @param directory where the bare clone is kept
     */
    public record Settings(String remote, String ref, String folder, Optional<String> token, Path directory) {

        @Override
        public String toString() {
            return "Settings[remote=" + remote + ", ref=" + ref + ", folder=" + folder + ", token="
                    + token.map(t -> "***").orElse("none") + ", directory=" + directory + "]";
        }
    }

    private static final String FETCHED = "refs/paved/fetched";

    private final Settings settings;
    private final Git git;
    private final CommitSignatures signatures;

    private RepoSource(Settings settings, Git git, CommitSignatures signatures) {
        this.settings = settings;
        this.git = git;
        this.signatures = signatures;
    }

    /** Opens the bare clone, making an empty one the first time. Nothing is fetched yet. Signatures are not checked. */
    public static RepoSource open(Settings settings) {
        return open(settings, CommitSignatures.ANY);
    }

    /** As {@link #open(Settings)}, with the signatures a fetched commit needs to be applied. */
    public static RepoSource open(Settings settings, CommitSignatures signatures) {
        try {
            Path directory = settings.directory();
            Git git = Files.isDirectory(directory.resolve("objects"))
                    ? Git.open(directory.toFile())
                    : Git.init().setBare(true).setDirectory(directory.toFile()).call();
            return new RepoSource(settings, git, signatures);
        } catch (IOException | GitAPIException e) {
            throw new SourceException("open the clone of the platform repo at " + settings.directory() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Fetches the ref from the remote and returns the commit it points at.
     *
     * @throws SourceException when the remote cannot be reached or has no such ref; the message never holds the token
     */
    public String fetch() {
        String remoteRef = settings.ref().startsWith("refs/") ? settings.ref() : null;
        List<String> candidates = remoteRef != null ? List.of(remoteRef)
                : List.of("refs/heads/" + settings.ref(), "refs/tags/" + settings.ref());
        SourceException last = null;
        for (String candidate : candidates) {
            try {
                var fetch = git.fetch().setRemote(settings.remote())
                        .setRefSpecs(new RefSpec("+" + candidate + ":" + FETCHED)).setTagOpt(null);
                settings.token().ifPresent(token -> fetch.setCredentialsProvider(
                        new UsernamePasswordCredentialsProvider("x-access-token", token)));
                fetch.call();
                ObjectId id = git.getRepository().resolve(FETCHED + "^{commit}");
                if (id != null) {
                    return id.name();
                }
            } catch (GitAPIException | IOException | RuntimeException e) {
                last = new SourceException("fetch " + settings.ref() + " from " + settings.remote() + ": "
                        + masked(e.getMessage()), e);
                if (!isMissingRef(e)) {
                    throw last;
                }
            }
        }
        throw last != null ? last : new SourceException("fetch " + settings.ref() + " from " + settings.remote()
                + ": no such branch or tag");
    }

    /** The platform repo at a commit this source fetched. */
    public GitCommitSnapshot snapshot(String commit) {
        Repository repository = git.getRepository();
        return GitCommitSnapshot.of(repository, ObjectId.fromString(commit), settings.folder());
    }

    /**
     * Why a commit this source fetched must not be applied for want of a good signature by a trusted key; empty when
     * it is signed by one, or when signatures are not required.
     */
    public Optional<String> signatureRefusal(String commit) {
        return signatures.refusal(git.getRepository(), commit);
    }

    public Settings settings() {
        return settings;
    }

    private static boolean isMissingRef(Exception e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Remote does not have") || message.contains("not found");
    }

    private String masked(String message) {
        String text = String.valueOf(message);
        return settings.token().map(token -> text.replace(token, "***")).orElse(text);
    }

    @Override
    public void close() {
        git.close();
    }
}
