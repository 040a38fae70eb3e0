package dev.paved.daemon.store;

import java.util.Objects;

/**
 * How a run ended, as handed to {@link StateStore#recordFinish}: {@code commit} may be null (then the commit
 * recorded at the start stays), the counts are error and warning findings and changes applied, and the message
 * is stored as one line.
 */
public record RunResult(String commit, RunOutcome outcome, int errors, int warnings, int changesApplied,
        String message) {

    public RunResult {
        Objects.requireNonNull(outcome, "outcome");
        if (errors < 0 || warnings < 0 || changesApplied < 0) {
            throw new IllegalArgumentException("negative count in a run result: errors " + errors + ", warnings "
                    + warnings + ", changes " + changesApplied);
        }
        message = OneLine.of(message);
    }
}
