package dev.paved.core.forge;

/**
 * The state of a commit status, in terms both forges share. GitHub takes them as they are ({@code pending},
 * {@code success}, {@code failure}, {@code error}); GitLab has no {@code error}, so both failure states are
 * GitLab's {@code failed}.
 */
public enum CommitState {
    /** Still running: a check that has started. */
    PENDING,
    /** Checked, and fine. */
    SUCCESS,
    /** Checked, and the change has problems (findings, a failed plan). */
    FAILURE,
    /** The check itself could not run. */
    ERROR
}
