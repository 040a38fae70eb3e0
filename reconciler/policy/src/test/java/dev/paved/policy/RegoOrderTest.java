package dev.paved.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** OPA's order of values, in which Conftest lists a rule's results. */
class RegoOrderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void ordersByTypeThenValueAsOpaDoes() {
        List<JsonNode> values = new ArrayList<>();
        for (String value : List.of("{\"msg\": \"b\"}", "\"b\"", "[1, 2]", "{\"msg\": \"a\", \"z\": 1}", "10", "\"B\"",
                "{\"a\": 1}", "[1]", "true", "2.5", "null", "\"é\"", "{\"msg\": \"a\"}", "false")) {
            values.add(JSON.readTree(value));
        }

        values.sort(RegoOrder.INSTANCE);

        assertThat(values).map(JsonNode::toString).containsExactly("null", "false", "true", "2.5", "10", "\"B\"",
                "\"b\"", "\"é\"", "[1]", "[1,2]", "{\"a\":1}", "{\"msg\":\"a\"}", "{\"msg\":\"a\",\"z\":1}",
                "{\"msg\":\"b\"}");
    }
}
