package dev.paved.provider.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.provider.ResourceKey;
import dev.paved.provider.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class LiveResourcesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ResourceKey KEY = new ResourceKey("dev", "postgres", "orders-db");
    private static final ObjectNode APPLIED = (ObjectNode) JSON.readTree(
            "{\"size\":\"small\",\"extensions\":[\"citext\"],\"connectionLimit\":20}");

    private final LiveResources live = new LiveResources(new PostgresSettings("pg-dev", "db.internal", 5433,
            "paved", "postgres", Path.of("/run/paved/secrets"), Optional.of(Secret.of("s3cret")),
            Duration.ofSeconds(5)), new SecretFiles(Path.of("/run/paved/secrets")));

    @Test
    void propertiesComeFromTheMarkAndTheConnectionLimitFromTheRole() {
        var resource = live.live(row("dev_orders_db", mark(KEY), "dev_orders_db", roleMark(KEY), 35), "dev");

        assertThat(resource).hasValueSatisfying(r -> {
            assertThat(r.key()).isEqualTo(KEY);
            assertThat(r.owner()).isEqualTo("Service/orders");
            assertThat(r.properties()).isEqualTo(APPLIED.deepCopy().put("connectionLimit", 35));
            assertThat(r.outputs()).containsOnlyKeys("host", "port", "database", "user", "secretRef")
                    .containsEntry("host", "db.internal").containsEntry("port", "5433")
                    .containsEntry("database", "dev_orders_db").containsEntry("user", "dev_orders_db")
                    .containsEntry("secretRef", "/run/paved/secrets/dev/orders-db.env");
        });
    }

    @Test
    void aMissingForeignOrNonOwningRoleLeavesTheLimitOutSoThePlanShowsAChange() {
        assertThat(live.live(row("dev_orders_db", mark(KEY), null, null, 0), "dev").orElseThrow().properties()
                .has("connectionLimit")).isFalse();
        assertThat(live.live(row("dev_orders_db", mark(KEY), "dev_orders_db", null, 20), "dev").orElseThrow()
                .properties().has("connectionLimit")).isFalse();
        assertThat(live.live(new CatalogRow("dev_orders_db", mark(KEY), "postgres", "dev_orders_db", roleMark(KEY),
                20), "dev").orElseThrow().properties().has("connectionLimit")).isFalse();
    }

    @Test
    void rowsThatAreNotPavedsResourcesOfThisEnvironmentAreNotLive() {
        assertThat(live.live(row("dev_orders_db", null, null, null, 0), "dev")).as("no mark").isEmpty();
        assertThat(live.live(row("dev_orders_db", "{\"managedBy\":\"someone\"}", null, null, 0), "dev")).isEmpty();
        assertThat(live.live(row("dev_orders_db", mark(KEY), null, null, 0), "prod")).as("other env").isEmpty();
        assertThat(live.live(row("dev_copy_db", mark(KEY), null, null, 0), "dev")).as("copied mark").isEmpty();
        assertThat(live.live(row("dev_orders_db", mark(new ResourceKey("dev", "redis", "orders-db")), null, null,
                0), "dev")).as("other type").isEmpty();
        assertThat(live.live(row(null, null, null, null, 0), "dev")).as("no database").isEmpty();
    }

    private static CatalogRow row(String database, String mark, String role, String roleMark, int limit) {
        return new CatalogRow(database, mark, role == null ? "postgres" : role, role, roleMark, limit);
    }

    private static String mark(ResourceKey key) {
        return new OwnershipMark("Service/orders", key, APPLIED).toJson();
    }

    private static String roleMark(ResourceKey key) {
        return new OwnershipMark("Service/orders", key, JSON.createObjectNode()).toJson();
    }
}
