package dev.paved.core.resolve;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Layering of settings: environment defaults, then the service, then its deployment; later layers win. */
final class Merge {

    private Merge() {
    }

    /** A deep merge of mappings; anything that is not a mapping in a later layer replaces what was there. */
    static ObjectNode layered(JsonNode... layers) {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        for (JsonNode layer : layers) {
            if (layer != null && layer.isObject()) {
                mergeInto(merged, (ObjectNode) layer);
            }
        }
        return merged;
    }

    private static void mergeInto(ObjectNode target, ObjectNode layer) {
        for (Map.Entry<String, JsonNode> field : layer.properties()) {
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue().isObject()) {
                mergeInto(existingObject, (ObjectNode) field.getValue());
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }
}
