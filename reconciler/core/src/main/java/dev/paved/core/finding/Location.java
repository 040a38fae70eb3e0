package dev.paved.core.finding;

import java.util.Comparator;

/**
 * Where something stands in the platform repo: a repo-relative file (always with '/'), the index of the
 * YAML document within that file (0-based), and a 1-based line and column. Line 0 means "the file as a
 * whole" (e.g. it is too large to read).
 */
public record Location(String file, int document, int line, int column) implements Comparable<Location> {

    private static final Comparator<Location> ORDER = Comparator.comparing(Location::file)
            .thenComparingInt(Location::line)
            .thenComparingInt(Location::column)
            .thenComparingInt(Location::document);

    public static Location ofFile(String file) {
        return new Location(file, 0, 0, 0);
    }

    @Override
    public int compareTo(Location other) {
        return ORDER.compare(this, other);
    }

    /** {@code file:line:column}, or just the file when there is no line. */
    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line + ":" + column;
    }
}
