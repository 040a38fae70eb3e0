package dev.paved.daemon.store;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The store's schema, versioned with Flyway: the migrations under {@code db/migration/state} are applied when
 * a store opens (each once; PostgreSQL serialises concurrent openers with a lock). A database that already
 * holds a migration this Paved does not know was written by a newer Paved and is refused. PostgreSQL also gets
 * those under {@code db/migration/state-postgres}: what only a store shared by replicas needs (Quartz's cluster
 * tables). Versions are one sequence across both folders, so a new migration takes the next number whichever
 * folder it goes in; an embedded database simply lacks the PostgreSQL-only versions.
 */
final class SchemaMigrations {

    static final String LOCATION = "classpath:db/migration/state";
    static final String POSTGRES_LOCATION = "classpath:db/migration/state-postgres";

    /** The kinds of database a store runs on, and where the migrations of each are. */
    enum Database {
        EMBEDDED(LOCATION), POSTGRESQL(LOCATION, POSTGRES_LOCATION);

        private final String[] locations;

        Database(String... locations) {
            this.locations = locations;
        }

        String[] locations() {
            return locations.clone();
        }
    }
    /** Not Flyway's default name, so that a shared PostgreSQL database with other Flyway users is safe. */
    static final String HISTORY_TABLE = "paved_schema_history";

    private SchemaMigrations() {
    }

    static Flyway flyway(DataSource dataSource, String... locations) {
        return Flyway.configure(SchemaMigrations.class.getClassLoader()).dataSource(dataSource)
                .locations(locations)
                .table(HISTORY_TABLE).loggers("slf4j").load();
    }

    /** Applies the pending migrations; returns how many ran. */
    static int migrate(DataSource dataSource, Database database, String store) {
        Flyway flyway = flyway(dataSource, database.locations());
        try {
            refuseNewer(flyway.info().all(), store);
            return flyway.migrate().migrationsExecuted;
        } catch (FlywayException e) {
            throw new StateStoreException("migrate the schema of " + store + ": " + e.getMessage(), e);
        }
    }

    static void refuseNewer(MigrationInfo[] migrations, String store) {
        Optional<MigrationVersion> newest = Arrays.stream(migrations)
                .filter(migration -> migration.getState() == MigrationState.FUTURE_SUCCESS
                        || migration.getState() == MigrationState.FUTURE_FAILED)
                .map(MigrationInfo::getVersion).filter(Objects::nonNull).max(Comparator.naturalOrder());
        if (newest.isPresent()) {
            String known = Arrays.stream(migrations).filter(migration -> migration.getState().isResolved())
                    .map(MigrationInfo::getVersion).filter(Objects::nonNull).max(Comparator.naturalOrder())
                    .map(MigrationVersion::getVersion).orElse("none");
            throw new NewerSchemaException(store + " has schema version " + newest.get().getVersion()
                    + ", written by a newer Paved; this Paved knows versions up to " + known
                    + ": run the newer Paved, or point this one at another state directory or database");
        }
    }
}
