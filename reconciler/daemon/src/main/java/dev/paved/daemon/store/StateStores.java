package dev.paved.daemon.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.paved.provider.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a state store and brings its schema up to date. The default is an embedded H2 database in one file,
 * {@code <stateDir>/state.mv.db}, for one daemon; PostgreSQL is for several replicas sharing the store.
 */
public final class StateStores {

    private static final Logger LOG = LoggerFactory.getLogger(StateStores.class);
    /** H2's error code for a database file another process holds open. */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;
    private static final int POOL_SIZE = 5;

    private StateStores() {
    }

    /** The embedded store in {@code stateDir} (created if missing), on the system clock. */
    public static StateStore embedded(Path stateDir) {
        return embedded(stateDir, Clock.systemUTC());
    }

    public static StateStore embedded(Path stateDir, Clock clock) {
        Path database = stateDir.toAbsolutePath().normalize().resolve("state");
        String description = "the state store " + database + ".mv.db (H2)";
        try {
            Files.createDirectories(database.getParent());
        } catch (IOException e) {
            throw new StateStoreException("create the state directory " + database.getParent() + ": " + e, e);
        }
        HikariConfig config = pool(embeddedUrl(stateDir));
        config.setUsername("sa");
        config.setPassword("");
        return open(config, SchemaMigrations.Database.EMBEDDED, description, clock);
    }

    /** A PostgreSQL store; the password appears in no message, log line or {@code toString}. */
    public static StateStore postgres(String jdbcUrl, String user, Secret password) {
        return postgres(jdbcUrl, user, password, Clock.systemUTC());
    }

    public static StateStore postgres(String jdbcUrl, String user, Secret password, Clock clock) {
        Objects.requireNonNull(password, "password");
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new StateStoreException("the state store's URL must start with jdbc:postgresql:, not '"
                    + redact(jdbcUrl) + "'");
        }
        HikariConfig config = pool(jdbcUrl);
        config.setUsername(Objects.requireNonNull(user, "user"));
        config.setPassword(password.reveal());
        config.setConnectionTimeout(10_000);
        return open(config, SchemaMigrations.Database.POSTGRESQL, "the state store " + redact(jdbcUrl)
                + " (PostgreSQL)", clock);
    }

    /**
     * The JDBC URL of the embedded database in {@code stateDir}: H2 in PostgreSQL mode, one process only. H2 does
     * not close it from its own shutdown hook ({@code DB_CLOSE_ON_EXIT=FALSE}): on SIGTERM the daemon's hook lets
     * a running cycle record its end first, then closes the store itself.
     */
    static String embeddedUrl(Path stateDir) {
        Path database = stateDir.toAbsolutePath().normalize().resolve("state");
        if (database.toString().contains(";")) {
            throw new StateStoreException("the state directory " + stateDir + " has a ';' in its path, which H2"
                    + " cannot open");
        }
        return "jdbc:h2:file:" + database + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                + ";AUTO_SERVER=FALSE;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** A JDBC URL fit for a message: the value of any {@code password} parameter is masked. */
    static String redact(String jdbcUrl) {
        return jdbcUrl == null ? null
                : jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1" + Secret.MASK.replace("$", "\\$"));
    }

    private static HikariConfig pool(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("paved-state");
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setAutoCommit(false);
        return config;
    }

    private static StateStore open(HikariConfig config, SchemaMigrations.Database database, String description,
                                   Clock clock) {
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StateStoreException("open " + description + ": " + cause(e), e);
        }
        try {
            int migrations = SchemaMigrations.migrate(pool, database, description);
            LOG.info("opened {}{}", description,
                    migrations == 0 ? "" : " (" + migrations + " schema migrations applied)");
            return new JdbcStateStore(pool, database, description, clock);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static String cause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                if (sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                    return "another process has it open (the embedded store is for one daemon; several replicas"
                            + " share a PostgreSQL store)";
                }
                return sql.getMessage();
            }
        }
        return failure.getMessage();
    }
}
