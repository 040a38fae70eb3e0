package dev.paved.daemon.store;

/** Messages and reasons are stored as one bounded line, whatever the caller hands in. */
final class OneLine {

    static final int MAX = 500;

    private OneLine() {
    }

    /** Line breaks and runs of white space become one space; longer than {@link #MAX} is cut with an ellipsis. */
    static String of(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= MAX ? line : line.substring(0, MAX - 1) + "…";
    }
}
