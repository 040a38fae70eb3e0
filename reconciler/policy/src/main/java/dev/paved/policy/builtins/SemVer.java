package dev.paved.policy.builtins;

import java.util.Optional;
import java.util.regex.Pattern;

/**
  * A port of OPA's {@code internal/semver}: SemVer 2.0.0 (no leading zeros, numeric parts within int64,
  * pre-release and build identifiers of {@code [0-9A-Za-z-]}) except that, like OPA, one leading {@code v} is
  * accepted ({@code v1.2.3} is valid).
  */
record SemVer(long major, long minor, long patch, String preRelease, String metadata) {

    private static final Pattern IDENTIFIERS = Pattern.compile("[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*");

    static Optional<SemVer> parse(String version) {
        String v = version.startsWith("v") ? version.substring(1) : version;
        String metadata = "";
        int plus = v.indexOf('+');
        if (plus >= 0) {
            metadata = v.substring(plus + 1);
            v = v.substring(0, plus);
            if (!IDENTIFIERS.matcher(metadata).matches()) {
                return Optional.empty();
            }
        }
        String pre = "";
        int dash = v.indexOf('-');
        if (dash >= 0) {
            pre = v.substring(dash + 1);
            v = v.substring(0, dash);
            if (!IDENTIFIERS.matcher(pre).matches() || !validPreRelease(pre)) {
                return Optional.empty();
            }
        }
        String[] parts = v.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        var major = numeric(parts[0]);
        var minor = numeric(parts[1]);
        var patch = numeric(parts[2]);
        if (major.isEmpty() || minor.isEmpty() || patch.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SemVer(major.get(), minor.get(), patch.get(), pre, metadata));
    }

    private static Optional<Long> numeric(String s) {
        if (s.isEmpty() || s.charAt(0) == '+' || s.charAt(0) == '-' || (s.length() > 1 && s.charAt(0) == '0')
                || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean validPreRelease(String pre) {
        for (String id : pre.split("\\.", -1)) {
            if (id.length() > 1 && id.charAt(0) == '0' && allDecimals(id)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allDecimals(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** OPA's {@code Version.Compare}: build metadata is ignored, a pre-release sorts before its release. */
    int compareTo(SemVer other) {
        int c = Long.compare(major, other.major);
        if (c == 0) {
            c = Long.compare(minor, other.minor);
        }
        if (c == 0) {
            c = Long.compare(patch, other.patch);
        }
        if (c != 0) {
            return Integer.signum(c);
        }
        if (preRelease.equals(other.preRelease)) {
            return 0;
        }
        if (preRelease.isEmpty()) {
            return 1;
        }
        if (other.preRelease.isEmpty()) {
            return -1;
        }
        String[] a = preRelease.split("\\.", -1);
        String[] b = other.preRelease.split("\\.", -1);
        for (int i = 0; ; i++) {
            String x = i < a.length ? a[i] : "";
            String y = i < b.length ? b[i] : "";
            if (x.isEmpty() != y.isEmpty()) {
                return x.isEmpty() ? -1 : 1;
            }
            boolean xInt = allDecimals(x);
            boolean yInt = allDecimals(y);
            if (xInt != yInt) {
                return xInt ? -1 : 1;
            }
            int d = xInt ? Long.compare(atoi(x), atoi(y)) : Integer.signum(x.compareTo(y));
            if (d != 0) {
                return Integer.signum(d);
            }
            boolean moreX = i + 1 < a.length;
            boolean moreY = i + 1 < b.length;
            if (moreX != moreY) {
                return moreX ? 1 : -1;
            }
            if (!moreX) {
                return 0;
            }
        }
    }

    /** Go's strconv.Atoi on digits: clamped to the int64 range on overflow. */
    private static long atoi(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
