package dev.paved.core.ci;

import dev.paved.core.forge.CommentResult;
import dev.paved.core.forge.Forge;
import dev.paved.core.forge.ForgeContext;
import dev.paved.core.forge.PullRequestRef;
import java.util.List;

/**
 * Puts the result of {@code paved ci} on the pull request: the comment, created once and updated in place on later
 * runs, and a commit status per environment ({@link CiStatuses}) on the pull request's head commit.
 */
public final class CiPoster {

    /** What was posted: the comment and the statuses set. */
    public record Posted(PullRequestRef pullRequest, CommentResult comment, List<CiStatuses.Status> statuses) {
    }

    private CiPoster() {
    }

    /**
     * @param comment the Markdown comment ({@code paved ci -o markdown})
     * @throws dev.paved.core.PavedException when the job is not for a pull request or names no commit
     * @throws dev.paved.core.forge.ForgeException when the forge refuses or cannot be reached
     */
    public static Posted post(ForgeContext forge, CiResult result, String comment) {
        PullRequestRef pullRequest = forge.requirePullRequest();
        String sha = forge.requireHeadSha();
        CommentResult posted = forge.forge().upsertComment(pullRequest, Forge.CI_MARKER, comment);
        List<CiStatuses.Status> statuses = CiStatuses.of(result);
        for (CiStatuses.Status status : statuses) {
            forge.forge().setStatus(sha, status.context(), status.state(), status.description(),
                    forge.jobUrl().orElse(null));
        }
        return new Posted(pullRequest, posted, statuses);
    }
}
