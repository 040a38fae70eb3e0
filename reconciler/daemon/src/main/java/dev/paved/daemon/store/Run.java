package dev.paved.daemon.store;

import java.time.Instant;
import java.util.Optional;

/**
 * One reconcile run as stored. {@code commit}, {@code finished} and {@code outcome} are null while they are
 * not known (a run in progress, or one a crash ended); the counts are zero until it finishes. {@code replica}
 * names the process that ran it, or is null when none was named.
 */
public record Run(long id, RunTrigger trigger, String commit, Instant started, Instant finished,
        RunOutcome outcome, int errors, int warnings, int changesApplied, String message, String replica) {

    public boolean isFinished() {
        return finished != null;
    }

    public Optional<String> commitId() {
        return Optional.ofNullable(commit);
    }
}
