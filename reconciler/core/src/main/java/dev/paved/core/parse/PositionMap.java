package dev.paved.core.parse;

import dev.paved.core.finding.Pointers;
import java.util.Map;

/**
 * The source position of every node of one YAML document, keyed by JSON pointer. A scalar is located at its
 * value; a mapping or sequence that is the value of a key is located at that key (the line a reader looks
 * for). Nodes reached through an alias are located at the alias.
 */
public final class PositionMap {

    /** No known positions: everything is located at the start of the document. */
    static final PositionMap EMPTY = new PositionMap(Map.of());

    private final Map<String, Long> positions;

    PositionMap(Map<String, Long> positions) {
        this.positions = Map.copyOf(positions);
    }

    static long pack(int line, int column) {
        return ((long) line << 32) | (column & 0xffffffffL);
    }

    /** Line of the node at {@code pointer}, or of its nearest located ancestor. */
    public int line(String pointer) {
        return (int) (find(pointer) >>> 32);
    }

    /** Column of the node at {@code pointer}, or of its nearest located ancestor. */
    public int column(String pointer) {
        return (int) find(pointer);
    }

    public boolean contains(String pointer) {
        return positions.containsKey(pointer);
    }

    public int size() {
        return positions.size();
    }

    private long find(String pointer) {
        String at = pointer;
        while (true) {
            Long packed = positions.get(at);
            if (packed != null) {
                return packed;
            }
            if (at.isEmpty()) {
                return pack(1, 1);
            }
            at = Pointers.parent(at);
        }
    }
}
