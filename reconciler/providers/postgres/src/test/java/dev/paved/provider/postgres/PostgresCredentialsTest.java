package dev.paved.provider.postgres;

import static dev.paved.provider.postgres.ProviderCalls.ENV;
import static dev.paved.provider.postgres.ProviderCalls.desired;
import static dev.paved.provider.postgres.ProviderCalls.envFile;
import static dev.paved.provider.postgres.ProviderCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.provider.DesiredResource;
import dev.paved.provider.LiveResource;
import dev.paved.provider.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Generated credentials, on a real PostgreSQL server: delivered to an owner-only file, good for a real login,
 * and nowhere else; kept by an idempotent create, reissued when lost, removed with the role.
 */
class PostgresCredentialsTest extends OpenPostgresProviderTest {

    PostgresCredentialsTest(TestPostgres postgres) {
        super(postgres);
    }

    @Test
    void generatedCredentialsAreAnOwnerOnlyFileThatLogsIn() throws Exception {
        LiveResource live = ok(provider.create(desired("payments-api-db", "{}")));

        Path file = secretDir.resolve("dev/payments-api-db.env");
        assertThat(live.outputs()).containsEntry("secretRef", file.toString());
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(file.getParent()))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        Map<String, String> env = envFile(file);
        assertThat(env).containsEntry("PGHOST", TestPostgres.HOST)
                .containsEntry("PGPORT", Integer.toString(postgres.port()))
                .containsEntry("PGDATABASE", "dev_payments_api_db").containsEntry("PGUSER", "dev_payments_api_db");
        assertThat(env.get("PGPASSWORD")).matches("[A-Za-z0-9]{32}");
        try (Connection login = postgres.connect(env.get("PGDATABASE"), env.get("PGUSER"), env.get("PGPASSWORD"));
                Statement statement = login.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_user, current_database(),"
                        + " (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database())")) {
            row.next();
            assertThat(List.of(row.getString(1), row.getString(2), row.getString(3)))
                    .containsExactly("dev_payments_api_db", "dev_payments_api_db", "dev_payments_api_db");
        }
        assertThatThrownBy(() -> postgres.connect("dev_payments_api_db", "dev_payments_api_db", "wrong").close())
                .as("the server really checks the password").isInstanceOf(SQLException.class);
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no temporary file is left behind")
                    .containsExactly("payments-api-db.env");
        }
    }

    @Test
    void thePasswordAppearsNowhereButInTheSecretFile() throws Exception {
        LiveResource created = ok(provider.create(desired("payments-api-db", "{\"extensions\": [\"pgcrypto\"]}")));
        String password = envFile(secretDir.resolve("dev/payments-api-db.env")).get("PGPASSWORD");

        StringBuilder everything = new StringBuilder().append(created).append(created.outputs())
                .append(provider).append(provider.observe(ENV))
                .append(provider.update(desired("payments-api-db", "{\"connectionLimit\": 7}"), created))
                .append(provider.create(desired("payments-api-db", "{\"size\": \"huge\"}")))
                .append(provider.create(desired("unowned-db", "{}")));
        try (Connection admin = postgres.admin("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE dev_taken_db");
        }
        everything.append(provider.create(desired("taken-db", "{}")));
        everything.append(new Credentials("h", 1, "d", "u", Secret.of(password)));

        assertThat(everything.toString()).doesNotContain(password).doesNotContain(postgres.adminPassword().reveal());
        assertThat(created.properties().toString()).doesNotContain(password);
    }

    @Test
    void creatingAgainKeepsThePasswordAndReissuesItWhenTheFileIsGone() throws Exception {
        DesiredResource desired = desired("payments-api-db", "{}");
        ok(provider.create(desired));
        Path file = secretDir.resolve("dev/payments-api-db.env");
        String first = envFile(file).get("PGPASSWORD");

        ok(provider.create(desired));
        assertThat(envFile(file).get("PGPASSWORD")).as("an idempotent create keeps the password").isEqualTo(first);

        Files.delete(file);
        ok(provider.create(desired));
        String second = envFile(file).get("PGPASSWORD");
        assertThat(second).isNotEqualTo(first);
        postgres.connect("dev_payments_api_db", "dev_payments_api_db", second).close();
    }

    @Test
    void aDroppedRoleShowsAsDriftAndUpdateRecreatesItWithNewCredentials() throws Exception {
        DesiredResource desired = desired("orders-db", "{}");
        ok(provider.create(desired));
        try (Connection admin = postgres.admin("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE dev_orders_db OWNER TO postgres");
            statement.execute("DROP ROLE dev_orders_db");
        }
        LiveResource drifted = ok(provider.observe(ENV)).get(0);
        assertThat(drifted.properties().has("connectionLimit")).isFalse();
        Files.delete(secretDir.resolve("dev/orders-db.env"));

        ok(provider.update(desired, drifted));

        Map<String, String> env = envFile(secretDir.resolve("dev/orders-db.env"));
        postgres.connect("dev_orders_db", "dev_orders_db", env.get("PGPASSWORD")).close();
        assertThat(ok(provider.observe(ENV)).get(0).properties()).isEqualTo(provider.normalize(desired));
    }

    @Test
    void deleteDropsDatabaseRoleAndCredentials() throws SQLException {
        LiveResource live = ok(provider.create(desired("payments-api-db", "{}")));

        assertThat(ok(provider.delete(live))).isEqualTo(live.key());

        assertThat(Files.exists(secretDir.resolve("dev/payments-api-db.env"))).isFalse();
        try (Connection admin = postgres.admin("postgres"); Statement statement = admin.createStatement();
                ResultSet rows = statement.executeQuery("SELECT (SELECT count(*) FROM pg_database WHERE datname ="
                        + " 'dev_payments_api_db') + (SELECT count(*) FROM pg_roles WHERE rolname ="
                        + " 'dev_payments_api_db')")) {
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        }
    }
}
