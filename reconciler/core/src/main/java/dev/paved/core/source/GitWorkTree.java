package dev.paved.core.source;

import dev.paved.core.report.Masking;
import dev.paved.provider.Secret;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * The Git work tree a platform repo is checked out in, for putting a change on a new branch and pushing it
 * ({@code paved new}). The platform repo may be a folder inside a larger work tree; paths here are relative to the
 * work tree's root. Messages never hold the token.
 */
public final class GitWorkTree implements AutoCloseable {

    private final Git git;
    private final Path root;

    private GitWorkTree(Git git) {
        this.git = git;
        this.root = git.getRepository().getWorkTree().toPath().toAbsolutePath().normalize();
    }

    /** @throws SourceException when {@code directory} is not inside a Git work tree */
    public static GitWorkTree open(Path directory) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment()
                .findGitDir(directory.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            throw new SourceException(directory + ": not in a Git work tree; run 'git init' and commit the repo"
                    + " first, or pass --no-commit");
        }
        try {
            Repository repository = builder.setMustExist(true).build();
            if (repository.isBare()) {
                repository.close();
                throw new SourceException(directory + ": a bare repository has no work tree");
            }
            return new GitWorkTree(new Git(repository));
        } catch (IOException e) {
            throw new SourceException(directory + ": cannot open the Git repository: " + e.getMessage(), e);
        }
    }

    /** The file's path relative to the work tree, with '/'. */
    public String pathOf(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path real = absolute;
        try {
            real = absolute.getParent().toRealPath().resolve(absolute.getFileName());
        } catch (IOException e) {
            // keep the path as given
        }
        Path realRoot = root;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            // keep the root as given
        }
        if (!real.startsWith(realRoot)) {
            throw new SourceException(file + ": outside the Git work tree " + root);
        }
        return DirectorySnapshot.slashed(realRoot.relativize(real));
    }

    /** The checked-out branch, or empty when HEAD is detached (or the repo has no commit yet). */
    public Optional<String> branch() {
        try {
            String full = git.getRepository().getFullBranch();
            return full != null && full.startsWith(Constants.R_HEADS) && git.getRepository()
                    .resolve(Constants.HEAD) != null ? Optional.of(Repository.shortenRefName(full)) : Optional.empty();
        } catch (IOException e) {
            throw new SourceException("read HEAD of " + root + ": " + e.getMessage(), e);
        }
    }

    public boolean hasBranch(String name) {
        try {
            return git.getRepository().exactRef(Constants.R_HEADS + name) != null;
        } catch (IOException e) {
            throw new SourceException("read branch " + name + " of " + root + ": " + e.getMessage(), e);
        }
    }

    /** The URL of a remote as configured, e.g. {@code origin}. */
    public Optional<String> remoteUrl(String remote) {
        return Optional.ofNullable(git.getRepository().getConfig().getString("remote", remote, "url"));
    }

    /** Uncommitted changes (staged, modified, deleted, untracked, conflicting) under {@code prefix}, sorted. */
    public List<String> changes(String prefix) {
        try {
            Status status = git.status().call();
            TreeSet<String> paths = new TreeSet<>();
            paths.addAll(status.getUncommittedChanges());
            paths.addAll(status.getUntracked());
            paths.addAll(status.getConflicting());
            String under = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
            return paths.stream().filter(p -> under.isEmpty() || p.startsWith(under)).toList();
        } catch (GitAPIException e) {
            throw new SourceException("git status in " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates {@code branch} at HEAD, checks it out, and commits only {@code path} on it, as the author Git's
     * configuration names. Commits are not signed. When the commit fails, the previous branch is checked out again
     * and the new one removed.
     *
     * @return the new commit's id
     */
    public String commitOnNewBranch(String branch, String path, String message) {
        Optional<String> previous = branch();
        if (previous.isEmpty()) {
            throw new SourceException(root + ": HEAD is not on a branch with a commit; check out the branch the"
                    + " change is for first");
        }
        if (hasBranch(branch)) {
            throw new SourceException("branch '" + branch + "' already exists in " + root + "; pass --branch NAME");
        }
        try {
            git.checkout().setCreateBranch(true).setName(branch).call();
        } catch (GitAPIException e) {
            throw new SourceException("create branch " + branch + ": " + e.getMessage(), e);
        }
        try {
            git.add().addFilepattern(path).call();
            RevCommit commit = git.commit().setOnly(path).setMessage(message).setSign(Boolean.FALSE).call();
            return commit.getId().name();
        } catch (GitAPIException | RuntimeException e) {
            undo(previous.get(), branch, path);
            throw new SourceException("commit " + path + " on " + branch + ": " + e.getMessage(), e);
        }
    }

    /**
     * Pushes {@code branch} to the same name on {@code remote} and makes it the branch's upstream.
     *
     * @param username with {@code token}, the https credentials; both null to use none (file and ssh remotes)
     */
    public void push(String remote, String branch, String username, Secret token) {
        if (remoteUrl(remote).isEmpty()) {
            throw new SourceException("push " + branch + ": there is no remote '" + remote + "' in " + root);
        }
        String ref = Constants.R_HEADS + branch;
        List<String> refused = new ArrayList<>();
        try {
            var push = git.push().setRemote(remote).setRefSpecs(new RefSpec(ref + ":" + ref));
            if (token != null) {
                push.setCredentialsProvider(new UsernamePasswordCredentialsProvider(username, token.reveal()));
            }
            for (PushResult result : push.call()) {
                for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                    if (update.getStatus() != RemoteRefUpdate.Status.OK
                            && update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
                        refused.add(update.getStatus() + (update.getMessage() == null ? "" : ": "
                                + update.getMessage()));
                    }
                }
            }
        } catch (GitAPIException | RuntimeException e) {
            throw new SourceException("push " + branch + " to " + remote + ": " + Masking.scrub(describe(e), token),
                    e);
        }
        if (!refused.isEmpty()) {
            throw new SourceException("push " + branch + " to " + remote + " was refused: "
                    + Masking.scrub(String.join("; ", refused), token));
        }
        StoredConfig config = git.getRepository().getConfig();
        config.setString("branch", branch, "remote", remote);
        config.setString("branch", branch, "merge", ref);
        try {
            config.save();
        } catch (IOException e) {
            throw new SourceException("set the upstream of " + branch + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        git.close();
    }

    private void undo(String previous, String branch, String path) {
        try {
            git.reset().addPath(path).call();
            git.checkout().setName(previous).call();
            git.branchDelete().setBranchNames(branch).setForce(true).call();
        } catch (GitAPIException | RuntimeException e) {
            // the commit's failure is what the caller reports
        }
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            if (text.indexOf(message) < 0) {
                text.append(text.length() == 0 ? "" : ": ").append(message);
            }
        }
        return text.toString().replaceAll("\\s+", " ").strip();
    }
}
