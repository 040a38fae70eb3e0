package dev.paved.core.forge;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one comment per pull request and marker: found by its marker line, updated in place, created only when
 * there is none. Creating is not retried blindly: after a failure the forge may have acted on (a 5xx, a lost
 * connection), the comments are listed again, and the comment is updated if the first attempt did create it.
 */
final class StickyComment {

    private static final Logger log = LoggerFactory.getLogger(StickyComment.class);

    /** A comment as a forge lists it. */
    record Posted(long id, String body, Optional<String> url) {
    }

    /** The three calls a forge offers for comments on a pull request. */
    interface Api {
        /** Every comment a person or bot wrote, oldest first (GitLab's system notes left out). */
        List<Posted> list(PullRequestRef pullRequest);

        Posted create(PullRequestRef pullRequest, String body);

        Posted update(PullRequestRef pullRequest, long id, String body);
    }

    private StickyComment() {
    }

    static CommentResult upsert(Api api, PullRequestRef pullRequest, String markerName, String body) {
        CommentMarker marker = new CommentMarker(markerName);
        String stamped = marker.stamp(body);
        Optional<Posted> existing = find(api, pullRequest, marker);
        if (existing.isPresent()) {
            return update(api, pullRequest, existing.get(), stamped);
        }
        Posted created;
        try {
            created = api.create(pullRequest, stamped);
        } catch (ForgeException e) {
            if (e.status() != 0 && e.status() < 500) {
                throw e;
            }
            log.debug("creating the comment on {} may have failed ({}); listing again before retrying", pullRequest,
                    e.getMessage());
            Optional<Posted> after = find(api, pullRequest, marker);
            if (after.isPresent()) {
                return update(api, pullRequest, after.get(), stamped);
            }
            created = api.create(pullRequest, stamped);
        }
        return new CommentResult(created.id(), created.url(), CommentResult.Action.CREATED);
    }

    private static CommentResult update(Api api, PullRequestRef pullRequest, Posted existing, String stamped) {
        if (CommentMarker.sameText(existing.body(), stamped)) {
            return new CommentResult(existing.id(), existing.url(), CommentResult.Action.UNCHANGED);
        }
        Posted updated = api.update(pullRequest, existing.id(), stamped);
        return new CommentResult(updated.id(), updated.url().or(existing::url), CommentResult.Action.UPDATED);
    }

    private static Optional<Posted> find(Api api, PullRequestRef pullRequest, CommentMarker marker) {
        return api.list(pullRequest).stream().filter(c -> marker.marks(c.body())).findFirst();
    }
}
