package dev.paved.policy.builtins;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
  * OPA's {@code time.parse_duration_ns}: Go's {@code time.ParseDuration} ({@code 1h30m}, {@code -1.5h},
  * {@code 300ms}, {@code 1us}, {@code 1µs}, {@code 1μs}, {@code 1ns}, a bare {@code 0}) plus OPA's extended
  * units {@code d}, {@code w} and {@code y} (24, 168 and 8760 hours), which it rewrites to hours before
  * parsing. The result is nanoseconds as an int64; text that is not a duration throws
  * {@link IllegalArgumentException} with Go's message ({@code time: unknown unit "x" in duration "5x"}).
  */
final class GoDuration {

    private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(63);
    private static final Map<String, Long> UNITS = Map.of(
            "ns", 1L, "us", 1_000L, "\u00b5s", 1_000L, "\u03bcs", 1_000L, "ms", 1_000_000L,
            "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
    private static final Map<String, Integer> EXTENDED_HOURS = Map.of("d", 24, "w", 7 * 24, "y", 365 * 24);
    /** OPA's durationparser grammar: Sign? (Digits Unit)+ with Unit one of ms us µs ns or a letter. */
    private static final Pattern SEGMENT = Pattern.compile("([0-9.]+)(ms|us|\u00b5s|ns|[a-z])");

    private GoDuration() {}

    static long parse(String s) {
        if (s.isEmpty()) {
            throw invalid("invalid duration", s);
        }
        if (s.chars().noneMatch(c -> c == 'd' || c == 'w' || c == 'y')) {
            return parseGo(s, s);
        }
        return parseGo(rewriteExtended(s).orElseThrow(() -> invalid("invalid duration", s)), s);
    }

    private static IllegalArgumentException invalid(String what, String original) {
        return new IllegalArgumentException("time: " + what + " " + GoQuote.quote(original, false));
    }

    /** Rewrites d, w and y segments to hours, as OPA's {@code rewriteDuration} does. */
    private static Optional<String> rewriteExtended(String s) {
        var out = new StringBuilder();
        int pos = 0;
        if (s.startsWith("-") || s.startsWith("+")) {
            out.append(s.charAt(0));
            pos = 1;
        }
        var m = SEGMENT.matcher(s);
        boolean any = false;
        while (pos < s.length()) {
            if (!m.find(pos) || m.start() != pos) {
                return Optional.empty();
            }
            any = true;
            Integer hours = EXTENDED_HOURS.get(m.group(2));
            if (hours == null) {
                out.append(m.group());
            } else {
                double value;
                try {
                    value = parseGoFloat(m.group(1));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                out.append(GoFloat.format(value * hours, 'f', -1)).append('h');
            }
            pos = m.end();
        }
        return any ? Optional.of(out.toString()) : Optional.empty();
    }

    /** strconv.ParseFloat on [0-9.]+ text: one optional point, at least one digit. */
    private static double parseGoFloat(String digits) {
        if (!digits.matches("[0-9]*\\.?[0-9]*") || digits.equals(".")) {
            throw new NumberFormatException(digits);
        }
        return Double.parseDouble(digits);
    }

    /** A port of Go's {@code time.ParseDuration}; errors name {@code original}, the text before any rewrite. */
    static long parseGo(String s, String original) {
        String orig = original;
        BigInteger d = BigInteger.ZERO;
        boolean neg = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            neg = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0L;
        }
        if (s.isEmpty()) {
            throw invalid("invalid duration", orig);
        }
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (!(c == '.' || isDigit(c))) {
                throw invalid("invalid duration", orig);
            }
            int start = i;
            BigInteger v = BigInteger.ZERO;
            for (; i < s.length() && isDigit(s.charAt(i)); i++) {
                v = v.multiply(BigInteger.TEN).add(BigInteger.valueOf(s.charAt(i) - '0'));
                if (v.compareTo(LIMIT) > 0) {
                    throw invalid("invalid duration", orig);
                }
            }
            boolean pre = i != start;
            long f = 0; // unsigned, at most 2^63, as in Go
            double scale = 1;
            boolean post = false;
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                int fracStart = i;
                boolean overflow = false;
                for (; i < s.length() && isDigit(s.charAt(i)); i++) {
                    if (overflow) {
                        continue;
                    }
                    if (Long.compareUnsigned(f, Long.MAX_VALUE / 10) > 0) {
                        overflow = true;
                        continue;
                    }
                    long y = f * 10 + (s.charAt(i) - '0');
                    if (Long.compareUnsigned(y, Long.MIN_VALUE) > 0) {
                        overflow = true;
                        continue;
                    }
                    f = y;
                    scale *= 10;
                }
                post = i != fracStart;
            }
            if (!pre && !post) {
                throw invalid("invalid duration", orig);
            }
            int unitStart = i;
            while (i < s.length() && !(s.charAt(i) == '.' || isDigit(s.charAt(i)))) {
                i++;
            }
            if (i == unitStart) {
                throw invalid("missing unit in duration", orig);
            }
            String u = s.substring(unitStart, i);
            Long unit = UNITS.get(u);
            if (unit == null) {
                throw invalid("unknown unit " + quoteUnit(u) + " in duration", orig);
            }
            if (v.compareTo(LIMIT.divide(BigInteger.valueOf(unit))) > 0) {
                throw invalid("invalid duration", orig);
            }
            v = v.multiply(BigInteger.valueOf(unit));
            if (f != 0) {
                double fraction = f == Long.MIN_VALUE ? 0x1p63 : (double) f;
                v = v.add(BigInteger.valueOf((long) (fraction * ((double) unit / scale))));
                if (v.compareTo(LIMIT) > 0) {
                    throw invalid("invalid duration", orig);
                }
            }
            d = d.add(v);
            if (d.compareTo(LIMIT) > 0) {
                throw invalid("invalid duration", orig);
            }
        }
        if (neg) {
            return d.negate().longValue();
        }
        if (d.compareTo(LIMIT) >= 0) {
            throw invalid("invalid duration", orig);
        }
        return d.longValue();
    }

    /** Go's {@code time.quote}: non-ASCII and control bytes as \\xNN, quotes and backslashes escaped. */
    private static String quoteUnit(String u) {
        var out = new StringBuilder("\"");
        for (byte b : u.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 0x80 || c < ' ') {
                out.append(String.format("\\x%02x", c));
            } else {
                if (c == '"' || c == '\\') {
                    out.append('\\');
                }
                out.append((char) c);
            }
        }
        return out.append('"').toString();
    }

    private static boolean isDigit(char c) {
        return '0' <= c && c <= '9';
    }
}
