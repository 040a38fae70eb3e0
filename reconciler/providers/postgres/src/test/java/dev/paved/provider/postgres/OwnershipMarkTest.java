package dev.paved.provider.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.provider.ResourceKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class OwnershipMarkTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aMarkIsJsonWithItsFieldsInAFixedOrderAndReadsBack() {
        var mark = new OwnershipMark("Service/payments-api", new ResourceKey("prod", "postgres", "payments-api-db"),
                (ObjectNode) JSON.readTree("{\"size\":\"small\",\"extensions\":[],\"connectionLimit\":20}"));

        String json = mark.toJson();

        assertThat(json).isEqualTo("{\"managedBy\":\"paved\",\"owner\":\"Service/payments-api\","
                + "\"key\":\"prod/postgres/payments-api-db\","
                + "\"properties\":{\"size\":\"small\",\"extensions\":[],\"connectionLimit\":20}}");
        assertThat(json).startsWith(OwnershipMark.PREFIX).contains(OwnershipMark.keyFragment("prod", "postgres"));
        assertThat(OwnershipMark.parse(json)).contains(mark);
    }

    @Test
    void anOwnerWithQuotesCannotForgeAnotherKey() {
        var mark = new OwnershipMark("Service/x\",\"key\":\"prod/postgres/", new ResourceKey("dev", "postgres", "x"),
                JSON.createObjectNode());

        assertThat(mark.toJson()).doesNotContain(OwnershipMark.keyFragment("prod", "postgres"));
        assertThat(OwnershipMark.parse(mark.toJson())).contains(mark);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "customer database", "{\"managedBy\":\"paved\",", "{\"managedBy\":\"terraform\"}",
        "{\"managedBy\":\"paved\",\"owner\":\"o\",\"key\":\"a/b\",\"properties\":{}}",
        "{\"managedBy\":\"paved\",\"owner\":\"o\",\"key\":\"a/b/c\"}",
        " {\"managedBy\":\"paved\",\"owner\":\"o\",\"key\":\"a/b/c\",\"properties\":{}}"})
    void anythingElseIsNotAMark(String comment) {
        assertThat(OwnershipMark.parse(comment)).isEmpty();
    }
}
