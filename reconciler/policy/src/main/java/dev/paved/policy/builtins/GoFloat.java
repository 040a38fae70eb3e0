package dev.paved.policy.builtins;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
  * Go's {@code strconv.FormatFloat(v, fmt, prec, 64)} for the formats {@code e E f g G b x X}: the shortest
  * representation that reads back to the same float64 when {@code prec < 0}, otherwise correctly rounded
  * (half to even on the exact binary value, as Go does).
  */
final class GoFloat {

    private static final String LOWER_HEX = "0123456789abcdef";
    private static final String UPPER_HEX = "0123456789ABCDEF";

    /** Decimal digits {@code 0.d × 10^dp} without trailing zeros; no digits for zero. */
    private record Digits(String d, int dp) {
        int nd() {
            return d.length();
        }

        char at(int i) {
            return d.charAt(i);
        }
    }

    private GoFloat() {}

    static String format(double v, char fmt, int prec) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        long bits = Double.doubleToRawLongBits(v);
        boolean neg = bits < 0;
        if (fmt == 'b') {
            return formatB(neg, bits);
        }
        if (fmt == 'x' || fmt == 'X') {
            return formatX(neg, bits, fmt, prec);
        }
        double abs = Math.abs(v);
        boolean shortest = prec < 0;
        if (abs == 0) {
            return formatDigits(new StringBuilder(), shortest, neg, new Digits("", 0), prec, fmt);
        }
        Digits digs;
        if (shortest) {
            digs = shortest(abs);
            prec = switch (fmt) {
                case 'e', 'E' -> Math.max(digs.nd() - 1, 0);
                case 'f' -> Math.max(digs.nd() - digs.dp(), 0);
                default -> digs.nd();
            };
        } else {
            switch (fmt) {
                case 'f' -> digs = of(new BigDecimal(abs).setScale(prec, RoundingMode.HALF_EVEN));
                case 'e', 'E' -> digs = significant(abs, prec + 1);
                default -> {
                    if (prec == 0) {
                        prec = 1;
                    }
                    digs = significant(abs, prec);
                }
            }
        }
        return formatDigits(new StringBuilder(), shortest, neg, digs, prec, fmt);
    }

    private static Digits shortest(double abs) {
        var exact = new BigDecimal(abs);
        for (int n = 1; n < 17; n++) {
            var rounded = exact.round(new MathContext(n, RoundingMode.HALF_EVEN));
            if (Double.parseDouble(rounded.toString()) == abs) {
                return of(rounded);
            }
        }
        return significant(abs, 17);
    }

    private static Digits significant(double abs, int n) {
        return of(new BigDecimal(abs).round(new MathContext(n, RoundingMode.HALF_EVEN)));
    }

    private static Digits of(BigDecimal x) {
        if (x.signum() == 0) {
            return new Digits("", 0);
        }
        var stripped = x.stripTrailingZeros();
        var d = stripped.unscaledValue().toString();
        return new Digits(d, d.length() - stripped.scale());
    }

    private static String formatDigits(StringBuilder out, boolean shortest, boolean neg, Digits digs, int prec,
            char fmt) {
        switch (fmt) {
            case 'e', 'E' -> fmtE(out, neg, digs, prec, fmt);
            case 'f' -> fmtF(out, neg, digs, prec);
            case 'g', 'G' -> {
                int eprec = prec;
                if (eprec > digs.nd() && digs.nd() >= digs.dp()) {
                    eprec = digs.nd();
                }
                if (shortest) {
                    eprec = 6;
                }
                int exp = digs.dp() - 1;
                if (exp < -4 || exp >= eprec) {
                    if (prec > digs.nd()) {
                        prec = digs.nd();
                    }
                    fmtE(out, neg, digs, prec - 1, fmt == 'g' ? 'e' : 'E');
                } else {
                    if (prec > digs.dp()) {
                        prec = digs.nd();
                    }
                    fmtF(out, neg, digs, Math.max(prec - digs.dp(), 0));
                }
            }
            default -> out.append('%').append(fmt);
        }
        return out.toString();
    }

    private static void fmtE(StringBuilder out, boolean neg, Digits d, int prec, char fmt) {
        if (neg) {
            out.append('-');
        }
        out.append(d.nd() != 0 ? d.at(0) : '0');
        if (prec > 0) {
            out.append('.');
            int i = 1;
            int m = Math.min(d.nd(), prec + 1);
            if (i < m) {
                out.append(d.d(), i, m);
                i = m;
            }
            for (; i <= prec; i++) {
                out.append('0');
            }
        }
        out.append(fmt);
        int exp = d.nd() == 0 ? 0 : d.dp() - 1;
        out.append(exp < 0 ? '-' : '+');
        exp = Math.abs(exp);
        if (exp < 10) {
            out.append('0');
        }
        out.append(exp);
    }

    private static void fmtF(StringBuilder out, boolean neg, Digits d, int prec) {
        if (neg) {
            out.append('-');
        }
        if (d.dp() > 0) {
            int m = Math.min(d.nd(), d.dp());
            out.append(d.d(), 0, m);
            for (; m < d.dp(); m++) {
                out.append('0');
            }
        } else {
            out.append('0');
        }
        if (prec > 0) {
            out.append('.');
            for (int i = 0; i < prec; i++) {
                int j = d.dp() + i;
                out.append(0 <= j && j < d.nd() ? d.at(j) : '0');
            }
        }
    }

    private static String formatB(boolean neg, long bits) {
        int exp = (int) (bits >>> 52) & 0x7FF;
        long mant = bits & ((1L << 52) - 1);
        if (exp == 0) {
            exp++;
        } else {
            mant |= 1L << 52;
        }
        exp += -1023 - 52;
        return (neg ? "-" : "") + mant + "p" + (exp >= 0 ? "+" : "") + exp;
    }

    private static String formatX(boolean neg, long bits, char fmt, int prec) {
        int exp = (int) (bits >>> 52) & 0x7FF;
        long mant = bits & ((1L << 52) - 1);
        if (exp == 0) {
            exp++;
        } else {
            mant |= 1L << 52;
        }
        exp += -1023;
        if (mant == 0) {
            exp = 0;
        }
        mant <<= 60 - 52;
        while (mant != 0 && (mant & (1L << 60)) == 0) {
            mant <<= 1;
            exp--;
        }
        if (prec >= 0 && prec < 15) {
            int shift = prec * 4;
            long extra = (mant << shift) & ((1L << 60) - 1);
            mant >>>= 60 - shift;
            if ((extra | (mant & 1)) > 1L << 59) {
                mant++;
            }
            mant <<= 60 - shift;
            if ((mant & (1L << 61)) != 0) {
                mant >>>= 1;
                exp++;
            }
        }
        String hex = fmt == 'X' ? UPPER_HEX : LOWER_HEX;
        var out = new StringBuilder();
        if (neg) {
            out.append('-');
        }
        out.append('0').append(fmt).append((char) ('0' + ((mant >>> 60) & 1)));
        mant <<= 4;
        if (prec < 0 && mant != 0) {
            out.append('.');
            while (mant != 0) {
                out.append(hex.charAt((int) ((mant >>> 60) & 15)));
                mant <<= 4;
            }
        } else if (prec > 0) {
            out.append('.');
            for (int i = 0; i < prec; i++) {
                out.append(hex.charAt((int) ((mant >>> 60) & 15)));
                mant <<= 4;
            }
        }
        out.append(fmt == 'X' ? 'P' : 'p').append(exp < 0 ? '-' : '+');
        exp = Math.abs(exp);
        if (exp < 10) {
            out.append('0');
        }
        return out.append(exp).toString();
    }
}
