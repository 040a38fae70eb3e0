package dev.paved.core.parse;

import dev.paved.core.finding.Location;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One declaration of the platform contract, as loaded from one YAML document. The body is the whole
 * document; it is never modified after loading.
 *
 * @param file      repo-relative path of the file, with '/'
 * @param document  index of the document within the file (0-based)
 * @param kind      the declaration's kind
 * @param name      {@code metadata.name}, or {@code ""} when it is missing (the schema check reports that)
 * @param body      the document
 * @param source    source positions of every node of the file, computed when first asked for
 */
public record Declaration(String file, int document, Kind kind, String name, ObjectNode body,
                          SourcePositions source) {

    public JsonNode spec() {
        return body.path("spec");
    }

    /** Where the document starts. */
    public Location location() {
        return locate("");
    }

    /** Where the node at {@code pointer} stands, or its nearest ancestor when it does not exist. */
    public Location locate(String pointer) {
        PositionMap positions = source.document(document);
        return new Location(file, document, positions.line(pointer), positions.column(pointer));
    }

    /** {@code Service/payments}, as shown in messages. */
    public String ref() {
        return kind.yamlName() + "/" + name;
    }
}
