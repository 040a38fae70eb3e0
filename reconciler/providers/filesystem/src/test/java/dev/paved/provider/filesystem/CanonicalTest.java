package dev.paved.provider.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.provider.ResourceKey;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Normalising gives what a file reads back as, with keys sorted, and is idempotent. */
class CanonicalTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final DocumentCodec codec = new DocumentCodec();

    @Test
    void sortsObjectKeysAtEveryDepthAndKeepsArrayOrder() {
        ObjectNode properties = (ObjectNode) TestResources.JSON.readTree(
                "{\"z\": 1, \"a\": {\"y\": [3, 1, {\"d\": 0, \"c\": 0}], \"b\": null}}");

        ObjectNode canonical = Canonical.of(properties);

        assertThat(canonical.toString()).isEqualTo("{\"a\":{\"b\":null,\"y\":[3,1,{\"c\":0,\"d\":0}]},\"z\":1}");
        assertThat(properties.toString()).as("the input is not changed")
                .isEqualTo("{\"z\":1,\"a\":{\"y\":[3,1,{\"d\":0,\"c\":0}],\"b\":null}}");
    }

    @Test
    void everyValueIsWhatReadingItsFileBackGives() {
        ObjectNode properties = NODES.objectNode();
        properties.set("long-small", NODES.numberNode(3L));
        properties.set("long-large", NODES.numberNode(1L << 40));
        properties.set("short", NODES.numberNode((short) 7));
        properties.set("float", NODES.numberNode(0.1f));
        properties.set("double", NODES.numberNode(2.5d));
        properties.set("decimal", NODES.numberNode(new BigDecimal("1.50")));
        properties.set("big-integer-small", NODES.numberNode(BigInteger.TEN));
        properties.set("big-integer-large", NODES.numberNode(BigInteger.TEN.pow(30)));
        properties.set("binary", NODES.binaryNode(new byte[] {1, 2, 3}));
        properties.set("nan", NODES.numberNode(Double.NaN));
        properties.set("list", NODES.arrayNode().add(5L).add(1.25f));

        ObjectNode canonical = Canonical.of(properties);

        assertThat(readBack(canonical)).isEqualTo(canonical);
        assertThat(readBack(properties)).as("what the file holds").isEqualTo(canonical);
        assertThat(canonical.get("long-small").isInt()).isTrue();
    }

    @Test
    void isIdempotent() {
        ObjectNode properties = (ObjectNode) TestResources.JSON.readTree(
                "{\"b\": [1, 2.5, \"x\", true, null, {\"k\": {}}], \"a\": 9007199254740993}");

        ObjectNode once = Canonical.of(properties);

        assertThat(Canonical.of(once)).isEqualTo(once);
        assertThat(Canonical.of(once).toString()).isEqualTo(once.toString());
    }

    @Test
    void sharesWhatIsCanonicalAlreadyAndCopiesTheRest() {
        ObjectNode properties = (ObjectNode) TestResources.JSON.readTree(
                "{\"z\": {\"a\": 1, \"b\": [1, 2]}, \"a\": [{\"y\": 1, \"x\": 2}, {\"k\": 3}]}");

        ObjectNode canonical = Canonical.of(properties);

        assertThat(canonical).isNotSameAs(properties);
        assertThat(canonical.get("z")).as("sorted already").isSameAs(properties.get("z"));
        assertThat(canonical.get("a")).as("holds an unsorted object").isNotSameAs(properties.get("a"));
        assertThat(canonical.get("a").get(0).toString()).isEqualTo("{\"x\":2,\"y\":1}");
        assertThat(canonical.get("a").get(1)).isSameAs(properties.get("a").get(1));
        assertThat(Canonical.of(canonical)).as("canonical as a whole").isSameAs(canonical);
    }

    private JsonNode readBack(ObjectNode properties) {
        ResourceKey key = new ResourceKey("prod", "workload", "x");
        byte[] bytes = codec.write(ResourceDocument.owned(key, "Service/x", properties));
        return codec.read(bytes).orElseThrow().live(key, Path.of("/x")).properties();
    }

    @Test
    void writingSortsKeysEvenOfPropertiesNotNormalised() {
        ResourceKey key = new ResourceKey("prod", "workload", "x");
        ObjectNode unsorted = (ObjectNode) TestResources.JSON.readTree("{\"b\": {\"d\": 1, \"c\": 2}, \"a\": 0}");

        String written = new String(codec.write(ResourceDocument.owned(key, "Service/x", unsorted)),
                java.nio.charset.StandardCharsets.UTF_8);

        assertThat(List.of(written.indexOf("\"a\""), written.indexOf("\"b\""), written.indexOf("\"c\""),
                written.indexOf("\"d\""))).isSorted();
    }
}
