package dev.paved.core.scaffold;

import dev.paved.core.forge.ForgeContext;
import dev.paved.core.forge.ForgeEnvironment;
import dev.paved.core.forge.ForgeKind;
import dev.paved.core.forge.NewPullRequest;
import dev.paved.core.forge.PullRequest;
import dev.paved.core.forge.RemoteUrl;
import dev.paved.core.source.GitWorkTree;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code paved new} from start to end: scaffold and validate the declaration ({@link ScaffoldService}), commit it
 * alone on a new branch, push the branch to {@code origin} and open the pull request. Everything that can be
 * checked before a file is written is checked first: the work tree is clean, HEAD is on a branch, the new branch
 * is free, and with a pull request to open, the forge's token is there.
 */
public final class GoldenPath {

    /** The remote a branch is pushed to. */
    public static final String REMOTE = "origin";

    /**
     * How the scaffold is published.
     *
     * @param commit  commit it on a new branch (false: write and validate only)
     * @param branch  the new branch, or null for {@code paved/new-KIND-NAME}
     * @param base    the branch the pull request targets, or null for the branch checked out
     * @param openPr  the forge to open the pull request on, after pushing
     * @param forges  builds the forge client from the environment and the origin remote
     */
    public record Publishing(boolean commit, String branch, String base, Optional<ForgeKind> openPr,
                             ForgeEnvironment forges) {
    }

    /** The commit made: its id, the new branch and the branch it was made from. */
    public record Commit(String id, String branch, String base) {
    }

    /** What happened: the scaffold always; a commit and a pull request when asked for and the scaffold passed. */
    public record Outcome(ScaffoldResult scaffold, Optional<Commit> commit, Optional<PullRequest> pullRequest) {
    }

    private final ScaffoldService scaffolds;

    public GoldenPath(ScaffoldService scaffolds) {
        this.scaffolds = scaffolds;
    }

    public Outcome run(Path repo, ScaffoldRequest request, Publishing publishing) {
        if (!publishing.commit()) {
            return new Outcome(scaffolds.scaffold(repo, request), Optional.empty(), Optional.empty());
        }
        try (GitWorkTree git = GitWorkTree.open(repo)) {
            List<String> changes = git.changes(git.pathOf(repo));
            if (!changes.isEmpty()) {
                throw new ScaffoldException("the work tree has uncommitted changes (" + String.join(", ",
                        changes.subList(0, Math.min(5, changes.size()))) + (changes.size() > 5 ? ", …" : "")
                        + "); commit or stash them first, so that what is validated is what is committed, or pass"
                        + " --no-commit");
            }
            String base = publishing.base() != null ? publishing.base() : git.branch().orElseThrow(() ->
                    new ScaffoldException("HEAD is not on a branch; check out the branch the " + request.noun()
                            + " is for, or pass --base BRANCH"));
            String branch = publishing.branch() != null ? publishing.branch()
                    : "paved/new-" + request.noun() + "-" + request.name();
            if (git.hasBranch(branch)) {
                throw new ScaffoldException("branch '" + branch + "' already exists; pass --branch NAME");
            }
            Optional<ForgeContext> forge = publishing.openPr().map(kind -> publishing.forges().context(kind,
                    git.remoteUrl(REMOTE).flatMap(RemoteUrl::parse)));
            if (forge.isPresent() && git.remoteUrl(REMOTE).isEmpty()) {
                throw new ScaffoldException("there is no '" + REMOTE + "' remote to push the branch to");
            }
            ScaffoldResult scaffold = scaffolds.scaffold(repo, request);
            if (!scaffold.accepted()) {
                return new Outcome(scaffold, Optional.empty(), Optional.empty());
            }
            String path = git.pathOf(repo.resolve(scaffold.rendered().path()));
            String id = git.commitOnNewBranch(branch, path, Descriptions.commitMessage(request, scaffold));
            Commit commit = new Commit(id, branch, base);
            if (forge.isEmpty()) {
                return new Outcome(scaffold, Optional.of(commit), Optional.empty());
            }
            git.push(REMOTE, branch, forge.get().gitCredentials().username(), forge.get().gitCredentials().token());
            PullRequest opened = forge.get().forge().openPullRequest(new NewPullRequest(
                    Descriptions.title(request, scaffold), branch, base, Descriptions.body(request, scaffold)));
            return new Outcome(scaffold, Optional.of(commit), Optional.of(opened));
        }
    }
}
