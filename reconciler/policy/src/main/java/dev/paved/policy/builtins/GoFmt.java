package dev.paved.policy.builtins;

import java.nio.charset.StandardCharsets;

/**
  * The flags, width and precision of one Go format verb and the primitives that print under them: a port of
  * Go's {@code fmt/format.go}. Widths and precisions count runes (code points), as Go's do.
  */
final class GoFmt {

    private static final String LDIGITS = "0123456789abcdefx";
    private static final String UDIGITS = "0123456789ABCDEFX";

    final StringBuilder buf;
    boolean widPresent;
    boolean precPresent;
    boolean minus;
    boolean plus;
    boolean sharp;
    boolean space;
    boolean zero;
    boolean plusV;
    boolean sharpV;
    int wid;
    int prec;

    GoFmt(StringBuilder buf) {
        this.buf = buf;
    }

    void clearFlags() {
        widPresent = precPresent = minus = plus = sharp = space = zero = plusV = sharpV = false;
        wid = 0;
        prec = 0;
    }

    void writePadding(int n) {
        char pad = zero && !minus ? '0' : ' ';
        for (int i = 0; i < n; i++) {
            buf.append(pad);
        }
    }

    void pad(String s) {
        if (!widPresent || wid == 0) {
            buf.append(s);
            return;
        }
        int width = wid - s.codePointCount(0, s.length());
        if (!minus) {
            writePadding(width);
            buf.append(s);
        } else {
            buf.append(s);
            writePadding(width);
        }
    }

    /** {@code fmtInteger}: u is the two's-complement bits of the value, read as unsigned unless signed. */
    void fmtInteger(long u, int base, boolean signed, int verb, boolean upper) {
        boolean negative = signed && u < 0;
        if (negative) {
            u = -u;
        }
        int minDigits = 0;
        if (precPresent) {
            minDigits = prec;
            if (prec == 0 && u == 0) {
                withoutZero(() -> writePadding(wid));
                return;
            }
        } else if (zero && !minus && widPresent) {
            minDigits = wid;
            if (negative || plus || space) {
                minDigits--;
            }
        }
        String digits = Long.toUnsignedString(u, base);
        if (upper) {
            digits = digits.toUpperCase();
        }
        var out = new StringBuilder();
        for (int i = digits.length(); i < minDigits; i++) {
            out.append('0');
        }
        out.append(digits);
        if (sharp) {
            switch (base) {
                case 2 -> out.insert(0, "0b");
                case 8 -> {
                    if (out.charAt(0) != '0') {
                        out.insert(0, '0');
                    }
                }
                case 16 -> out.insert(0, upper ? "0X" : "0x");
                default -> { }
            }
        }
        if (verb == 'O') {
            out.insert(0, "0o");
        }
        if (negative) {
            out.insert(0, '-');
        } else if (plus) {
            out.insert(0, '+');
        } else if (space) {
            out.insert(0, ' ');
        }
        withoutZero(() -> pad(out.toString()));
    }

    /** {@code fmtUnicode}: U+0078, or U+0078 'x' with the sharp flag. */
    void fmtUnicode(long u) {
        int minDigits = precPresent && prec > 4 ? prec : 4;
        var hex = new StringBuilder(Long.toHexString(u).toUpperCase());
        while (hex.length() < minDigits) {
            hex.insert(0, '0');
        }
        hex.insert(0, "U+");
        if (sharp && Long.compareUnsigned(u, 0x10FFFF) <= 0 && GoQuote.isPrint((int) u)) {
            hex.append(" '").appendCodePoint((int) u).append('\'');
        }
        withoutZero(() -> pad(hex.toString()));
    }

    void fmtC(long c) {
        pad(new String(Character.toChars(runeOf(c))));
    }

    void fmtQc(long c) {
        pad(GoQuote.quoteRune(runeOf(c), plus));
    }

    private static int runeOf(long c) {
        return Long.compareUnsigned(c, 0x10FFFF) <= 0 && GoQuote.validRune(c) ? (int) c : 0xFFFD;
    }

    String truncate(String s) {
        if (precPresent && s.codePointCount(0, s.length()) > prec) {
            return s.substring(0, s.offsetByCodePoints(0, prec));
        }
        return s;
    }

    void fmtS(String s) {
        pad(truncate(s));
    }

    /** {@code fmtSx}: the UTF-8 bytes of s in hex, precision limiting the number of bytes. */
    void fmtSx(String s, boolean upper) {
        String digits = upper ? UDIGITS : LDIGITS;
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int length = precPresent && prec < b.length ? prec : b.length;
        int width = 2 * length;
        if (width > 0) {
            if (space) {
                if (sharp) {
                    width *= 2;
                }
                width += length - 1;
            } else if (sharp) {
                width += 2;
            }
        } else {
            if (widPresent) {
                writePadding(wid);
            }
            return;
        }
        if (widPresent && wid > width && !minus) {
            writePadding(wid - width);
        }
        if (sharp) {
            buf.append('0').append(digits.charAt(16));
        }
        for (int i = 0; i < length; i++) {
            if (space && i > 0) {
                buf.append(' ');
                if (sharp) {
                    buf.append('0').append(digits.charAt(16));
                }
            }
            int c = b[i] & 0xFF;
            buf.append(digits.charAt(c >> 4)).append(digits.charAt(c & 0xF));
        }
        if (widPresent && wid > width && minus) {
            writePadding(wid - width);
        }
    }

    void fmtQ(String s) {
        s = truncate(s);
        if (sharp && GoQuote.canBackquote(s)) {
            pad("`" + s + "`");
        } else {
            pad(GoQuote.quote(s, plus));
        }
    }

    /** {@code fmtFloat}: verb is one of {@code b e E f g G x X}; precision -1 means shortest. */
    void fmtFloat(double v, char verb, int precision) {
        if (precPresent) {
            precision = prec;
        }
        String formatted = GoFloat.format(v, verb, precision);
        var num = new StringBuilder(formatted.startsWith("-") || formatted.startsWith("+")
                ? formatted : "+" + formatted);
        if (space && num.charAt(0) == '+' && !plus) {
            num.setCharAt(0, ' ');
        }
        if (num.charAt(1) == 'I' || num.charAt(1) == 'N') {
            if (num.charAt(1) == 'N' && !space && !plus) {
                num.deleteCharAt(0);
            }
            withoutZero(() -> pad(num.toString()));
            return;
        }
        if (sharp && verb != 'b') {
            sharpFloat(num, verb, precision);
        }
        if (plus || num.charAt(0) != '+') {
            if (zero && !minus && widPresent && wid > num.length()) {
                buf.append(num.charAt(0));
                writePadding(wid - num.length());
                buf.append(num, 1, num.length());
                return;
            }
            pad(num.toString());
            return;
        }
        pad(num.substring(1));
    }

    /** The sharp flag: always print a decimal point, and keep %g's trailing zeros. */
    private static void sharpFloat(StringBuilder num, char verb, int precision) {
        int digits = 0;
        if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x') {
            digits = precision == -1 ? 6 : precision;
        }
        String tail = "";
        boolean hasDecimalPoint = false;
        boolean sawNonzeroDigit = false;
        for (int i = 1; i < num.length(); i++) {
            char c = num.charAt(i);
            if (c == '.') {
                hasDecimalPoint = true;
            } else if (c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
                tail = num.substring(i);
                num.setLength(i);
            } else {
                if (c != '0') {
                    sawNonzeroDigit = true;
                }
                if (sawNonzeroDigit) {
                    digits--;
                }
            }
        }
        if (!hasDecimalPoint) {
            if (num.length() == 2 && num.charAt(1) == '0') {
                digits--;
            }
            num.append('.');
        }
        for (; digits > 0; digits--) {
            num.append('0');
        }
        num.append(tail);
    }

    private void withoutZero(Runnable action) {
        boolean oldZero = zero;
        zero = false;
        action.run();
        zero = oldZero;
    }
}
