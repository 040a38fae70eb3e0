package dev.paved.policy.builtins;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.List;

/** {@code semver.is_valid(x)} (false, not an error, for a non-string) and {@code semver.compare(a, b)}. */
final class SemverBuiltins {

    static final String IS_VALID = "semver.is_valid";
    static final String COMPARE = "semver.compare";

    private SemverBuiltins() {}

    static List<HostBuiltin> all() {
        return List.of(
                new HostBuiltin(IS_VALID, 1, operands -> BooleanNode.valueOf(
                        operands.get(0).isTextual() && SemVer.parse(operands.get(0).textValue()).isPresent())),
                new HostBuiltin(COMPARE, 2, operands -> {
                    String a = Operands.string(COMPARE, operands.get(0), 1);
                    String b = Operands.string(COMPARE, operands.get(1), 2);
                    return IntNode.valueOf(version(a, 1).compareTo(version(b, 2)));
                }));
    }

    private static SemVer version(String text, int pos) {
        return SemVer.parse(text).orElseThrow(() -> new BuiltinException(COMPARE,
                "operand " + pos + ": string " + GoQuote.quote(text, false) + " is not a valid SemVer"));
    }
}
