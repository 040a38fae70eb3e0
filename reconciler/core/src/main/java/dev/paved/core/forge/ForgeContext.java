package dev.paved.core.forge;

import dev.paved.core.PavedException;
import java.util.Optional;

/**
 * A forge client and what the CI job's environment says about the change being checked.
 *
 * @param forge          the client, bound to the repository (GitHub) or project (GitLab)
 * @param pullRequest    the pull (merge) request the job runs for, when it runs for one
 * @param headSha        the commit at the head of that pull request, which statuses are set on
 * @param jobUrl         a link to the running CI job or workflow run, for statuses' details links
 * @param gitCredentials how to push to the repository over https with the same token
 * @param missing        why there is no pull request, in words, for the message when one is needed
 */
public record ForgeContext(Forge forge, Optional<PullRequestRef> pullRequest, Optional<String> headSha,
                           Optional<String> jobUrl, GitCredentials gitCredentials, String missing) {

    /** @throws PavedException saying which variables were looked at, when the job is not for a pull request */
    public PullRequestRef requirePullRequest() {
        return pullRequest.orElseThrow(() -> new PavedException(forge.kind() + ": no pull request to post to: "
                + missing));
    }

    /** @throws PavedException when the environment names no commit */
    public String requireHeadSha() {
        return headSha.orElseThrow(() -> new PavedException(forge.kind() + ": no commit to set statuses on: "
                + (forge.kind() == ForgeKind.GITHUB ? "GITHUB_SHA is not set"
                : "neither CI_MERGE_REQUEST_SOURCE_BRANCH_SHA nor CI_COMMIT_SHA is set")));
    }
}
