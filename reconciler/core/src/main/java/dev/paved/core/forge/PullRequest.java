package dev.paved.core.forge;

/** A pull (merge) request the forge has opened: its number (GitLab: IID) and its web address. */
public record PullRequest(long number, String url) {
}
