package dev.paved.core.forge;

/**
 * A pull request of the repository a {@link Forge} client is bound to: GitHub's pull request number, or GitLab's
 * merge request IID (the number shown in the merge request's URL, not its global id).
 */
public record PullRequestRef(long number) {

    public PullRequestRef {
        if (number < 1) {
            throw new IllegalArgumentException("a pull request number is positive, not " + number);
        }
    }

    @Override
    public String toString() {
        return "#" + number;
    }
}
