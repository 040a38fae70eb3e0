package dev.paved.provider.postgres;

import dev.paved.provider.DesiredResource;
import dev.paved.provider.ProviderSettings;
import dev.paved.provider.ProviderType;
import dev.paved.provider.ResourceKey;
import dev.paved.provider.testkit.ProviderContractTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The postgres provider passes the contract every provider passes, on a real PostgreSQL server. */
@ExtendWith(PostgresExtension.class)
class PostgresProviderContractTest extends ProviderContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TestPostgres postgres;

    PostgresProviderContractTest(TestPostgres postgres) {
        this.postgres = postgres;
    }

    @BeforeEach
    void emptyServer() throws SQLException {
        postgres.reset();
    }

    @Override
    protected ProviderType providerType() {
        return new PostgresProviderType();
    }

    @Override
    protected ProviderSettings settings(Path scratch) {
        return postgres.settings("pg-contract", scratch.resolve("secrets"));
    }

    @Override
    protected List<DesiredResource> samples() {
        return List.of(
                resource("payments-api-db", "{\"size\": \"small\", \"extensions\": [\"pgcrypto\"]}"),
                resource("orders-db", "{\"size\": \"medium\", \"connectionLimit\": 30}"),
                resource("reporting-db", "{}"));
    }

    @Override
    protected DesiredResource changed(DesiredResource sample) {
        ObjectNode properties = sample.properties().deepCopy();
        properties.put("connectionLimit", 42);
        properties.putArray("extensions").add("citext");
        return new DesiredResource(sample.key(), sample.owner(), properties, sample.secret());
    }

    @Override
    protected void plantUnowned(ResourceKey key) throws SQLException {
        try (Connection admin = postgres.admin("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + databaseName(key));
        }
    }

    @Override
    protected boolean unownedIntact(ResourceKey key) throws SQLException {
        try (Connection admin = postgres.admin("postgres"); PreparedStatement query = admin.prepareStatement(
                "SELECT shobj_description(oid, 'pg_database') IS NULL AND pg_get_userbyid(datdba) = 'postgres'"
                        + " FROM pg_database WHERE datname = ?")) {
            query.setString(1, databaseName(key));
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    /** The admin password, and every generated password written so far. */
    @Override
    protected Set<String> secretValues() {
        Set<String> secrets = new HashSet<>(Set.of(postgres.adminPassword().reveal()));
        Path secretDir = scratch.resolve("secrets");
        if (Files.isDirectory(secretDir)) {
            try (Stream<Path> files = Files.walk(secretDir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".env")).toList()) {
                    Files.readAllLines(file).stream().filter(line -> line.startsWith("PGPASSWORD="))
                            .map(line -> line.substring("PGPASSWORD=".length())).forEach(secrets::add);
                }
            } catch (IOException e) {
                throw new AssertionError("cannot read the generated credentials", e);
            }
        }
        return secrets;
    }

    /** Derived by hand, independently of the provider's own derivation. */
    private static String databaseName(ResourceKey key) {
        return (key.environment() + "_" + key.name()).replace('-', '_');
    }

    private static DesiredResource resource(String name, String json) {
        return new DesiredResource(new ResourceKey(ENVIRONMENT, "postgres", name), "Service/" + name,
                (ObjectNode) JSON.readTree(json), Set.of());
    }
}
