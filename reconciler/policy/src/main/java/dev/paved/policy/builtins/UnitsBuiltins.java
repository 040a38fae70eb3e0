package dev.paved.policy.builtins;

import com.fasterxml.jackson.databind.node.BigIntegerNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
  * {@code units.parse_bytes(s)} as OPA computes it: case-insensitive, quotes ignored, no spaces; an amount
  * (digits, a point, an exponent of at most six digits, a sign) then an optional unit: {@code k kb m mb ... e
  * eb} are powers of 1000, {@code ki kib mi mib ... ei eib} powers of 1024, none means bytes. The amount and the
  * product are rounded to 64-bit binary mantissas as Go's {@code big.Float} does, and the result is truncated
  * toward zero, so {@code 1.1KB} is 1100 and {@code -1K} is -1000.
  */
final class UnitsBuiltins {

    static final String PARSE_BYTES = "units.parse_bytes";

    private static final Pattern AMOUNT = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final Map<String, BigInteger> UNITS = Map.ofEntries(
            Map.entry("", BigInteger.ONE),
            Map.entry("k", pow(1000, 1)), Map.entry("kb", pow(1000, 1)),
            Map.entry("ki", pow(1024, 1)), Map.entry("kib", pow(1024, 1)),
            Map.entry("m", pow(1000, 2)), Map.entry("mb", pow(1000, 2)),
            Map.entry("mi", pow(1024, 2)), Map.entry("mib", pow(1024, 2)),
            Map.entry("g", pow(1000, 3)), Map.entry("gb", pow(1000, 3)),
            Map.entry("gi", pow(1024, 3)), Map.entry("gib", pow(1024, 3)),
            Map.entry("t", pow(1000, 4)), Map.entry("tb", pow(1000, 4)),
            Map.entry("ti", pow(1024, 4)), Map.entry("tib", pow(1024, 4)),
            Map.entry("p", pow(1000, 5)), Map.entry("pb", pow(1000, 5)),
            Map.entry("pi", pow(1024, 5)), Map.entry("pib", pow(1024, 5)),
            Map.entry("e", pow(1000, 6)), Map.entry("eb", pow(1000, 6)),
            Map.entry("ei", pow(1024, 6)), Map.entry("eib", pow(1024, 6)));

    private UnitsBuiltins() {}

    static List<HostBuiltin> all() {
        return List.of(new HostBuiltin(PARSE_BYTES, 1,
                operands -> BigIntegerNode.valueOf(parseBytes(Operands.string(PARSE_BYTES, operands.get(0), 1)))));
    }

    static BigInteger parseBytes(String raw) {
        String s = raw.toLowerCase(Locale.ROOT).replace("\"", "");
        if (s.contains(" ")) {
            throw error("spaces not allowed in resource strings");
        }
        int split = amountEnd(s);
        String num = s.substring(0, split);
        String unit = s.substring(split);
        if (num.isEmpty()) {
            throw error("no byte amount provided");
        }
        var multiplier = UNITS.get(unit);
        if (multiplier == null) {
            throw error("byte unit " + unit + " not recognized");
        }
        if (!AMOUNT.matcher(num).matches()) {
            throw error("could not parse byte amount to a number");
        }
        var amount = BigFloat64.round(new BigDecimal(num));
        return BigFloat64.round(amount.multiply(new BigDecimal(multiplier))).toBigInteger();
    }

    /** OPA's {@code extractNumAndUnit}: where the amount ends and the unit begins. */
    private static int amountEnd(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isDigit(s, i) && c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') {
                return i;
            }
            if (c == 'e' || c == 'E') {
                if (i == s.length() - 1 || (!isDigit(s, i + 1) && s.charAt(i + 1) != '+' && s.charAt(i + 1) != '-')) {
                    return i;
                }
                if (s.charAt(i + 1) == '+' || s.charAt(i + 1) == '-') {
                    i++;
                }
                int end = i + 1;
                while (isDigit(s, end)) {
                    end++;
                }
                if (end - (i + 1) > 6) {
                    throw error("exponent too large");
                }
            }
        }
        return s.length();
    }

    private static boolean isDigit(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    private static BigInteger pow(int base, int exponent) {
        return BigInteger.valueOf(base).pow(exponent);
    }

    private static BuiltinException error(String message) {
        return new BuiltinException(PARSE_BYTES, PARSE_BYTES + ": " + message);
    }
}
