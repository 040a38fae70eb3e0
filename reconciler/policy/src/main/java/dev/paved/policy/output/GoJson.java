package dev.paved.policy.output;

import dev.paved.policy.builtins.RegoValues;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON written as Go's {@code encoding/json} writes it, so that Conftest's json and sarif outputs can be matched
 * byte for byte: {@code <}, {@code >}, {@code &}, U+2028 and U+2029 escaped as {@code \\u} sequences, backspace
 * and form feed as {@code \\b} and {@code \\f}, no space after {@code :} when compact, and {@code json.Indent}'s
 * layout ({@code "key": value}, empty arrays and objects as {@code []} and {@code {}}) when indented. Object fields
 * are written in node order; Go writes a map's keys sorted (by their UTF-8 bytes), which {@link #sortedKeys} gives.
 */
final class GoJson {

    private GoJson() {
    }

    /** Compact, as {@code json.Marshal}. */
    static String compact(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, null, 0, out);
        return out.toString();
    }

    /** As {@code json.Marshal} then {@code json.Indent(out, b, "", indent)}. */
    static String indented(JsonNode node, String indent) {
        StringBuilder out = new StringBuilder();
        write(node, indent, 0, out);
        return out.toString();
    }

    /** A copy of the node with every object's keys in Go's map order (as a {@code map[string]any} marshals). */
    static JsonNode sortedKeys(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Map<String, JsonNode> sorted = new TreeMap<>(RegoValues::compareStrings);
            object.properties().forEach(field -> sorted.put(field.getKey(), sortedKeys(field.getValue())));
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            sorted.forEach(copy::set);
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            array.forEach(element -> copy.add(sortedKeys(element)));
            return copy;
        }
        return node;
    }

    private static void write(JsonNode node, String indent, int depth, StringBuilder out) {
        if (node instanceof ObjectNode object) {
            if (object.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                out.append(first ? "" : ",");
                first = false;
                newline(indent, depth + 1, out);
                quote(field.getKey(), out);
                out.append(indent == null ? ":" : ": ");
                write(field.getValue(), indent, depth + 1, out);
            }
            newline(indent, depth, out);
            out.append('}');
        } else if (node instanceof ArrayNode array) {
            if (array.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            for (int i = 0; i < array.size(); i++) {
                out.append(i == 0 ? "" : ",");
                newline(indent, depth + 1, out);
                write(array.get(i), indent, depth + 1, out);
            }
            newline(indent, depth, out);
            out.append(']');
        } else if (node.isString()) {
            quote(node.asString(), out);
        } else if (node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else {
            out.append(node.toString()); // numbers and booleans
        }
    }

    private static void newline(String indent, int depth, StringBuilder out) {
        if (indent != null) {
            out.append('\n').append(indent.repeat(depth));
        }
    }

    /** A string as Go quotes it, HTML-safe. */
    static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1)))
                            && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)))) {
                        out.append("\ufffd"); // a lone surrogate is invalid UTF-8, which Go replaces
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
