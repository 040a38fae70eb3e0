package dev.paved.core.parse;

import java.util.List;

/**
 * The positions of every node of one file, computed the first time a finding needs one. Loading does not
 * record positions: in a valid repo nothing is ever located, and skipping them makes loading as cheap as
 * parsing. Keeps the decoded text of the file (no larger than the file) until then. Thread-safe.
 */
public final class SourcePositions {

    private final String text;
    private final YamlTreeReader reader;
    private volatile List<PositionMap> documents;

    SourcePositions(String text, YamlTreeReader reader) {
        this.text = text;
        this.reader = reader;
    }

    /** Positions of the nodes of one document of the file. */
    public PositionMap document(int index) {
        List<PositionMap> maps = documents;
        if (maps == null) {
            synchronized (this) {
                maps = documents;
                if (maps == null) {
                    maps = List.copyOf(reader.positions(text));
                    documents = maps;
                }
            }
        }
        return index < maps.size() ? maps.get(index) : PositionMap.EMPTY;
    }
}
