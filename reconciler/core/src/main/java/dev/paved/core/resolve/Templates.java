package dev.paved.core.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * {@code ${dependencies.NAME.OUTPUT}} references in environment variable values: NAME is
 * {@code [a-z][-a-z0-9]*} and OUTPUT {@code [A-Za-z][A-Za-z0-9_]*}. Scanned by hand rather than with a regular
 * expression: a plan substitutes tens of thousands of values.
 */
public final class Templates {

    private static final String OPEN = "${dependencies.";

    /** What a value shows while an output is not known yet (its dependency does not exist yet). */
    public static final String UNKNOWN = "(known after apply)";

    private Templates() {
    }

    public record Reference(String dependency, String output) {
    }

    public static List<Reference> references(String value) {
        List<Reference> references = new ArrayList<>();
        for (int at = value.indexOf(OPEN); at >= 0; ) {
            int end = end(value, at);
            if (end < 0) {
                at = value.indexOf(OPEN, at + 1);
                continue;
            }
            references.add(reference(value, at, end));
            at = value.indexOf(OPEN, end);
        }
        return references;
    }

    /**
     * Replaces every reference with {@code outputs.apply(dependency, output)}; when that is null the whole value
     * becomes {@link #UNKNOWN}.
     */
    public static String substitute(String value, BiFunction<String, String, String> outputs) {
        int at = value.indexOf(OPEN);
        if (at < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 32);
        int copied = 0;
        while (at >= 0) {
            int end = end(value, at);
            if (end < 0) {
                at = value.indexOf(OPEN, at + 1);
                continue;
            }
            Reference reference = reference(value, at, end);
            String resolved = outputs.apply(reference.dependency(), reference.output());
            if (resolved == null) {
                return UNKNOWN;
            }
            out.append(value, copied, at).append(resolved);
            copied = end;
            at = value.indexOf(OPEN, end);
        }
        return out.append(value, copied, value.length()).toString();
    }

    /** Whether any value of the map holds a reference. */
    static boolean any(Map<String, String> values) {
        return values.values().stream().anyMatch(v -> !references(v).isEmpty());
    }

    /** The reference starting at {@code start} (which holds {@link #OPEN}) ending just before {@code end}. */
    private static Reference reference(String value, int start, int end) {
        int dot = value.indexOf('.', start + OPEN.length());
        return new Reference(value.substring(start + OPEN.length(), dot), value.substring(dot + 1, end - 1));
    }

    /** The index just past the reference that starts at {@code start}, or -1 when none does. */
    private static int end(String value, int start) {
        int i = start + OPEN.length();
        if (i >= value.length() || !lower(value.charAt(i))) {
            return -1;
        }
        i++;
        while (i < value.length() && (lower(value.charAt(i)) || digit(value.charAt(i)) || value.charAt(i) == '-')) {
            i++;
        }
        if (i >= value.length() || value.charAt(i) != '.') {
            return -1;
        }
        i++;
        if (i >= value.length() || !letter(value.charAt(i))) {
            return -1;
        }
        i++;
        while (i < value.length() && (letter(value.charAt(i)) || digit(value.charAt(i)) || value.charAt(i) == '_')) {
            i++;
        }
        return i < value.length() && value.charAt(i) == '}' ? i + 1 : -1;
    }

    private static boolean lower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean letter(char c) {
        return lower(c) || c >= 'A' && c <= 'Z';
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }
}
