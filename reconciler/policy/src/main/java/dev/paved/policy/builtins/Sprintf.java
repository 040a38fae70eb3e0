package dev.paved.policy.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
  * {@code sprintf(format, values)} as OPA's {@code builtinSprintf} does it: every value becomes one of the Go
  * types of {@link GoArg} and the whole goes through Go's {@code fmt.Sprintf}. A number whose text has a
  * fraction or an exponent is a float64 ({@code %v} of {@code 1.0} is {@code 1}, {@code %d} of it is
  * {@code %!d(float64=1)}), other numbers are int64 or, past that, big integers; a float too large for float64
  * stays its text. Anything that is not a string or a number is passed as its OPA text, so booleans and null
  * print as {@code true} and {@code null} under {@code %v} and as {@code %!t(string=true)} under {@code %t}.
  */
final class Sprintf {

    static final String NAME = "sprintf";

    private Sprintf() {}

    static HostBuiltin builtin() {
        return new HostBuiltin(NAME, 2, operands -> TextNode.valueOf(apply(operands.get(0), operands.get(1))));
    }

    static String apply(JsonNode format, JsonNode values) {
        String f = Operands.string(NAME, format, 1);
        if (!RegoValues.isArray(values)) {
            throw Operands.typeError(NAME, values, 2, "array");
        }
        var args = new ArrayList<GoArg>(values.size());
        values.forEach(v -> args.add(toGo(v)));
        return GoPrinter.sprintf(f, List.copyOf(args));
    }

    static GoArg toGo(JsonNode v) {
        if (v.isTextual()) {
            return new GoArg.Str(v.textValue());
        }
        if (!v.isNumber()) {
            return new GoArg.Str(RegoText.format(v));
        }
        String text = RegoValues.numberText(v);
        if (isFloatText(text)) {
            double d = v instanceof RegoNumber ? parseFloat(text) : v.doubleValue();
            return Double.isInfinite(d) || Double.isNaN(d) ? new GoArg.Str(text) : new GoArg.Float64(d);
        }
        try {
            var big = new BigInteger(text);
            return big.bitLength() < 64 ? new GoArg.Int64(big.longValue()) : new GoArg.BigInt(big);
        } catch (NumberFormatException e) {
            return new GoArg.Str(text);
        }
    }

    /** OPA's {@code isFloatNumber}: the text, not the value, decides. */
    static boolean isFloatText(String text) {
        return text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0;
    }

    private static double parseFloat(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
