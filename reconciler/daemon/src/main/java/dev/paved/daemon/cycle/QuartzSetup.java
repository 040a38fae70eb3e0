package dev.paved.daemon.cycle;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.quartz.impl.SchedulerRepository;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Quartz's configuration: jobs in memory for one daemon, or in the clustered JDBC job store (PostgreSQL) for
 * replicas. One worker thread either way: a replica runs one cycle at a time, and leaves the others to the cluster.
 */
final class QuartzSetup {

    /** The cluster's name in Quartz's tables: the same on every replica, so they are one cluster. */
    static final String CLUSTER = "paved";
    /** How often a replica checks in; one that has not for this plus 7.5 s is taken for dead by the others. */
    static final Duration CHECK_IN = Duration.ofSeconds(3);
    /** How long an idle replica waits before it looks again for triggers (those added elsewhere wake no one here). */
    static final Duration IDLE_WAIT = Duration.ofSeconds(5);
    /** Quartz's table names start with this: {@code paved_qrtz_triggers}, ... (migration V5 creates them). */
    static final String TABLE_PREFIX = "PAVED_QRTZ_";

    private QuartzSetup() {
    }

    /** One daemon: jobs in memory, under a name of its own so that several can run in one JVM (tests). */
    static Properties inMemory(String name) {
        Properties properties = common(name);
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        return properties;
    }

    /**
     * A replica of a cluster: the clustered JDBC job store on the state store's pool, which Quartz reaches through a
     * connection provider registered under a name of this replica's (so the credentials are configured once, for
     * the store). Job data are strings only, so a job fired on any replica reads the same.
     */
    static Properties clustered(Cluster cluster) {
        if (SchedulerRepository.getInstance().lookup(CLUSTER) != null) {
            throw new IllegalStateException("a replica of the " + CLUSTER + " cluster already runs in this process");
        }
        String dataSource = "paved-state-" + cluster.replica();
        DBConnectionManager.getInstance().addConnectionProvider(dataSource, new StoreConnections(cluster.dataSource()));
        Properties properties = common(CLUSTER);
        properties.setProperty("org.quartz.scheduler.instanceId", cluster.replica());
        properties.setProperty("org.quartz.scheduler.idleWaitTime", Long.toString(IDLE_WAIT.toMillis()));
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty("org.quartz.jobStore.driverDelegateClass",
                "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.setProperty("org.quartz.jobStore.dataSource", dataSource);
        properties.setProperty("org.quartz.jobStore.tablePrefix", TABLE_PREFIX);
        properties.setProperty("org.quartz.jobStore.useProperties", "true");
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(CHECK_IN.toMillis()));
        properties.setProperty("org.quartz.jobStore.makeThreadsDaemons", "true");
        return properties;
    }

    private static Properties common(String name) {
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", name);
        properties.setProperty("org.quartz.threadPool.threadCount", "1");
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        return properties;
    }

    /** Quartz's connections come from the state store's pool; the store closes it, not Quartz. */
    private record StoreConnections(DataSource dataSource) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public void initialize() {
        }
    }
}
