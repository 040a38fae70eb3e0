package dev.paved.policy.builtins;

import java.util.Arrays;

/**
  * Go's {@code strconv.Quote}, {@code QuoteToASCII}, {@code QuoteRune} and {@code IsPrint}: how OPA writes a
  * string inside a composite value and how {@code %q} prints one.
  */
public final class GoQuote {

    private static final String HEX = "0123456789abcdef";

    private GoQuote() {}

    /** {@code strconv.Quote(s)}, or {@code strconv.QuoteToASCII(s)} when {@code asciiOnly}. */
    public static String quote(String s, boolean asciiOnly) {
        var out = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(r -> appendEscaped(out, r, '"', asciiOnly));
        return out.append('"').toString();
    }

    /** {@code strconv.QuoteRune(r)}, or {@code QuoteRuneToASCII} when {@code asciiOnly}. */
    static String quoteRune(int r, boolean asciiOnly) {
        var out = new StringBuilder("'");
        appendEscaped(out, validRune(r) ? r : 0xFFFD, '\'', asciiOnly);
        return out.append('\'').toString();
    }

    /** {@code strconv.CanBackquote(s)}. */
    static boolean canBackquote(String s) {
        return s.codePoints().allMatch(r -> r >= 0x80 ? r != 0xFEFF && validRune(r)
                : (r >= ' ' || r == '\t') && r != '`' && r != 0x7F);
    }

    static boolean validRune(long r) {
        return (0 <= r && r < 0xD800) || (0xDFFF < r && r <= 0x10FFFF);
    }

    private static void appendEscaped(StringBuilder out, int r, char quote, boolean asciiOnly) {
        if (r == quote || r == '\\') {
            out.append('\\').append((char) r);
            return;
        }
        if (asciiOnly ? r < 0x80 && isPrint(r) : isPrint(r)) {
            out.appendCodePoint(r);
            return;
        }
        switch (r) {
            case 0x07 -> out.append("\\a");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 0x0B -> out.append("\\v");
            default -> {
                if (r < ' ' || r == 0x7F) {
                    out.append("\\x").append(HEX.charAt(r >> 4)).append(HEX.charAt(r & 0xF));
                } else {
                    int rune = validRune(r) ? r : 0xFFFD;
                    int digits = rune < 0x10000 ? 4 : 8;
                    out.append(rune < 0x10000 ? "\\u" : "\\U");
                    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
                        out.append(HEX.charAt((rune >> shift) & 0xF));
                    }
                }
            }
        }
    }

    /** {@code strconv.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    static boolean isPrint(int r) {
        if (r <= 0xFF) {
            if (0x20 <= r && r <= 0x7E) {
                return true;
            }
            return 0xA1 <= r && r <= 0xFF && r != 0xAD;
        }
        if (r < 0x10000) {
            return inRanges(GoPrintTables.IS_PRINT_16, r)
                    && Arrays.binarySearch(GoPrintTables.IS_NOT_PRINT_16, r) < 0;
        }
        if (!inRanges(GoPrintTables.IS_PRINT_32, r)) {
            return false;
        }
        return r >= 0x20000 || Arrays.binarySearch(GoPrintTables.IS_NOT_PRINT_32, r - 0x10000) < 0;
    }

    /** Whether r lies in one of the [lo, hi] pairs of a sorted table (Go's bsearch on pairs). */
    private static boolean inRanges(int[] pairs, int r) {
        int i = Arrays.binarySearch(pairs, r);
        if (i < 0) {
            i = -i - 1;
        }
        return i < pairs.length && pairs[i & ~1] <= r && r <= pairs[i | 1];
    }
}
