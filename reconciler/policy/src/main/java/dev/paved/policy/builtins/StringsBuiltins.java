package dev.paved.policy.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.util.List;

/**
  * {@code strings.any_prefix_match(search, base)}: whether any of the search strings (a string, or an array or
  * set of strings) starts with any of the base strings (likewise). Empty collections match nothing; a
  * non-string member is an error even after a match.
  */
final class StringsBuiltins {

    static final String ANY_PREFIX_MATCH = "strings.any_prefix_match";

    private StringsBuiltins() {}

    static List<HostBuiltin> all() {
        return List.of(new HostBuiltin(ANY_PREFIX_MATCH, 2, operands -> {
            var search = strings(operands.get(0), 1);
            var bases = strings(operands.get(1), 2);
            return BooleanNode.valueOf(search.stream().anyMatch(s -> bases.stream().anyMatch(s::startsWith)));
        }));
    }

    private static List<String> strings(JsonNode operand, int position) {
        if (operand.isTextual()) {
            return List.of(operand.textValue());
        }
        return Operands.strings(ANY_PREFIX_MATCH, operand, position, "string", "set", "array");
    }
}
