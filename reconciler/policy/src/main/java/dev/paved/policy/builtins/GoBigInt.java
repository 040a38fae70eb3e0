package dev.paved.policy.builtins;

import java.math.BigInteger;

/** Go's {@code (*big.Int).Format}: how {@code fmt} prints an integer beyond int64. */
final class GoBigInt {

    private GoBigInt() {}

    /** Writes through the fmt state directly, without its padding helpers, as big.Int does. */
    static void format(GoFmt fmt, BigInteger x, int ch) {
        int base;
        switch (ch) {
            case 'b' -> base = 2;
            case 'o', 'O' -> base = 8;
            case 'd', 's', 'v' -> base = 10;
            case 'x', 'X' -> base = 16;
            default -> {
                fmt.buf.append("%!").appendCodePoint(ch).append("(big.Int=").append(x).append(')');
                return;
            }
        }
        String sign = x.signum() < 0 ? "-" : (fmt.plus || fmt.plusV) ? "+" : fmt.space ? " " : "";
        String prefix = "";
        if (fmt.sharp || fmt.sharpV) {
            prefix = switch (ch) {
                case 'b' -> "0b";
                case 'o' -> "0";
                case 'x' -> "0x";
                case 'X' -> "0X";
                default -> "";
            };
        }
        if (ch == 'O') {
            prefix = "0o";
        }
        String digits = x.abs().toString(base);
        if (ch == 'X') {
            digits = digits.toUpperCase();
        }
        int left = 0;
        int zeros = 0;
        int right = 0;
        if (fmt.precPresent) {
            if (digits.length() < fmt.prec) {
                zeros = fmt.prec - digits.length();
            } else if (digits.equals("0") && fmt.prec == 0) {
                return;
            }
        }
        int length = sign.length() + prefix.length() + zeros + digits.length();
        if (fmt.widPresent && length < fmt.wid) {
            int d = fmt.wid - length;
            if (fmt.minus) {
                right = d;
            } else if (fmt.zero && !fmt.precPresent) {
                zeros = d;
            } else {
                left = d;
            }
        }
        fmt.buf.append(" ".repeat(left)).append(sign).append(prefix).append("0".repeat(zeros)).append(digits)
                .append(" ".repeat(right));
    }
}
