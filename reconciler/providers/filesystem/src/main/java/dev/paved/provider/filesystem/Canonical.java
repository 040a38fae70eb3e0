package dev.paved.provider.filesystem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
 * The canonical form of properties: object keys sorted, and every value as reading its JSON text back gives it
 * (a {@code LongNode} of 3 becomes an {@code IntNode}, a {@code FloatNode} a {@code DoubleNode}), so that what
 * observe reads back from a file equals the normalised desired properties. Subtrees already canonical are shared,
 * not copied (a plan normalises tens of thousands of resources, most of whose parts are canonical already); trees
 * are never modified once built, so sharing them is safe.
 */
final class Canonical {

    private Canonical() {
    }

    static ObjectNode of(ObjectNode properties) {
        return (ObjectNode) canonical(properties);
    }

    /** {@code node} itself when it is canonical, else a canonical copy. */
    private static JsonNode canonical(JsonNode node) {
        if (node instanceof ObjectNode object) {
            return canonical(object);
        }
        if (node instanceof ArrayNode array) {
            return canonical(array);
        }
        if (readsBackAsItself(node)) {
            return node;
        }
        return DocumentCodec.MAPPER.readTree(DocumentCodec.MAPPER.writeValueAsString(node));
    }

    private static JsonNode canonical(ObjectNode object) {
        boolean same = true;
        String previous = null;
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (previous != null && previous.compareTo(field.getKey()) > 0
                    || canonical(field.getValue()) != field.getValue()) {
                same = false;
                break;
            }
            previous = field.getKey();
        }
        if (same) {
            return object;
        }
        List<String> names = new ArrayList<>(object.propertyNames());
        Collections.sort(names);
        ObjectNode sorted = DocumentCodec.MAPPER.createObjectNode();
        for (String name : names) {
            sorted.set(name, canonical(object.get(name)));
        }
        return sorted;
    }

    private static JsonNode canonical(ArrayNode array) {
        ArrayNode copy = null;
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            JsonNode canonical = canonical(element);
            if (copy == null && canonical != element) {
                copy = DocumentCodec.MAPPER.createArrayNode();
                for (int j = 0; j < i; j++) {
                    copy.add(array.get(j));
                }
            }
            if (copy != null) {
                copy.add(canonical);
            }
        }
        return copy == null ? array : copy;
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
