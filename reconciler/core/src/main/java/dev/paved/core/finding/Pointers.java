package dev.paved.core.finding;

/** JSON pointers (RFC 6901): building them segment by segment and showing them to people. */
public final class Pointers {

    private Pointers() {
    }

    public static String child(String pointer, String name) {
        return pointer + "/" + escape(name);
    }

    public static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    public static String escape(String segment) {
        if (segment.indexOf('~') < 0 && segment.indexOf('/') < 0) {
            return segment;
        }
        return segment.replace("~", "~0").replace("/", "~1");
    }

    public static String unescape(String segment) {
        if (segment.indexOf('~') < 0) {
            return segment;
        }
        return segment.replace("~1", "/").replace("~0", "~");
    }

    /** The parent pointer, or {@code ""} for the root and its direct children. */
    public static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "" : pointer.substring(0, slash);
    }

    /**
     * Turns {@code /spec/dependencies/0/name} into {@code spec.dependencies[0].name}. A segment that is all
     * digits is shown as an index; a key that would be ambiguous in dotted form is quoted.
     */
    public static String display(String pointer) {
        if (pointer.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String raw : pointer.substring(1).split("/", -1)) {
            String segment = unescape(raw);
            if (!segment.isEmpty() && segment.chars().allMatch(Character::isDigit)) {
                out.append('[').append(segment).append(']');
            } else if (segment.isEmpty() || segment.chars().anyMatch(c -> c == '.' || c == '[' || c == ' ')) {
                out.append("[\"").append(segment.replace("\"", "\\\"")).append("\"]");
            } else {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(segment);
            }
        }
        return out.toString();
    }
}
