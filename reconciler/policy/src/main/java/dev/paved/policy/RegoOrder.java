package dev.paved.policy;

import dev.paved.policy.builtins.RegoValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * OPA's order of values ({@code ast.Compare}): null, booleans, numbers, strings, arrays, objects; strings by their
 * UTF-8 bytes, arrays element by element, objects by their sorted keys and the values under them. A partial set
 * rule's results come out of OPA in this order, and Conftest lists them so. (RegoValues has the same order over
 * the SDK's Jackson 2 nodes; the evaluator reads results with Jackson 3.)
 */
final class RegoOrder implements Comparator<JsonNode> {

    static final RegoOrder INSTANCE = new RegoOrder();

    private RegoOrder() {
    }

    @Override
    public int compare(JsonNode a, JsonNode b) {
        int byType = Integer.compare(rank(a), rank(b));
        if (byType != 0) {
            return byType;
        }
        if (a.isBoolean()) {
            return Boolean.compare(a.asBoolean(), b.asBoolean());
        }
        if (a.isNumber()) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
        }
        if (a.isString()) {
            return RegoValues.compareStrings(a.asString(), b.asString());
        }
        if (a.isArray()) {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                int c = compare(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.size(), b.size());
        }
        if (a.isObject()) {
            List<String> aKeys = sortedKeys(a);
            List<String> bKeys = sortedKeys(b);
            for (int i = 0; i < Math.min(aKeys.size(), bKeys.size()); i++) {
                int c = RegoValues.compareStrings(aKeys.get(i), bKeys.get(i));
                if (c == 0) {
                    c = compare(a.get(aKeys.get(i)), b.get(bKeys.get(i)));
                }
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(aKeys.size(), bKeys.size());
        }
        return 0;
    }

    private static int rank(JsonNode node) {
        if (node.isBoolean()) {
            return 1;
        } else if (node.isNumber()) {
            return 2;
        } else if (node.isString()) {
            return 3;
        } else if (node.isArray()) {
            return 4;
        } else if (node.isObject()) {
            return 5;
        }
        return 0;
    }

    private static List<String> sortedKeys(JsonNode object) {
        List<String> keys = new ArrayList<>(object.properties().stream().map(Map.Entry::getKey).toList());
        keys.sort(RegoValues::compareStrings);
        return keys;
    }
}
