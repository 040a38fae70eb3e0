package dev.paved.policy.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Operand checks with OPA's error wording ({@code operand 1 must be string but got number}). */
final class Operands {

    private Operands() {}

    static String string(String builtin, JsonNode operand, int position) {
        if (!operand.isTextual()) {
            throw typeError(builtin, operand, position, "string");
        }
        return operand.textValue();
    }

    /** The strings of an array or a set. */
    static List<String> strings(String builtin, JsonNode operand, int position, String... expected) {
        if (!operand.isArray()) {
            throw typeError(builtin, operand, position, expected);
        }
        var strings = new ArrayList<String>(operand.size());
        for (var element : operand) {
            if (!element.isTextual()) {
                String type = RegoValues.typeName(operand);
                throw new BuiltinException(builtin, "operand " + position + " must be " + type + " of strings but got "
                        + type + " containing " + RegoValues.typeName(element));
            }
            strings.add(element.textValue());
        }
        return strings;
    }

    static BuiltinException typeError(String builtin, JsonNode operand, int position, String... expected) {
        String must = expected.length == 1 ? expected[0] : "one of {" + String.join(", ", expected) + "}";
        return new BuiltinException(builtin, "operand " + position + " must be " + must + " but got "
                + RegoValues.typeName(operand));
    }
}
