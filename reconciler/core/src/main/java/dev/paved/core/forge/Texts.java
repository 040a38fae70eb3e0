package dev.paved.core.forge;

import java.util.regex.Pattern;

/** Small checks and cuts of what goes into forge requests. */
final class Texts {

    private static final Pattern SHA = Pattern.compile("[0-9a-fA-F]{7,64}");

    private Texts() {
    }

    /** At most {@code max} characters (code points), the last one an ellipsis when cut; null is empty. */
    static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        if (line.codePointCount(0, line.length()) <= max) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, max - 1)) + "…";
    }

    /** A commit id, checked so that nothing else lands in a request path. */
    static String sha(String sha) {
        if (sha == null || !SHA.matcher(sha).matches()) {
            throw new ForgeException("'" + sha + "' is not a commit id (7 to 64 hexadecimal digits)", 0, "");
        }
        return sha;
    }
}
