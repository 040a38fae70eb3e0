package dev.paved.daemon.store;

import dev.paved.core.apply.Journal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What the daemon remembers across restarts. Every method is one transaction and safe to call from several
 * threads; on PostgreSQL several processes may share one store. Failures throw {@link StateStoreException}.
 */
public interface StateStore extends AutoCloseable {

    /** Records the start of a run, now; {@code commit} is null when it is not known yet (before a fetch). */
    default Run recordStart(RunTrigger trigger, String commit) {
        return recordStart(trigger, commit, null);
    }

    /** Records the start of a run by {@code replica}, the process that runs it (null: not named). */
    Run recordStart(RunTrigger trigger, String commit, String replica);

    /** Records how a started run ended, now; a run finishes once (a second finish is refused). */
    Run recordFinish(long runId, RunResult result);

    /**
     * Ends every run that has not finished as failed, now: runs whose process stopped before they ended. Its
     * message starts with {@code abandoned: } and {@code reason}, and says how many of its steps were journaled
     * as started and never finished. Returns the runs as they are now.
     */
    List<Run> abandonUnfinished(String reason);

    /**
     * The apply journal of run {@code runId}, kept in this store with the run (and pruned with it). It records a
     * step only while no newer run has started, and otherwise throws {@link SupersededException}.
     */
    Journal journal(long runId);

    /** The newest {@code limit} runs, newest first. */
    List<Run> runs(int limit);

    Optional<Run> run(long runId);

    /**
     * Deletes the runs that started more than {@code maxAge} ago, but never the newest {@code keepAtLeast}
     * runs, and their journal entries; returns how many runs were deleted. Refusals, approvals and last good
     * commits are not pruned.
     */
    int prune(Duration maxAge, int keepAtLeast);

    default int prune(Retention retention) {
        return prune(retention.maxAge(), retention.keepAtLeast());
    }

    /** The last good commit of a source (e.g. the repo URL and branch), if any commit was good yet. */
    Optional<LastGood> lastGood(String source);

    /**
     * Makes {@code commit} the last good commit of {@code source}, now; setting the commit that already is the
     * last good one keeps the time it became good.
     */
    LastGood setLastGood(String source, String commit, long runId);

    /** Records that a commit was refused (e.g. it has error findings), now, with a one-line reason. */
    Refusal recordRefusal(String commit, String reason, int findings, long runId);

    /** The latest refusal of one commit. */
    Optional<Refusal> refusal(String commit);

    /** The latest refusal of any commit. */
    Optional<Refusal> latestRefusal();

    /** Approves a commit for a plan-only environment, now; the first approval stands and is returned. */
    Approval approve(String environment, String commit, String approvedBy);

    Optional<Approval> approval(String environment, String commit);

    default boolean isApproved(String environment, String commit) {
        return approval(environment, commit).isPresent();
    }

    /**
     * The store's connection pool when replicas share the store (PostgreSQL), for the scheduler's cluster tables
     * (Quartz's JDBC job store); empty for the embedded store, which has one daemon. Closing the store closes it.
     */
    Optional<DataSource> clusterDataSource();

    /** Closes the connection pool; an embedded database is closed with it. */
    @Override
    void close();
}
