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
 * holds a migration this Paved does not know was written by a newer Paved and is refused.
 */
final class SchemaMigrations {

    static final String LOCATION = "classpath:db/migration/state";
    /** Not Flyway's default name, so that a shared PostgreSQL database with other Flyway users is safe. */
    static final String HISTORY_TABLE = "paved_schema_history";

    private SchemaMigrations() {
    }

    static Flyway flyway(DataSource dataSource, String... locations) {
        return Flyway.configure(SchemaMigrations.class.getClassLoader()).dataSource(dataSource)
                .locations(locations.length == 0 ? new String[] {LOCATION} : locations)
                .table(HISTORY_TABLE).loggers("slf4j").load();
    }

    /** Applies the pending migrations; returns how many ran. */
    static int migrate(DataSource dataSource, String store) {
        Flyway flyway = flyway(dataSource);
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
