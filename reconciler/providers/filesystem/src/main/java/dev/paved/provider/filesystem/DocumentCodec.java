package dev.paved.provider.filesystem;

import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes resource files. Writing gives stable bytes: two-space indentation, {@code \n} line ends on
 * every platform, object keys sorted at every depth, and a final newline, so equal documents are equal files.
 */
final class DocumentCodec {

    /**
     * Immutable once built and thread-safe, as Jackson mappers are. Property names are not canonicalised:
     * properties hold names of one resource only, and observing reads tens of thousands of files, each of
     * whose parsers would otherwise copy the shared symbol table when it adds a name.
     */
    static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .disable(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES).build()).build();

    private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");

    /** {@code "name": value}, {@code {}} and {@code []}, as most JSON tools print them. */
    private static final Separators SEPARATORS = Separators.createDefaultInstance()
            .withObjectNameValueSpacing(Separators.Spacing.AFTER).withObjectEmptySeparator("")
            .withArrayEmptySeparator("");

    private final ObjectWriter writer = MAPPER.writer(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .with(new DefaultPrettyPrinter(SEPARATORS).withObjectIndenter(INDENTER).withArrayIndenter(INDENTER));

    byte[] write(ResourceDocument document) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("key", document.key());
        root.put("managedBy", document.managedBy());
        root.put("owner", document.owner());
        root.set("properties", document.properties());
        byte[] json = writer.writeValueAsBytes(root);
        byte[] withNewline = new byte[json.length + 1];
        System.arraycopy(json, 0, withNewline, 0, json.length);
        withNewline[json.length] = '\n';
        return withNewline;
    }

    /** The document in {@code bytes}; empty when they are not JSON or not shaped like a resource document. */
    Optional<ResourceDocument> read(byte[] bytes) {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        JsonNode key = root.get("key");
        JsonNode managedBy = root.get("managedBy");
        JsonNode owner = root.get("owner");
        JsonNode properties = root.get("properties");
        if (!isString(key) || !isString(managedBy) || !isString(owner) || properties == null
                || !properties.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new ResourceDocument(key.stringValue(), managedBy.stringValue(), owner.stringValue(),
                (ObjectNode) properties));
    }

    private static boolean isString(JsonNode node) {
        return node != null && node.isString();
    }
}
