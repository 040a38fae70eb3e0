package dev.paved.daemon.cycle;

import dev.paved.core.source.GitCommitSnapshot;
import dev.paved.core.source.SourceException;
import dev.paved.daemon.signing.CommitSignatures;
import dev.paved.provider.Secret;
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
 * start of every cycle. The remote is an https URL (with a token), an ssh URL (with a key, and a host key that must
 * be known: {@link SshSettings}), a {@code file:} URL or a local path; the ref is a branch or a tag. Only this class
 * talks to the remote; the commits it fetched are read without a checkout.
 */
public final class RepoSource implements AutoCloseable {

    /**
     * @param remote    https URL, file URL or path of the platform repo's Git repository
     * @param ref       a branch ({@code main}) or tag ({@code v1.2.0}), or a full ref ({@code refs/tags/v1})
     * @param folder    the platform repo's folder within the Git repository, {@code ""} at its top
     * @param token     for https remotes: the token, sent as the password of user {@code x-access-token}
     * @param directory where the bare clone is kept
     * @param ssh       for ssh remotes: the key and the known hosts
     */
    public record Settings(String remote, String ref, String folder, Optional<String> token, Path directory,
                           SshSettings ssh) {

        /** A remote that is not reached over ssh. */
        public Settings(String remote, String ref, String folder, Optional<String> token, Path directory) {
            this(remote, ref, folder, token, directory, SshSettings.none());
        }

        @Override
        public String toString() {
            return "Settings[remote=" + remote + ", ref=" + ref + ", folder=" + folder + ", token="
                    + token.map(t -> "***").orElse("none") + ", directory=" + directory + ", ssh=" + ssh + "]";
        }
    }

    private static final String FETCHED = "refs/paved/fetched";

    private final Settings settings;
    private final Git git;
    private final CommitSignatures signatures;
    private final SshTransports ssh;

    private RepoSource(Settings settings, Git git, CommitSignatures signatures, SshTransports ssh) {
        this.settings = settings;
        this.git = git;
        this.signatures = signatures;
        this.ssh = ssh;
    }

    /**
     * Opens the bare clone, making an empty one the first time. Nothing is fetched yet. Signatures are not checked.
     *
     * @throws SourceException when the clone cannot be opened, or an ssh remote has no readable key
     */
    public static RepoSource open(Settings settings) {
        return open(settings, CommitSignatures.ANY);
    }

    /** As {@link #open(Settings)}, with the signatures a fetched commit needs to be applied. */
    public static RepoSource open(Settings settings, CommitSignatures signatures) {
        SshTransports ssh = SshTransports.isSsh(settings.remote())
                ? SshTransports.open(settings.remote(), settings.ssh()) : null;
        try {
            Path directory = settings.directory();
            Git git = Files.isDirectory(directory.resolve("objects"))
                    ? Git.open(directory.toFile())
                    : Git.init().setBare(true).setDirectory(directory.toFile()).call();
            return new RepoSource(settings, git, signatures, ssh);
        } catch (IOException | GitAPIException e) {
            if (ssh != null) {
                ssh.close();
            }
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
                if (ssh != null) {
                    fetch.setTransportConfigCallback(ssh::configure);
                }
                fetch.call();
                ObjectId id = git.getRepository().resolve(FETCHED + "^{commit}");
                if (id != null) {
                    return id.name();
                }
            } catch (GitAPIException | IOException | RuntimeException e) {
                String why = masked(e.getMessage());
                last = new SourceException("fetch " + settings.ref() + " from " + settings.remote() + ": "
                        + (ssh == null ? why : masked(ssh.explain(why))), e);
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

    /** The message without the token or the ssh key's passphrase, should a library ever put them in one. */
    private String masked(String message) {
        String text = String.valueOf(message);
        for (Optional<String> secret : List.of(settings.token(), settings.ssh().passphrase().map(Secret::reveal))) {
            if (secret.isPresent() && !secret.get().isEmpty()) {
                text = text.replace(secret.get(), "***");
            }
        }
        return text;
    }

    @Override
    public void close() {
        git.close();
        if (ssh != null) {
            ssh.close();
        }
    }
}
