package dev.paved.daemon.cycle;

import java.util.Optional;

/**
 * What the cycle keeps between runs (and across restarts, in the state store): the last good commit, and the
 * commits it refused.
 */
public interface CycleState {

    /** The last commit that validated clean and was applied, if any. */
    Optional<String> lastGood();

    /** Whether {@code commit} was refused before (so it is not checked again until it changes). */
    boolean refused(String commit);

    /** Whether {@code commit} was approved for the plan-only {@code environment}. */
    boolean approved(String environment, String commit);

    /** Records the start of a cycle; returns the run's id. */
    long started(String trigger);

    /** Records the end of a cycle: its run, and the last good commit or a refusal it establishes. */
    void finished(long run, CycleResult result);

    /**
     * Whether the run before the one {@link #started} last was another replica's (replicas sharing a PostgreSQL
     * store). What this process remembers for incremental cycles may then be stale, since another replica may
     * have applied more since, so the cycle starts over from a full one. Always false for a daemon alone.
     */
    default boolean previousRunElsewhere() {
        return false;
    }
}
