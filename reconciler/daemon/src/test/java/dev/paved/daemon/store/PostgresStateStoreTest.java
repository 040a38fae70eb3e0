package dev.paved.daemon.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.provider.Secret;
import dev.paved.provider.postgres.PostgresExtension;
import dev.paved.provider.postgres.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The store's contract on a real PostgreSQL (a throwaway cluster), each test in a fresh database owned by a
 * role that is not a superuser; plus two stores sharing one database, as two replicas do.
 */
@ExtendWith(PostgresExtension.class)
class PostgresStateStoreTest extends StateStoreContractTest {

    private static final String ROLE = "paved_state";
    private static final Secret PASSWORD = Secret.of("state-store-password-4f9c1e");
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final TestPostgres postgres;
    private final String database;

    PostgresStateStoreTest(TestPostgres postgres) throws SQLException {
        this.postgres = postgres;
        this.database = "state_" + DATABASES.incrementAndGet();
        try (Connection admin = postgres.admin("postgres"); Statement statement = admin.createStatement()) {
            try (var roles = statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE + "'")) {
                if (!roles.next()) {
                    statement.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD.reveal() + "'");
                }
            }
            statement.execute("CREATE DATABASE " + database + " OWNER " + ROLE);
        }
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        store.close();
        try (Connection admin = postgres.admin("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE " + database + " WITH (FORCE)");
        }
    }

    String url() {
        return "jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/" + database;
    }

    @Override
    StateStore open(Clock clock) {
        return StateStores.postgres(url(), ROLE, PASSWORD, clock);
    }

    @Override
    DataSource raw() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url());
        dataSource.setUser(ROLE);
        dataSource.setPassword(PASSWORD.reveal());
        return dataSource;
    }

    @Override
    SchemaMigrations.Database database() {
        return SchemaMigrations.Database.POSTGRESQL;
    }

    @Override
    int schemaVersion() {
        return 5;
    }

    @Test
    void theSchedulersClusterTablesAreHereAndItsConnectionsComeFromTheStore() throws SQLException {
        assertThat(count("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'paved\\_qrtz\\_%'"))
                .isEqualTo(11);
        try (Connection connection = store.clusterDataSource().orElseThrow().getConnection();
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT current_user, current_database()")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo(ROLE);
            assertThat(rows.getString(2)).isEqualTo(database);
        }
    }

    @Test
    void twoStoresOpenedTogetherShareOneDatabase() throws Exception {
        store.close();
        try (Connection admin = postgres.admin("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database + " OWNER " + ROLE);
        }
        List<StateStore> replicas = concurrently(2, replica -> open(clock)); // both migrate the empty database
        try (StateStore first = replicas.get(0); StateStore second = replicas.get(1)) {
            Run run = first.recordStart(RunTrigger.SCHEDULE, C1);
            second.recordFinish(run.id(), new RunResult(null, RunOutcome.APPLIED, 0, 0, 1, "applied by the second"));
            second.setLastGood(SOURCE, C1, run.id());

            assertThat(first.run(run.id()).orElseThrow().message()).isEqualTo("applied by the second");
            assertThat(first.lastGood(SOURCE).orElseThrow().commit()).isEqualTo(C1);
            assertThatThrownBy(() -> first.recordFinish(run.id(), new RunResult(null, RunOutcome.FAILED, 0, 0, 0, "")))
                    .hasMessageContaining("already finished");
        }
        store = open(clock);
    }

    @Test
    void theStoreNamesItsUrlButNeverThePassword() {
        assertThat(store.toString()).isEqualTo("the state store " + url() + " (PostgreSQL)");

        Secret wrong = Secret.of("not-the-password-8d2b");
        assertThatThrownBy(() -> StateStores.postgres(url() + "?password=" + wrong.reveal(), ROLE, wrong))
                .isInstanceOf(StateStoreException.class)
                .hasMessageStartingWith("open the state store " + url() + "?password=(sensitive) (PostgreSQL): ")
                .hasMessageContaining("password authentication failed")
                .satisfies(e -> assertThat(e.toString()).doesNotContain(wrong.reveal()));
    }

    @Test
    void aUrlThatIsNotPostgresIsRefused() {
        assertThatThrownBy(() -> StateStores.postgres("jdbc:mysql://db/paved?password=hunter2", ROLE, PASSWORD))
                .isInstanceOf(StateStoreException.class)
                .hasMessage("the state store's URL must start with jdbc:postgresql:, not"
                        + " 'jdbc:mysql://db/paved?password=(sensitive)'");
    }
}
