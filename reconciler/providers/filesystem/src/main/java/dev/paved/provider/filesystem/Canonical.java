package dev.paved.provider.filesystem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BigIntegerNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * The canonical form of properties: a deep copy with object keys sorted, and every value as reading its JSON
 * text back gives it (a {@code LongNode} of 3 becomes an {@code IntNode}, a {@code FloatNode} a {@code DoubleNode}),
 * so that what observe reads back from a file equals the normalised desired properties.
 */
final class Canonical {

    private Canonical() {
    }

    static ObjectNode of(ObjectNode properties) {
        return (ObjectNode) copy(properties);
    }

    private static JsonNode copy(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.propertyNames());
            Collections.sort(names);
            ObjectNode sorted = DocumentCodec.MAPPER.createObjectNode();
            for (String name : names) {
                sorted.set(name, copy(node.get(name)));
            }
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode copy = DocumentCodec.MAPPER.createArrayNode();
            for (JsonNode element : node) {
                copy.add(copy(element));
            }
            return copy;
        }
        if (readsBackAsItself(node)) {
            return node;
        }
        return DocumentCodec.MAPPER.readTree(DocumentCodec.MAPPER.writeValueAsString(node));
    }

    /** Value nodes are immutable: those the reader would produce from their own text are shared, not copied. */
    private static boolean readsBackAsItself(JsonNode node) {
        return node instanceof StringNode || node instanceof BooleanNode || node instanceof NullNode
                || node instanceof IntNode
                || node instanceof DoubleNode && Double.isFinite(node.doubleValue())
                || node instanceof LongNode && !node.canConvertToInt()
                || node instanceof BigIntegerNode && !node.canConvertToLong();
    }
}
