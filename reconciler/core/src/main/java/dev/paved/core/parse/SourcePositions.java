package dev.paved.core.parse;

import java.util.List;
import java.util.function.Supplier;

/**
 * The positions of every node of one file, computed the first time a finding needs one. Loading does not
 * record positions: in a valid repo nothing is ever located, and skipping them makes loading as cheap as
 * parsing. Keeps the text of the file until then (for a file read back from the declaration cache, its bytes,
 * decoded only if a position is ever asked for). Thread-safe.
 */
public final class SourcePositions {

    private final Supplier<String> text;
    private final YamlTreeReader reader;
    private volatile List<PositionMap> documents;

    SourcePositions(String text, YamlTreeReader reader) {
        this(() -> text, reader);
    }

    /** The positions of the nodes of any YAML text (a configuration file, say), read with the default limits. */
    public static SourcePositions of(String text) {
        return new SourcePositions(text, new YamlTreeReader(LoadLimits.DEFAULTS));
    }

    /** @param text the file's text; asked for once at most, from the first call of {@link #document(int)} */
    SourcePositions(Supplier<String> text, YamlTreeReader reader) {
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
                    maps = List.copyOf(reader.positions(text.get()));
                    documents = maps;
                }
            }
        }
        return index < maps.size() ? maps.get(index) : PositionMap.EMPTY;
    }
}
