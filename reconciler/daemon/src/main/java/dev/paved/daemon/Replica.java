package dev.paved.daemon;

import dev.paved.daemon.store.Run;
import dev.paved.daemon.store.StateStore;
import java.time.Instant;
import java.util.Objects;

/**
 * This process as a replica: its name (recorded with its runs), whether it is one of a cluster sharing the state
 * store, and its role. In a cluster any replica may run the next cycle; the <em>active</em> one runs a cycle now or
 * ran the newest run, the others are on <em>standby</em>. A daemon alone is always active.
 *
 * @param started when this process started serving
 */
record Replica(String name, boolean clustered, Instant started) {

    static final String ACTIVE = "active";
    static final String STANDBY = "standby";

    Replica {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(started, "started");
    }

    /** {@value #ACTIVE} or {@value #STANDBY}; {@code running}: whether a cycle runs in this process now. */
    String role(StateStore store, boolean running) {
        if (!clustered || running) {
            return ACTIVE;
        }
        return store.runs(1).stream().findFirst().filter(run -> name.equals(run.replica())).isPresent()
                ? ACTIVE : STANDBY;
    }

    /**
     * Whether a cycle completed on any replica since this one started: a standby that has not run a cycle itself
     * is ready then, as the cluster is doing its work.
     */
    boolean clusterCompletedACycle(StateStore store) {
        return clustered && store.runs(5).stream().map(Run::finished)
                .anyMatch(finished -> finished != null && !finished.isBefore(started));
    }
}
