package dev.paved.daemon.cycle;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * Replicas sharing a PostgreSQL state store form a cluster: their schedulers keep the reconcile job and its triggers
 * in Quartz's clustered JDBC job store, in that database, and hold an advisory lock while a cycle runs, so exactly
 * one replica runs a cycle at a time, any of them may run the next one, and the cycle of a replica that dies is
 * run again by another.
 *
 * @param replica    this replica's name, unique among the replicas (Quartz's instance id; runs record it)
 * @param dataSource the state store's connection pool, where the cluster's tables are
 */
public record Cluster(String replica, DataSource dataSource) {

    public Cluster {
        Objects.requireNonNull(replica, "replica");
        Objects.requireNonNull(dataSource, "dataSource");
    }

    /** The key of the PostgreSQL advisory lock a replica holds while it runs a cycle. */
    private static final long CYCLE_LOCK = 0x7061766564L; // "paved"
    /** How long a replica waits for the cycle lock before taking the other for stuck. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(5);

    /**
     * Runs {@code work} while holding the cluster's cycle lock, a PostgreSQL session advisory lock, waiting for it
     * first. Quartz keeps two replicas from firing the reconcile job at once only mostly: two triggers acquired by
     * two replicas in the same instant both fire (its clustered job store blocks waiting triggers, not acquired
     * ones). The lock makes it certain; a replica that dies releases it with its connection.
     */
    public <T> T exclusively(Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true); // a session lock, outside any transaction (the pool gives it back reset)
            boolean locked = lock(connection);
            try {
                return work.get();
            } finally {
                if (locked) {
                    try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                        unlock.setLong(1, CYCLE_LOCK);
                        unlock.execute();
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the cluster's cycle lock: " + e.getMessage(), e);
        }
    }

    /**
     * Waits for the cycle lock, {@link #LOCK_WAIT} at most: a replica that holds it that long is stuck (a live
     * process paused, its connection open), and the cycle runs without the lock; the journal then refuses the
     * stuck replica's further steps, as it would anyway once a newer run has started.
     */
    private static boolean lock(Connection connection) throws SQLException {
        try (Statement bound = connection.createStatement()) {
            bound.execute("SET lock_timeout = '" + LOCK_WAIT.toMillis() + "ms'");
        }
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, CYCLE_LOCK);
            lock.execute();
            return true;
        } catch (SQLException timedOut) { // lock_not_available (55P03), or the wait cancelled otherwise
            LoggerFactory.getLogger(Cluster.class).warn("no cycle lock after {} s ({}, SQL state {}); running the"
                    + " cycle without it (the journal fences the other replica)", LOCK_WAIT.toSeconds(),
                    timedOut.getMessage(), timedOut.getSQLState());
            return false;
        } finally {
            try (Statement reset = connection.createStatement()) {
                reset.execute("RESET lock_timeout");
            }
        }
    }

    /**
     * A name for this process, unique among replicas and across restarts: host name, process id and start time in
     * milliseconds (base 36), e.g. {@code paved-7c9f-1-m1x9k2ab}. Like Quartz's {@code AUTO} instance ids, with
     * the process id added so that two replicas on one host are told apart at a glance.
     */
    public static String replicaName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid() + "-"
                + Long.toString(ProcessHandle.current().info().startInstant().map(start -> start.toEpochMilli())
                        .orElse(System.currentTimeMillis()), 36);
    }
}
