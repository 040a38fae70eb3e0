package dev.paved.daemon.cycle;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Replicas sharing a PostgreSQL state store form a cluster: their schedulers keep the reconcile job and its triggers
 * in Quartz's clustered JDBC job store, in that database, so exactly one replica runs a cycle at a time, any of them
 * may run the next one, and the cycle of a replica that dies is run again by another.
 *
 * @param replica    this replica's name, unique among the replicas (Quartz's instance id; runs record it)
 * @param dataSource the state store's connection pool, where the cluster's tables are
 */
public record Cluster(String replica, DataSource dataSource) {

    public Cluster {
        Objects.requireNonNull(replica, "replica");
        Objects.requireNonNull(dataSource, "dataSource");
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
