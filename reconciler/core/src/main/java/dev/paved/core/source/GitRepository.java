package dev.paved.core.source;

import java.io.File;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * A platform repo in a local Git repository: its commits as {@link GitCommitSnapshot}s and what a change between
 * two revisions touches. The platform repo is the folder given to {@link #open}: the top of a work tree, a folder
 * of one, or a bare repository.
 */
public final class GitRepository implements AutoCloseable {

    private final Repository repository;
    private final Path directory;
    private final String folder;

    private GitRepository(Repository repository, Path directory, String folder) {
        this.repository = repository;
        this.directory = directory;
        this.folder = folder;
    }

    /** @throws SourceException when {@code path} does not exist or is not inside a Git repository */
    public static GitRepository open(Path path) {
        Path real;
        try {
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            throw new SourceException(path + ": no such directory");
        } catch (IOException e) {
            throw new SourceException(path + ": " + e.getMessage(), e);
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        if (RepositoryCache.FileKey.isGitRepository(real.toFile(), FS.DETECTED)) {
            builder.setGitDir(real.toFile());
        } else {
            builder.findGitDir(real.toFile());
        }
        if (builder.getGitDir() == null) {
            throw new SourceException(path + ": not in a Git repository");
        }
        try {
            Repository repository = builder.build();
            File workTree = repository.isBare() ? null : repository.getWorkTree();
            String folder = workTree == null ? "" : DirectorySnapshot.slashed(workTree.toPath().toRealPath()
                    .relativize(real));
            return new GitRepository(repository, real, folder);
        } catch (IOException | IllegalArgumentException e) {
            throw new SourceException(path + ": cannot open the Git repository: " + e.getMessage(), e);
        }
    }

    /** The platform repo's folder, as opened. */
    public Path directory() {
        return directory;
    }

    /** The top of the work tree (a bare repository's own directory): what a clone of this repository reads. */
    public Path top() {
        File workTree = repository.isBare() ? repository.getDirectory() : repository.getWorkTree();
        return workTree.toPath().toAbsolutePath().normalize();
    }

    /** The branch checked out; empty on a detached HEAD. */
    public java.util.Optional<String> branch() {
        try {
            String full = repository.getFullBranch();
            return full != null && full.startsWith("refs/heads/")
                    ? java.util.Optional.of(full.substring("refs/heads/".length())) : java.util.Optional.empty();
        } catch (IOException e) {
            throw new SourceException("read HEAD of " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The platform repo's folder within the Git repository, with '/'; {@code ""} at its top. */
    public String folder() {
        return folder;
    }

    /** The commit id {@code revision} (a branch, tag, {@code HEAD~1}, an id) names. */
    public String resolve(String revision) {
        try {
            ObjectId id = repository.resolve(revision + "^{commit}");
            if (id == null) {
                throw new SourceException("no commit '" + revision + "' in " + directory + " (in CI, fetch it first,"
                        + " e.g. 'git fetch origin main', or check out with fetch-depth: 0)");
            }
            return id.name();
        } catch (RevisionSyntaxException e) {
            throw new SourceException("'" + revision + "' is not a revision: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SourceException("resolve '" + revision + "' in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The platform repo at a commit. */
    public GitCommitSnapshot snapshot(String commit) {
        return GitCommitSnapshot.of(repository, ObjectId.fromString(commit), folder);
    }

    /** What {@code head} changes since it left {@code base}: the files that differ from their merge base. */
    public ChangedFiles changes(String base, String head) {
        String baseCommit = resolve(base);
        String headCommit = resolve(head);
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit baseRev = walk.parseCommit(ObjectId.fromString(baseCommit));
            RevCommit headRev = walk.parseCommit(ObjectId.fromString(headCommit));
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(baseRev);
            walk.markStart(headRev);
            RevCommit mergeBase = walk.next();
            if (mergeBase == null) {
                throw new SourceException("'" + base + "' and '" + head + "' have no common ancestor in " + directory
                        + " (a shallow clone? fetch their history, e.g. check out with fetch-depth: 0)");
            }
            return new ChangedFiles(base, baseCommit, head, headCommit, mergeBase.name(),
                    changedPaths(mergeBase, headRev));
        } catch (IOException e) {
            throw new SourceException("compare '" + base + "' and '" + head + "' in " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    private Set<String> changedPaths(RevCommit from, RevCommit to) throws IOException {
        try (DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            diff.setRepository(repository);
            diff.setDetectRenames(true);
            if (!folder.isEmpty()) {
                diff.setPathFilter(PathFilter.create(folder));
            }
            List<DiffEntry> entries = diff.scan(from.getTree(), to.getTree());
            Set<String> paths = new HashSet<>();
            for (DiffEntry entry : entries) {
                if (entry.getChangeType() != DiffEntry.ChangeType.DELETE) {
                    String path = entry.getNewPath();
                    paths.add(folder.isEmpty() ? path : path.substring(folder.length() + 1));
                }
            }
            return paths;
        }
    }

    @Override
    public void close() {
        repository.close();
    }
}
