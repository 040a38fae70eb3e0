package dev.paved.policy.builtins;

import com.fasterxml.jackson.databind.JsonNode;

/**
  * A value in OPA's own syntax, as {@code ast.Value.String()} writes it and as {@code sprintf} prints anything
  * that is not a string or a number: {@code [1, "a"]}, {@code {"a": 1, "b": [true, null]}} with keys sorted,
  * {@code {1, 2}} for a set and {@code set()} for the empty set; strings quoted the way Go quotes them.
  */
public final class RegoText {

    private RegoText() {}

    public static String format(JsonNode value) {
        var out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    private static void append(StringBuilder out, JsonNode v) {
        if (v instanceof RegoSet set) {
            if (set.isEmpty()) {
                out.append("set()");
                return;
            }
            out.append('{');
            appendAll(out, set);
            out.append('}');
            return;
        }
        switch (v.getNodeType()) {
            case BOOLEAN -> out.append(v.booleanValue());
            case NUMBER -> out.append(RegoValues.numberText(v));
            case STRING -> out.append(GoQuote.quote(v.textValue(), false));
            case ARRAY -> {
                out.append('[');
                appendAll(out, v);
                out.append(']');
            }
            case OBJECT -> {
                out.append('{');
                String sep = "";
                for (var key : RegoValues.sortedKeys(v)) {
                    out.append(sep).append(GoQuote.quote(key, false)).append(": ");
                    append(out, v.get(key));
                    sep = ", ";
                }
                out.append('}');
            }
            default -> out.append("null");
        }
    }

    private static void appendAll(StringBuilder out, Iterable<JsonNode> values) {
        String sep = "";
        for (var value : values) {
            out.append(sep);
            append(out, value);
            sep = ", ";
        }
    }
}
