package dev.paved.policy.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
  * Rego semantics over the SDK's JSON nodes: type names, OPA's total order of values ({@code ast.Compare}:
  * null &lt; booleans &lt; numbers &lt; strings &lt; arrays &lt; objects &lt; sets, numbers by value, strings by
  * bytes) and equality, under which {@code 1} equals {@code 1.0}.
  */
public final class RegoValues {

    private RegoValues() {}

    /** OPA's {@code type_name}: null, boolean, number, string, array, object or set. */
    public static String typeName(JsonNode v) {
        if (v instanceof RegoSet) {
            return "set";
        }
        return switch (v.getNodeType()) {
            case NULL, MISSING -> "null";
            case BOOLEAN -> "boolean";
            case NUMBER -> "number";
            case STRING -> "string";
            case ARRAY -> "array";
            case OBJECT -> "object";
            default -> "any";
        };
    }

    public static boolean isSet(JsonNode v) {
        return v instanceof RegoSet;
    }

    /** An array that is not a set. */
    public static boolean isArray(JsonNode v) {
        return v.isArray() && !(v instanceof RegoSet);
    }

    public static boolean equal(JsonNode a, JsonNode b) {
        return compare(a, b) == 0;
    }

    /** The number as OPA holds it: its text, which for integers read by Jackson is their decimal form. */
    public static String numberText(JsonNode n) {
        return n instanceof RegoNumber r ? r.text() : n.asText();
    }

    public static BigDecimal decimal(JsonNode n) {
        return n.decimalValue();
    }

    public static int compare(JsonNode a, JsonNode b) {
        int order = Integer.compare(sortOrder(a), sortOrder(b));
        if (order != 0) {
            return order;
        }
        return switch (sortOrder(a)) {
            case 0 -> 0;
            case 1 -> Boolean.compare(a.booleanValue(), b.booleanValue());
            case 2 -> decimal(a).compareTo(decimal(b));
            case 3 -> compareStrings(a.textValue(), b.textValue());
            case 8 -> compareObjects(a, b);
            default -> compareSequences(a.iterator(), b.iterator());
        };
    }

    /** Go compares strings by their UTF-8 bytes, which orders them by code point. */
    public static int compareStrings(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /** The object's keys in OPA's order. */
    public static List<String> sortedKeys(JsonNode object) {
        var keys = new ArrayList<String>();
        object.fieldNames().forEachRemaining(keys::add);
        keys.sort(RegoValues::compareStrings);
        return keys;
    }

    private static int sortOrder(JsonNode v) {
        if (v instanceof RegoSet) {
            return 9;
        }
        return switch (v.getNodeType()) {
            case BOOLEAN -> 1;
            case NUMBER -> 2;
            case STRING -> 3;
            case ARRAY -> 7;
            case OBJECT -> 8;
            default -> 0;
        };
    }

    private static int compareSequences(Iterator<JsonNode> a, Iterator<JsonNode> b) {
        while (a.hasNext() && b.hasNext()) {
            int c = compare(a.next(), b.next());
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(a.hasNext(), b.hasNext());
    }

    private static int compareObjects(JsonNode a, JsonNode b) {
        var akeys = sortedKeys(a);
        var bkeys = sortedKeys(b);
        for (int i = 0; i < Math.min(akeys.size(), bkeys.size()); i++) {
            int c = compareStrings(akeys.get(i), bkeys.get(i));
            if (c == 0) {
                c = compare(a.get(akeys.get(i)), b.get(bkeys.get(i)));
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(akeys.size(), bkeys.size());
    }
}
