package dev.paved.policy.builtins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
  * Paved's host builtins against OPA's own answers: every call in {@code fixtures/builtins/cases.json} must
  * give the value the real {@code opa} gave (recorded in {@code opa-expected.json} by
  * {@code scripts/dev/regenerate-builtin-fixtures}), or fail where OPA failed.
  */
class HostBuiltinsParityTest {

    private static final String FIXTURES = "/fixtures/builtins/";
    private static final HostBuiltins BUILTINS = HostBuiltins.create(
            new EvaluationClock(Clock.fixed(Instant.parse("2024-01-15T10:30:00Z"), ZoneOffset.UTC)));

    static Stream<Arguments> cases() throws IOException {
        var cases = read("cases.json").get("cases");
        var results = read("opa-expected.json").get("results");
        var arguments = new ArrayList<Arguments>();
        for (var c : cases) {
            String id = c.get("id").textValue();
            var expected = results.get(id);
            if (expected == null) {
                throw new IllegalStateException(id + " has no result in opa-expected.json: run "
                        + "scripts/dev/regenerate-builtin-fixtures");
            }
            var args = new ArrayList<JsonNode>();
            c.get("args").forEach(a -> args.add(withSets(a)));
            arguments.add(Arguments.of(id, c.get("builtin").textValue(), args, expected));
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesOpa(String id, String builtin, List<JsonNode> args, JsonNode expected) {
        var impl = BUILTINS.get(builtin).orElseThrow();
        if (expected.has("value")) {
            var actual = impl.call(args);
            assertThat(RegoText.format(actual)).as(id).isEqualTo(RegoText.format(expected.get("value")));
        } else {
            assertThatThrownBy(() -> impl.call(args)).as(id + ": OPA says %s", expected)
                    .isInstanceOf(BuiltinException.class);
        }
    }

    @Test
    void atLeastSixtyCasesCoverEveryBuiltin() throws IOException {
        var covered = new TreeSet<String>();
        read("cases.json").get("cases").forEach(c -> covered.add(c.get("builtin").textValue()));
        covered.add(TimeBuiltins.NOW_NS); // not reproducible from opa eval; see TimeNowTest
        assertThat(read("cases.json").get("cases").size()).isGreaterThanOrEqualTo(60);
        assertThat(covered).containsExactlyInAnyOrderElementsOf(HostBuiltins.PAVED);
    }

    /** {"$set": [...]} in the fixtures is a Rego set. */
    private static JsonNode withSets(JsonNode v) {
        if (v.isObject() && v.size() == 1 && v.has("$set")) {
            var members = new ArrayList<JsonNode>();
            v.get("$set").forEach(m -> members.add(withSets(m)));
            return RegoSet.of(members);
        }
        if (v.isArray()) {
            var array = new ArrayNode(JsonNodeFactory.instance);
            v.forEach(e -> array.add(withSets(e)));
            return array;
        }
        if (v.isObject()) {
            var object = new ObjectNode(JsonNodeFactory.instance);
            v.properties().forEach(f -> object.set(f.getKey(), withSets(f.getValue())));
            return object;
        }
        return v;
    }

    private static JsonNode read(String name) throws IOException {
        try (InputStream in = HostBuiltinsParityTest.class.getResourceAsStream(FIXTURES + name)) {
            if (in == null) {
                throw new IOException("missing fixture " + FIXTURES + name);
            }
            return RegoValueReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
