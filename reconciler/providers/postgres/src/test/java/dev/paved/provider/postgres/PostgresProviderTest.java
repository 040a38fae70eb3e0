package dev.paved.provider.postgres;

import static dev.paved.provider.postgres.ProviderCalls.ENV;
import static dev.paved.provider.postgres.ProviderCalls.JSON;
import static dev.paved.provider.postgres.ProviderCalls.desired;
import static dev.paved.provider.postgres.ProviderCalls.envFile;
import static dev.paved.provider.postgres.ProviderCalls.failure;
import static dev.paved.provider.postgres.ProviderCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.provider.DesiredResource;
import dev.paved.provider.LiveResource;
import dev.paved.provider.ProviderError;
import dev.paved.provider.ProviderSettings;
import dev.paved.provider.ResourceKey;
import dev.paved.provider.Secret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the postgres provider promises beyond the contract, checked on a real PostgreSQL server: one query per
 * observe, errors as values of the right kind, real state read back, ownership respected, extensions real.
 */
class PostgresProviderTest extends OpenPostgresProviderTest {

    PostgresProviderTest(TestPostgres postgres) {
        super(postgres);
    }

    @Test
    void observingAnEnvironmentIsOneQueryHoweverManyDatabasesItHas() {
        ok(provider.create(desired("db-0", "{}")));
        long before = provider.statementsExecuted();
        assertThat(ok(provider.observe(ENV))).hasSize(1);
        assertThat(provider.statementsExecuted() - before).isEqualTo(1);

        IntStream.rangeClosed(1, 11).forEach(i -> ok(provider.create(desired("db-" + i, "{}"))));
        before = provider.statementsExecuted();
        assertThat(ok(provider.observe(ENV))).hasSize(12);
        assertThat(provider.statementsExecuted() - before).isEqualTo(1);
    }

    @Test
    void anUnreachableServerIsARetryableErrorThatNamesTheInstanceAndTheStep() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(TestPostgres.HOST))) {
            closedPort = socket.getLocalPort();
        }
        ObjectNode settings = postgres.settings("pg-unreachable", secretDir).settings().deepCopy();
        settings.put("port", closedPort);
        try (var unreachable = new PostgresProviderType().open(new ProviderSettings(
                "pg-unreachable", settings, Map.of("password", postgres.adminPassword())))) {
            assertThat(failure(unreachable.observe(ENV)))
                    .isEqualTo(ProviderError.retryable("observe pg-unreachable: connection refused"));
            assertThat(failure(((PostgresProvider) unreachable).create(desired("x-db", "{}"))))
                    .isEqualTo(ProviderError.retryable("create dev/postgres/x-db in pg-unreachable: connection refused"));
        }
    }

    @Test
    void lackingPrivilegesIsAPermanentError() throws SQLException {
        Secret password = Secret.of("weak-admin-password");
        try (Connection admin = postgres.admin("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE weak_admin LOGIN PASSWORD '" + password.reveal() + "'");
        }
        try (var weak = new PostgresProviderType().open(
                postgres.settings("pg-weak", secretDir, "weak_admin", password))) {
            ProviderError error = failure(((PostgresProvider) weak).create(desired("x-db", "{}")));

            assertThat(error.retryable()).isFalse();
            assertThat(error.message()).startsWith("create dev/postgres/x-db in pg-weak: permission denied")
                    .contains("SQLSTATE 42501").doesNotContain(password.reveal());
        }
    }

    @Test
    void anAdminWithCreatedbAndCreateroleIsEnough() throws Exception {
        Secret password = Secret.of("limited-admin-password");
        try (Connection admin = postgres.admin("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE limited_admin LOGIN CREATEDB CREATEROLE PASSWORD '"
                    + password.reveal() + "'");
        }
        try (var limited = (PostgresProvider) new PostgresProviderType().open(
                postgres.settings("pg-limited", secretDir, "limited_admin", password))) {
            DesiredResource desired = desired("payments-api-db", "{\"extensions\": [\"pgcrypto\"]}");
            LiveResource live = ok(limited.create(desired));
            assertThat(ok(limited.observe(ENV))).containsExactly(live);
            Map<String, String> env = envFile(secretDir.resolve("dev/payments-api-db.env"));
            postgres.connect(env.get("PGDATABASE"), env.get("PGUSER"), env.get("PGPASSWORD")).close();

            LiveResource updated = ok(limited.update(desired("payments-api-db", "{\"connectionLimit\": 5}"), live));
            assertThat(updated.properties().path("connectionLimit").intValue()).isEqualTo(5);
            ok(limited.delete(updated));
            assertThat(ok(limited.observe(ENV))).isEmpty();
        }
    }

    @Test
    void theConnectionLimitIsReadFromTheServerSoDriftShowsAndUpdateRepairsIt() throws SQLException {
        DesiredResource desired = desired("orders-db", "{\"size\": \"medium\"}");
        ok(provider.create(desired));
        try (Connection admin = postgres.admin("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("ALTER ROLE dev_orders_db CONNECTION LIMIT 3");
        }
        LiveResource drifted = ok(provider.observe(ENV)).get(0);
        assertThat(drifted.properties().path("connectionLimit").intValue()).isEqualTo(3);

        ok(provider.update(desired, drifted));

        assertThat(ok(provider.observe(ENV)).get(0).properties()).isEqualTo(provider.normalize(desired));
        assertThat(roleConnectionLimit("dev_orders_db")).isEqualTo(50);
    }

    @Test
    void extensionsAreReallyCreatedAndTheOnesNoLongerWantedDropped() throws SQLException {
        ok(provider.create(desired("search-db", "{\"extensions\": [\"pg_trgm\", \"uuid-ossp\"]}")));
        assertThat(extensions("dev_search_db")).contains("pg_trgm", "uuid-ossp");

        LiveResource live = ok(provider.observe(ENV)).get(0);
        ok(provider.update(desired("search-db", "{\"extensions\": [\"citext\"]}"), live));

        assertThat(extensions("dev_search_db")).contains("citext").doesNotContain("pg_trgm", "uuid-ossp");
    }

    @Test
    void aMissingExtensionIsAPermanentErrorAndTheMarkDoesNotClaimIt() {
        ProviderError error = failure(provider.create(desired("x-db", "{\"extensions\": [\"no_such_extension\"]}")));

        assertThat(error.retryable()).isFalse();
        assertThat(error.message()).startsWith("create dev/postgres/x-db in pg-dev: ").contains("no_such_extension");
        assertThat(ok(provider.observe(ENV)).get(0).properties().path("extensions").isEmpty()).isTrue();
    }

    @Test
    void aRoleOrMarkPavedDidNotMakeIsNeverTakenOver() throws SQLException {
        LiveResource mine = ok(provider.create(desired("payments-api-db", "{}")));
        try (Connection admin = postgres.admin("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE dev_other_db");
            statement.execute("CREATE DATABASE dev_copied_db");
            String mark;
            try (ResultSet row = statement.executeQuery("SELECT shobj_description(oid, 'pg_database')"
                    + " FROM pg_database WHERE datname = 'dev_payments_api_db'")) {
                row.next();
                mark = row.getString(1);
            }
            statement.execute("COMMENT ON DATABASE dev_copied_db IS '" + mark.replace("'", "''") + "'");
        }

        assertThat(ok(provider.observe(ENV))).as("a copied mark is not believed").containsExactly(mine);
        ProviderError error = failure(provider.create(desired("other-db", "{}")));
        assertThat(error.retryable()).isFalse();
        assertThat(error.message()).contains("a role named dev_other_db that Paved does not own already exists");
        ok(provider.delete(new LiveResource(new ResourceKey(ENV, "postgres", "other-db"), "Service/x",
                JSON.createObjectNode(), Map.of())));
        assertThat(roleConnectionLimit("dev_other_db")).as("the unowned role is still there").isEqualTo(-1);
    }

    @Test
    void otherEnvironmentsAreInvisible() {
        ok(provider.create(desired("payments-api-db", "{}")));
        ok(provider.create(new DesiredResource(new ResourceKey("prod", "postgres", "payments-api-db"),
                "Service/payments-api", JSON.createObjectNode(), Set.of())));

        assertThat(ok(provider.observe(ENV))).extracting(LiveResource::key)
                .containsExactly(new ResourceKey(ENV, "postgres", "payments-api-db"));
        assertThat(ok(provider.observe("prod"))).extracting(l -> l.outputs().get("database"))
                .containsExactly("prod_payments_api_db");
        assertThat(ok(provider.observe("staging"))).isEmpty();
    }

    @Test
    void invalidDesiredResourcesArePermanentErrorsWithoutTouchingTheServer() {
        long before = provider.statementsExecuted();

        assertThat(failure(provider.create(desired("x-db", "{\"size\": \"huge\", \"owner\": 1}"))).message())
                .isEqualTo("resource dev/postgres/x-db: unknown parameter 'owner'; size must be one of small,"
                        + " medium, large");
        assertThat(failure(provider.create(new DesiredResource(new ResourceKey("Prod", "postgres", "x"),
                "Service/x", JSON.createObjectNode(), Set.of()))).retryable()).isFalse();
        assertThat(provider.statementsExecuted()).isEqualTo(before);
    }

    @Test
    void callsAfterCloseThrow() {
        provider.close();

        assertThatThrownBy(() -> provider.observe(ENV)).hasMessage("provider instance pg-dev is closed");
        assertThatThrownBy(() -> provider.delete(new LiveResource(new ResourceKey(ENV, "postgres", "x"), "o",
                JSON.createObjectNode(), Map.of()))).hasMessage("provider instance pg-dev is closed");
    }

    private int roleConnectionLimit(String role) throws SQLException {
        try (Connection admin = postgres.admin("postgres"); Statement statement = admin.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT rolconnlimit FROM pg_roles WHERE rolname = '" + role + "'")) {
            assertThat(row.next()).as("role %s exists", role).isTrue();
            return row.getInt(1);
        }
    }

    private List<String> extensions(String database) throws SQLException {
        try (Connection connection = postgres.admin(database); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT extname FROM pg_extension")) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }
}
