package dev.paved.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;

/**
 * Field-level difference of two JSON trees: objects by key, arrays by index, anything else by value. A field
 * that appears or disappears is a missing node on the other side; an empty object or list that appears is
 * reported as itself.
 */
final class JsonDiff {

    private JsonDiff() {
    }

    static List<FieldChange> fields(JsonNode before, JsonNode after) {
        List<FieldChange> changes = new ArrayList<>();
        diff("", before, after, changes);
        return changes;
    }

    private static void diff(String path, JsonNode before, JsonNode after, List<FieldChange> out) {
        if (before.equals(after)) {
            return;
        }
        if (before.isMissingNode() && after.isContainer() || after.isMissingNode() && before.isContainer()) {
            // a whole new (or gone) object or list: show its leaves, one by one
            JsonNode present = before.isMissingNode() ? after : before;
            if (present.isEmpty()) {
                out.add(new FieldChange(path, before, after));
                return;
            }
            JsonNode empty = present.isObject() ? JsonNodeFactory.instance.objectNode()
                    : JsonNodeFactory.instance.arrayNode();
            diff(path, before.isMissingNode() ? empty : before, after.isMissingNode() ? empty : after, out);
            return;
        }
        if (before.isObject() && after.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            before.propertyNames().forEach(keys::add);
            after.propertyNames().forEach(keys::add);
            for (String key : keys) {
                diff(path.isEmpty() ? key : path + "." + key, before.path(key), after.path(key), out);
            }
        } else if (before.isArray() && after.isArray()) {
            for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
                diff(path + "[" + i + "]", element(before, i), element(after, i), out);
            }
        } else {
            out.add(new FieldChange(path, before, after));
        }
    }

    private static JsonNode element(JsonNode array, int index) {
        return index < array.size() ? array.get(index) : MissingNode.getInstance();
    }
}
