package dev.paved.provider.gitmanifests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.AddCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.RmCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.util.FileUtils;

/**
 * The instance's clone of the deploy repo: the only class that touches JGit. Not thread-safe; the provider
 * serialises calls. Live state is always read from the remote-tracking branch after a fetch, never from the
 * work tree, and every change starts from a hard reset to it, so a failed push leaves nothing behind.
 */
final class DeployRepo implements AutoCloseable {

    /** Files larger than this are never Paved's manifests; they are read as present but empty. */
    private static final int MAX_MANIFEST_BYTES = 4 << 20;
    private static final String REMOTE = "origin";

    /** How a push ended: pushed, refused because the branch moved meanwhile, or refused for another reason. */
    enum PushStatus { PUSHED, MOVED, REFUSED }

    record Pushed(PushStatus status, String detail) {
    }

    private final GitManifestsSettings settings;
    private Git git;

    DeployRepo(GitManifestsSettings settings) {
        this.settings = settings;
    }

    /** Fetches every branch of the remote (a missing branch is not an error: it reads as empty). */
    void fetch() throws GitAPIException, IOException {
        git().fetch().setRemote(REMOTE).setRemoveDeletedRefs(true)
                .setRefSpecs(new RefSpec("+refs/heads/*:refs/remotes/" + REMOTE + "/*"))
                .setCredentialsProvider(credentials()).setTimeout(settings.timeoutSeconds()).call();
    }

    /** Puts the local branch, index and work tree exactly at the fetched remote branch (or empty, unborn). */
    void resetToRemote() throws GitAPIException, IOException {
        Repository repository = git().getRepository();
        ObjectId remote = remoteHead();
        if (remote == null && (repository.resolve(Constants.HEAD) != null || repository.readDirCache()
                .getEntryCount() > 0)) {
            wipe();
            fetch();
            return;
        }
        repository.updateRef(Constants.HEAD).link(Constants.R_HEADS + settings.branch());
        if (remote != null) {
            git.reset().setMode(ResetCommand.ResetType.HARD).setRef(remote.name()).call();
        }
        git.clean().setCleanDirectories(true).setIgnore(false).setForce(true).call();
    }

    /** The files of one environment at the fetched remote branch. */
    DeployTree tree(String environment) throws IOException {
        ObjectId head = remoteHead();
        if (head == null) {
            return DeployTree.empty(environment);
        }
        Repository repository = git().getRepository();
        Map<String, byte[]> files = new TreeMap<>();
        try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
            RevCommit commit = walk.parseCommit(head);
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            tree.setFilter(PathFilter.create(environment));
            while (tree.next()) {
                if ((tree.getRawMode(0) & FileMode.TYPE_MASK) == FileMode.TYPE_FILE) {
                    ObjectLoader blob = repository.open(tree.getObjectId(0));
                    files.put(tree.getPathString(), blob.getSize() > MAX_MANIFEST_BYTES ? new byte[0]
                            : blob.getBytes());
                }
            }
        }
        return new DeployTree(environment, new TreeMap<>(files));
    }

    /** Writes and removes files in the work tree and stages them. */
    void apply(ChangeSet changes) throws GitAPIException, IOException {
        if (!changes.writes().isEmpty()) {
            AddCommand add = git().add();
            for (Map.Entry<String, String> file : changes.writes().entrySet()) {
                Path path = inWorkdir(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
                add.addFilepattern(file.getKey());
            }
            add.call();
        }
        if (!changes.removals().isEmpty()) {
            RmCommand rm = git().rm();
            for (String path : changes.removals()) {
                inWorkdir(path);
                rm.addFilepattern(path);
            }
            rm.call();
        }
    }

    /** Commits what is staged, as the configured author; returns the commit id. */
    String commit(String message) throws GitAPIException, IOException {
        PersonIdent author = new PersonIdent(settings.authorName(), settings.authorEmail());
        return git().commit().setMessage(message).setAuthor(author).setCommitter(author).setSign(Boolean.FALSE)
                .setNoVerify(true).call().name();
    }

    /** Pushes the local branch to the remote branch, fast-forward only. */
    Pushed push() throws GitAPIException, IOException {
        String ref = Constants.R_HEADS + settings.branch();
        Iterable<PushResult> results = git().push().setRemote(REMOTE).setRefSpecs(new RefSpec(ref + ":" + ref))
                .setCredentialsProvider(credentials()).setTimeout(settings.timeoutSeconds()).call();
        for (PushResult result : results) {
            for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                switch (update.getStatus()) {
                    case OK, UP_TO_DATE -> {
                    }
                    case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> {
                        return new Pushed(PushStatus.MOVED, update.getStatus().name());
                    }
                    default -> {
                        return new Pushed(PushStatus.REFUSED, update.getStatus().name()
                                + (update.getMessage() == null ? "" : ": " + update.getMessage()));
                    }
                }
            }
        }
        return new Pushed(PushStatus.PUSHED, "");
    }

    @Override
    public void close() {
        if (git != null) {
            git.close();
            git = null;
        }
    }

    private ObjectId remoteHead() throws IOException {
        return git().getRepository().resolve(Constants.R_REMOTES + REMOTE + "/" + settings.branch());
    }

    private Git git() throws IOException {
        if (git == null) {
            File workdir = settings.workdir().toFile();
            Files.createDirectories(settings.workdir());
            git = Files.exists(settings.workdir().resolve(".git")) ? Git.open(workdir) : init(workdir);
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", REMOTE, "url", settings.repository());
            config.setString("remote", REMOTE, "fetch", "+refs/heads/*:refs/remotes/" + REMOTE + "/*");
            // housekeeping inside the call that triggers it, so that no gc outlives close()
            config.setBoolean("gc", null, "autoDetach", false);
            config.save();
        }
        return git;
    }

    private Git init(File workdir) throws IOException {
        try {
            return Git.init().setDirectory(workdir).setInitialBranch(settings.branch()).call();
        } catch (GitAPIException e) {
            throw new IOException("cannot create a repository in " + workdir + ": " + e.getMessage(), e);
        }
    }

    /** Starts the clone over: the only way back to an unborn branch after a commit that was never pushed. */
    private void wipe() throws IOException {
        close();
        FileUtils.delete(settings.workdir().resolve(".git").toFile(), FileUtils.RECURSIVE);
        try (var entries = Files.list(settings.workdir())) {
            for (Path entry : entries.toList()) {
                FileUtils.delete(entry.toFile(), FileUtils.RECURSIVE);
            }
        }
    }

    private Path inWorkdir(String path) {
        Path resolved = settings.workdir().resolve(path).normalize();
        if (!resolved.startsWith(settings.workdir()) || resolved.startsWith(settings.workdir().resolve(".git"))) {
            throw new IllegalArgumentException("path " + path + " is outside the work tree");
        }
        return resolved;
    }

    private CredentialsProvider credentials() {
        return settings.token().map(token -> (CredentialsProvider) new UsernamePasswordCredentialsProvider(
                settings.username(), token.reveal())).orElse(null);
    }
}
