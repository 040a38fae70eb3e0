package dev.paved.policy.builtins;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
  * Go's {@code time.Parse(time.RFC3339, s)}: its strict fast path, then the general layout parser for
  * {@code 2006-01-02T15:04:05Z07:00}, which is looser (a one-digit hour, a comma before the fraction, a zone
  * hour of 24). A fraction of any length is accepted and cut to nanoseconds. The result is nanoseconds since
  * the epoch, or empty when the text does not parse.
  */
final class GoRfc3339 {

    private GoRfc3339() {}

    /** The instant as (epoch seconds, nanos), or empty. */
    static Optional<long[]> parse(String s) {
        var fast = fastPath(s);
        return fast.isPresent() ? fast : layoutPath(s);
    }

    private static Optional<long[]> fastPath(String s) {
        if (s.length() < 19) {
            return Optional.empty();
        }
        int year = uint(s, 0, 4, 0, 9999);
        int month = uint(s, 5, 7, 1, 12);
        int day = month < 0 || year < 0 ? -1 : uint(s, 8, 10, 1, daysIn(month, year));
        int hour = uint(s, 11, 13, 0, 23);
        int min = uint(s, 14, 16, 0, 59);
        int sec = uint(s, 17, 19, 0, 59);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || min < 0 || sec < 0
                || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return Optional.empty();
        }
        int i = 19;
        int nanos = 0;
        if (s.length() - i >= 2 && s.charAt(i) == '.' && isDigit(s, i + 1)) {
            int n = i + 2;
            while (n < s.length() && isDigit(s, n)) {
                n++;
            }
            nanos = nanoseconds(s.substring(i, n));
            i = n;
        }
        String zone = s.substring(i);
        int offset = 0;
        if (!zone.equals("Z")) {
            if (zone.length() != 6) {
                return Optional.empty();
            }
            int hr = uint(zone, 1, 3, 0, 23);
            int mm = uint(zone, 4, 6, 0, 59);
            if (hr < 0 || mm < 0 || !((zone.charAt(0) == '-' || zone.charAt(0) == '+') && zone.charAt(3) == ':')) {
                return Optional.empty();
            }
            offset = (zone.charAt(0) == '-' ? -1 : 1) * (hr * 60 + mm) * 60;
        }
        return Optional.of(instant(year, month, day, hour, min, sec, nanos, offset));
    }

    /** Go's general {@code parse} walking the layout 2006-01-02T15:04:05Z07:00. */
    private static Optional<long[]> layoutPath(String s) {
        var v = new Cursor(s);
        if (v.rest() < 4 || !isDigit(s, 0)) {
            return Optional.empty();
        }
        int year = v.fixedDigits(4);
        int month = v.literal('-') ? v.number(true) : -1;
        int day = month >= 0 && v.literal('-') ? v.number(true) : -1;
        int hour = day >= 0 && v.literal('T') ? v.number(false) : -1;
        int min = hour >= 0 && v.literal(':') ? v.number(true) : -1;
        int sec = min >= 0 && v.literal(':') ? v.number(true) : -1;
        if (year < 0 || sec < 0 || month < 1 || month > 12 || hour > 23 || min > 59 || sec > 59) {
            return Optional.empty();
        }
        int nanos = 0;
        if (v.rest() >= 2 && (v.peek() == '.' || v.peek() == ',') && isDigit(s, v.pos + 1)) {
            int n = v.pos + 2;
            while (n < s.length() && isDigit(s, n)) {
                n++;
            }
            nanos = nanoseconds(s.substring(v.pos, n));
            v.pos = n;
        }
        int offset;
        if (v.rest() >= 1 && v.peek() == 'Z') {
            v.pos++;
            offset = 0;
        } else {
            if (v.rest() < 6 || s.charAt(v.pos + 3) != ':') {
                return Optional.empty();
            }
            char sign = v.peek();
            int hr = uint(s, v.pos + 1, v.pos + 3, 0, 24);
            int mm = uint(s, v.pos + 4, v.pos + 6, 0, 60);
            if (hr < 0 || mm < 0 || (sign != '+' && sign != '-')) {
                return Optional.empty();
            }
            v.pos += 6;
            offset = (sign == '-' ? -1 : 1) * (hr * 60 + mm) * 60;
        }
        if (v.rest() > 0 || day < 1 || day > daysIn(month, year)) {
            return Optional.empty();
        }
        return Optional.of(instant(year, month, day, hour, min, sec, nanos, offset));
    }

    private static long[] instant(int year, int month, int day, int hour, int min, int sec, int nanos, int offset) {
        var local = LocalDateTime.of(year, month, day, hour, min, sec);
        return new long[] {local.toEpochSecond(ZoneOffset.UTC) - offset, nanos};
    }

    /** Go's {@code parseNanoseconds}: separator plus digits, cut to nine. */
    private static int nanoseconds(String fraction) {
        String digits = fraction.substring(1, Math.min(fraction.length(), 10));
        return Integer.parseInt((digits + "000000000").substring(0, 9));
    }

    /** The unsigned decimal in s[from, to) if within [min, max], else -1. */
    private static int uint(String s, int from, int to, int min, int max) {
        int x = 0;
        for (int i = from; i < to; i++) {
            if (!isDigit(s, i)) {
                return -1;
            }
            x = x * 10 + (s.charAt(i) - '0');
        }
        return x < min || x > max ? -1 : x;
    }

    private static int daysIn(int month, int year) {
        return LocalDate.of(year, month, 1).lengthOfMonth();
    }

    private static boolean isDigit(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    /** The unparsed rest of the value, as Go's parser consumes it. */
    private static final class Cursor {
        private final String s;
        private int pos;

        Cursor(String s) {
            this.s = s;
        }

        int rest() {
            return s.length() - pos;
        }

        char peek() {
            return s.charAt(pos);
        }

        boolean literal(char c) {
            if (rest() > 0 && peek() == c) {
                pos++;
                return true;
            }
            return false;
        }

        int fixedDigits(int n) {
            int x = uint(s, pos, pos + n, 0, Integer.MAX_VALUE);
            pos += n;
            return x;
        }

        /** Go's {@code getnum}: one or two digits, two required when fixed. */
        int number(boolean fixed) {
            if (!isDigit(s, pos)) {
                return -1;
            }
            if (!isDigit(s, pos + 1)) {
                if (fixed) {
                    return -1;
                }
                pos++;
                return s.charAt(pos - 1) - '0';
            }
            pos += 2;
            return (s.charAt(pos - 2) - '0') * 10 + (s.charAt(pos - 1) - '0');
        }
    }
}
