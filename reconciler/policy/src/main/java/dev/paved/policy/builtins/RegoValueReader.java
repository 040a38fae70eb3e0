package dev.paved.policy.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.util.ArrayList;

/**
  * Reads a value written in OPA's value syntax: JSON plus set literals ({@code {1, 2}}, {@code set()}) and
  * non-string object keys. That is what the wasm module's {@code opa_value_dump} export writes, so a host
  * builtin sees sets as sets and numbers with their original text, where the SDK's JSON path
  * ({@code opa_json_dump}) gives arrays and doubles. A non-string object key is kept as its OPA text (the
  * object {@code {1: "a"}} reads as {@code {"1": "a"}}): JSON nodes have string keys only.
  */
public final class RegoValueReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String text;
    private int pos;

    private RegoValueReader(String text) {
        this.text = text;
    }

    /** Reads one value; throws {@link IllegalArgumentException} when the text is not one. */
    public static JsonNode read(String text) {
        var reader = new RegoValueReader(text);
        try {
            var value = reader.value();
            reader.skipSpace();
            if (reader.pos != text.length()) {
                throw reader.error("trailing text");
            }
            return value;
        } catch (NumberFormatException e) {
            throw reader.error("malformed escape or number");
        }
    }

    private JsonNode value() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '"' -> {
                return TextNode.valueOf(string());
            }
            case '[' -> {
                pos++;
                var array = new ArrayNode(NODES);
                elements(']').forEach(array::add);
                return array;
            }
            case '{' -> {
                return objectOrSet();
            }
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                if (text.startsWith("set()", pos)) {
                    pos += 5;
                    return RegoSet.of(new ArrayList<>());
                }
                for (var word : new String[] {"true", "false", "null"}) {
                    if (text.startsWith(word, pos)) {
                        pos += word.length();
                        return word.equals("null") ? NullNode.getInstance() : BooleanNode.valueOf(word.equals("true"));
                    }
                }
                throw error("unexpected character");
            }
        }
    }

    private JsonNode objectOrSet() {
        pos++;
        skipSpace();
        var object = new ObjectNode(NODES);
        if (peek('}')) {
            pos++;
            return object;
        }
        var first = value();
        skipSpace();
        if (!peek(':')) {
            var members = new ArrayList<JsonNode>();
            members.add(first);
            if (peek(',')) {
                pos++;
                members.addAll(elements('}'));
            } else {
                expect('}');
            }
            return RegoSet.of(members);
        }
        var key = first;
        while (true) {
            expect(':');
            object.set(key.isTextual() ? key.textValue() : RegoText.format(key), value());
            skipSpace();
            if (peek('}')) {
                pos++;
                return object;
            }
            expect(',');
            key = value();
            skipSpace();
        }
    }

    private ArrayList<JsonNode> elements(char close) {
        var values = new ArrayList<JsonNode>();
        skipSpace();
        if (peek(close)) {
            pos++;
            return values;
        }
        while (true) {
            values.add(value());
            skipSpace();
            if (peek(close)) {
                pos++;
                return values;
            }
            expect(',');
        }
    }

    private JsonNode number() {
        int start = pos;
        if (peek('-')) {
            pos++;
        }
        while (pos < text.length() && "0123456789.eE+-".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String n = text.substring(start, pos);
        boolean plainInteger = n.matches("-?(0|[1-9][0-9]*)") && !n.equals("-0");
        if (plainInteger) {
            var big = new BigInteger(n);
            return big.bitLength() < 32 ? NODES.numberNode(big.intValue())
                    : big.bitLength() < 64 ? NODES.numberNode(big.longValue()) : NODES.numberNode(big);
        }
        if (!n.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            throw error("malformed number " + n);
        }
        return RegoNumber.of(n);
    }

    private String string() {
        pos++;
        var out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error("unterminated escape");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("short unicode escape");
                    }
                    out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> throw error("unknown escape \\" + e);
            }
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void expect(char c) {
        skipSpace();
        if (!peek(c)) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("OPA value text, offset " + pos + ": " + what);
    }
}
