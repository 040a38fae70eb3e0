package dev.paved.core.forge;

import java.util.regex.Pattern;

/**
 * The hidden first line that makes a comment Paved's sticky comment: {@code <!-- paved:ci -->}. Markdown renders
 * an HTML comment as nothing, and quoting a comment on GitHub or GitLab quotes the rendered text, so a reply never
 * carries the marker at its start.
 */
record CommentMarker(String name) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    CommentMarker {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a comment marker is 1 to 64 letters, digits, '.', '-' or '_', not '"
                    + name + "'");
        }
    }

    String line() {
        return "<!-- paved:" + name + " -->";
    }

    /** The body as posted: the marker line, then the body (which may start with the marker line already). */
    String stamp(String body) {
        return body.startsWith(line() + "\n") ? body : line() + "\n" + body;
    }

    boolean marks(String body) {
        return body != null && body.stripLeading().startsWith(line());
    }

    /** Whether a posted body already says {@code stamped}, ignoring line-ending and trailing-space differences. */
    static boolean sameText(String posted, String stamped) {
        return normalise(posted).equals(normalise(stamped));
    }

    private static String normalise(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").strip();
    }
}
