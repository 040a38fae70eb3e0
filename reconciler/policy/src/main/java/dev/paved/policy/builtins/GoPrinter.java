package dev.paved.policy.builtins;

import java.util.List;

/**
  * Go's {@code fmt.Sprintf} over the argument types OPA passes it (a port of {@code doPrintf} and
  * {@code printArg} in Go's {@code fmt/print.go}, and of {@code (*big.Int).Format}): flags, width, precision,
  * {@code *} and {@code [n]} argument indexes, and the {@code %!verb(type=value)}, {@code %!verb(MISSING)},
  * {@code %!(EXTRA ...)}, {@code %!(NOVERB)}, {@code %!(BADWIDTH)}, {@code %!(BADPREC)} and
  * {@code %!verb(BADINDEX)} forms.
  */
final class GoPrinter {

    private final StringBuilder buf = new StringBuilder();
    private final GoFmt fmt = new GoFmt(buf);
    private GoArg arg;
    private boolean reordered;
    private boolean goodArgNum;

    private GoPrinter() {}

    static String sprintf(String format, List<GoArg> args) {
        var printer = new GoPrinter();
        printer.doPrintf(format, args);
        return printer.buf.toString();
    }

    private void doPrintf(String format, List<GoArg> a) {
        int end = format.length();
        int argNum = 0;
        boolean afterIndex;
        reordered = false;
        int i = 0;
        while (i < end) {
            goodArgNum = true;
            int lasti = i;
            while (i < end && format.charAt(i) != '%') {
                i++;
            }
            buf.append(format, lasti, i);
            if (i >= end) {
                break;
            }
            i++;
            fmt.clearFlags();
            flags:
            for (; i < end; i++) {
                switch (format.charAt(i)) {
                    case '#' -> fmt.sharp = true;
                    case '0' -> fmt.zero = true;
                    case '+' -> fmt.plus = true;
                    case '-' -> fmt.minus = true;
                    case ' ' -> fmt.space = true;
                    default -> {
                        break flags;
                    }
                }
            }
            int[] r = argNumber(argNum, format, i, a.size());
            argNum = r[0];
            i = r[1];
            afterIndex = r[2] == 1;

            if (i < end && format.charAt(i) == '*') {
                i++;
                Integer width = intFromArg(a, argNum);
                argNum = argNum < a.size() ? argNum + 1 : argNum;
                fmt.widPresent = width != null;
                fmt.wid = width == null ? 0 : width;
                if (!fmt.widPresent) {
                    buf.append("%!(BADWIDTH)");
                }
                if (fmt.wid < 0) {
                    fmt.wid = -fmt.wid;
                    fmt.minus = true;
                    fmt.zero = false;
                }
                afterIndex = false;
            } else {
                int[] n = parseNum(format, i, end);
                fmt.wid = n[0];
                fmt.widPresent = n[1] == 1;
                i = n[2];
                if (afterIndex && fmt.widPresent) {
                    goodArgNum = false;
                }
            }

            if (i + 1 < end && format.charAt(i) == '.') {
                i++;
                if (afterIndex) {
                    goodArgNum = false;
                }
                r = argNumber(argNum, format, i, a.size());
                argNum = r[0];
                i = r[1];
                afterIndex = r[2] == 1;
                if (i < end && format.charAt(i) == '*') {
                    i++;
                    Integer precision = intFromArg(a, argNum);
                    argNum = argNum < a.size() ? argNum + 1 : argNum;
                    fmt.precPresent = precision != null;
                    fmt.prec = precision == null ? 0 : precision;
                    if (fmt.prec < 0) {
                        fmt.prec = 0;
                        fmt.precPresent = false;
                    }
                    if (!fmt.precPresent) {
                        buf.append("%!(BADPREC)");
                    }
                    afterIndex = false;
                } else {
                    int[] n = parseNum(format, i, end);
                    fmt.prec = n[0];
                    fmt.precPresent = n[1] == 1;
                    i = n[2];
                    if (!fmt.precPresent) {
                        fmt.prec = 0;
                        fmt.precPresent = true;
                    }
                }
            }

            if (!afterIndex) {
                r = argNumber(argNum, format, i, a.size());
                argNum = r[0];
                i = r[1];
            }

            if (i >= end) {
                buf.append("%!(NOVERB)");
                break;
            }
            int verb = format.codePointAt(i);
            i += Character.charCount(verb);

            if (verb == '%') {
                buf.append('%');
            } else if (!goodArgNum) {
                buf.append("%!").appendCodePoint(verb).append("(BADINDEX)");
            } else if (argNum >= a.size()) {
                buf.append("%!").appendCodePoint(verb).append("(MISSING)");
            } else {
                if (verb == 'v' || verb == 'w') {
                    fmt.sharpV = fmt.sharp;
                    fmt.sharp = false;
                    fmt.plusV = fmt.plus;
                    fmt.plus = false;
                }
                printArg(a.get(argNum), verb);
                argNum++;
            }
        }

        if (!reordered && argNum < a.size()) {
            fmt.clearFlags();
            buf.append("%!(EXTRA ");
            for (int k = argNum; k < a.size(); k++) {
                if (k > argNum) {
                    buf.append(", ");
                }
                buf.append(a.get(k).typeName()).append('=');
                printArg(a.get(k), 'v');
            }
            buf.append(')');
        }
    }

    /** Returns {newArgNum, newI, found ? 1 : 0}, as Go's {@code argNumber}. */
    private int[] argNumber(int argNum, String format, int i, int numArgs) {
        if (format.length() <= i || format.charAt(i) != '[') {
            return new int[] {argNum, i, 0};
        }
        reordered = true;
        String rest = format.substring(i);
        // parseArgNumber: there must be at least 3 bytes: [n].
        int index = 0;
        int wid = 1;
        boolean ok = false;
        if (rest.length() >= 3) {
            for (int j = 1; j < rest.length(); j++) {
                if (rest.charAt(j) == ']') {
                    int[] n = parseNum(rest, 1, j);
                    if (n[1] != 1 || n[2] != j) {
                        wid = j + 1;
                    } else {
                        index = n[0] - 1;
                        wid = j + 1;
                        ok = true;
                    }
                    break;
                }
            }
        }
        if (ok && 0 <= index && index < numArgs) {
            return new int[] {index, i + wid, 1};
        }
        goodArgNum = false;
        return new int[] {argNum, i + wid, ok ? 1 : 0};
    }

    /** Returns {num, isNum ? 1 : 0, newI}, as Go's {@code parsenum}, overflow included. */
    private static int[] parseNum(String s, int start, int end) {
        if (start >= end) {
            return new int[] {0, 0, end};
        }
        int num = 0;
        boolean isNum = false;
        int i = start;
        for (; i < end && '0' <= s.charAt(i) && s.charAt(i) <= '9'; i++) {
            if (tooLarge(num)) {
                return new int[] {0, 0, end};
            }
            num = num * 10 + (s.charAt(i) - '0');
            isNum = true;
        }
        return new int[] {num, isNum ? 1 : 0, i};
    }

    private static boolean tooLarge(long x) {
        return x > 1_000_000 || x < -1_000_000;
    }

    /** Go's {@code intFromArg}: the argument as a width or precision, null when it is not a (small) integer. */
    private static Integer intFromArg(List<GoArg> a, int argNum) {
        if (argNum >= a.size()) {
            return null;
        }
        if (a.get(argNum) instanceof GoArg.Int64 n && !tooLarge(n.value())) {
            return (int) n.value();
        }
        return null;
    }

    private void printArg(GoArg value, int verb) {
        arg = value;
        if (verb == 'T') {
            fmt.fmtS(value.typeName());
            return;
        }
        if (verb == 'p') {
            badVerb(verb);
            return;
        }
        if (value instanceof GoArg.Int64 n) {
            printInteger(n.value(), verb);
        } else if (value instanceof GoArg.Float64 f) {
            printFloat(f.value(), verb);
        } else if (value instanceof GoArg.Str s) {
            printString(s.value(), verb);
        } else {
            GoBigInt.format(fmt, ((GoArg.BigInt) value).value(), verb);
        }
    }

    private void printInteger(long v, int verb) {
        switch (verb) {
            case 'v', 'd' -> fmt.fmtInteger(v, 10, true, verb, false);
            case 'b' -> fmt.fmtInteger(v, 2, true, verb, false);
            case 'o', 'O' -> fmt.fmtInteger(v, 8, true, verb, false);
            case 'x' -> fmt.fmtInteger(v, 16, true, verb, false);
            case 'X' -> fmt.fmtInteger(v, 16, true, verb, true);
            case 'c' -> fmt.fmtC(v);
            case 'q' -> fmt.fmtQc(v);
            case 'U' -> fmt.fmtUnicode(v);
            default -> badVerb(verb);
        }
    }

    private void printFloat(double v, int verb) {
        switch (verb) {
            case 'v' -> fmt.fmtFloat(v, 'g', -1);
            case 'b', 'g', 'G', 'x', 'X' -> fmt.fmtFloat(v, (char) verb, -1);
            case 'f', 'e', 'E' -> fmt.fmtFloat(v, (char) verb, 6);
            case 'F' -> fmt.fmtFloat(v, 'f', 6);
            default -> badVerb(verb);
        }
    }

    private void printString(String v, int verb) {
        switch (verb) {
            case 'v' -> {
                if (fmt.sharpV) {
                    fmt.fmtQ(v);
                } else {
                    fmt.fmtS(v);
                }
            }
            case 's' -> fmt.fmtS(v);
            case 'x' -> fmt.fmtSx(v, false);
            case 'X' -> fmt.fmtSx(v, true);
            case 'q' -> fmt.fmtQ(v);
            default -> badVerb(verb);
        }
    }

    private void badVerb(int verb) {
        buf.append("%!").appendCodePoint(verb).append('(').append(arg.typeName()).append('=');
        printArg(arg, 'v');
        buf.append(')');
    }
}
