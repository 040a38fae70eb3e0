package dev.paved.core.parse;

import dev.paved.core.finding.Finding;
import dev.paved.core.finding.Location;
import dev.paved.core.finding.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the bytes of one YAML file into declarations. Everything that can be wrong with the input (size,
 * encoding, syntax, duplicate keys, alias bombs, depth, a document that is not a declaration) becomes a
 * finding naming file:line; nothing escapes as an exception. Thread-safe.
 */
public final class DeclarationReader {

    private final LoadLimits limits;
    private final YamlTreeReader yaml;

    public DeclarationReader(LoadLimits limits) {
        this.limits = limits;
        this.yaml = new YamlTreeReader(limits);
    }

    public LoadLimits limits() {
        return limits;
    }

    /** A finding for a file that is not read at all because it is larger than the limit. */
    public Finding tooLarge(String file, long size) {
        return Finding.error("load.file-too-large", Location.ofFile(file), "",
                "file is " + size + " bytes, over the limit of " + limits.maxFileBytes()
                        + " bytes (--max-file-size); split it into smaller files");
    }

    public FileDeclarations read(String file, byte[] bytes) {
        if (bytes.length > limits.maxFileBytes()) {
            return FileDeclarations.refused(tooLarge(file, bytes.length));
        }
        String text;
        try {
            text = Utf8.decode(bytes);
        } catch (LoadProblem problem) {
            return FileDeclarations.refused(finding(file, 0, problem));
        }
        YamlTreeReader.Result result = yaml.read(text);
        SourcePositions positions = new SourcePositions(text, yaml);
        List<Declaration> declarations = new ArrayList<>(result.documents().size());
        List<Finding> findings = new ArrayList<>();
        List<DeclaredName> unloaded = new ArrayList<>();
        for (YamlTreeReader.Document document : result.documents()) {
            toDeclaration(file, positions, document, declarations, findings, unloaded);
        }
        if (result.problem() != null) {
            findings.add(finding(file, result.documents().size(), result.problem()));
            YamlTreeReader.Identity failed = result.failed();
            noteUnloaded(file, failed.kind(), failed.name(), unloaded);
        }
        return new FileDeclarations(file, declarations, findings, unloaded);
    }

    /**
     * The declarations of a file from document trees read before (by {@link #read} and kept, e.g. in a cache),
     * without parsing the YAML again: the same checks apply, and positions are still computed from
     * {@code bytes} when a finding needs one. Empty when the trees do not make clean declarations, for the
     * caller to read the file instead.
     *
     * @param documents document index → the document's tree, as {@link #read} gave it
     */
    public Optional<FileDeclarations> reload(String file, byte[] bytes, Map<Integer, ObjectNode> documents) {
        // the bytes decoded cleanly when they were cached under their digest: decoded again only to locate
        SourcePositions positions = new SourcePositions(() -> Utf8.decode(bytes), yaml);
        List<Declaration> declarations = new ArrayList<>(documents.size());
        List<Finding> findings = new ArrayList<>();
        List<DeclaredName> unloaded = new ArrayList<>();
        documents.forEach((index, body) -> toDeclaration(file, positions, new YamlTreeReader.Document(index, body),
                declarations, findings, unloaded));
        if (!findings.isEmpty() || !unloaded.isEmpty() || declarations.size() != documents.size()) {
            return Optional.empty();
        }
        return Optional.of(new FileDeclarations(file, declarations, findings, unloaded));
    }

    private void toDeclaration(String file, SourcePositions positions, YamlTreeReader.Document document,
                               List<Declaration> declarations, List<Finding> findings, List<DeclaredName> unloaded) {
        JsonNode root = document.root();
        if (root.isNull()) {
            return; // an empty document, e.g. after a trailing '---'
        }
        if (!(root instanceof ObjectNode body)) {
            Location start = locate(file, positions, document, "");
            findings.add(Finding.error("load.not-a-mapping", start, "", "a document must be a mapping with"
                    + " apiVersion, kind, metadata and spec, not a " + describe(root)));
            return;
        }
        JsonNode kindNode = body.get("kind");
        String kindName = kindNode == null ? null : kindNode.asString(null);
        Optional<Kind> kind = kindName == null ? Optional.empty() : Kind.fromYamlName(kindName);
        if (kind.isEmpty()) {
            String message = kindName == null
                    ? "kind is missing; expected one of " + String.join(", ", Kind.yamlNames())
                    : "'" + kindName + "' is not a kind" + Suggestions.didYouMean(kindName, Kind.yamlNames())
                            + "; expected one of " + String.join(", ", Kind.yamlNames());
            String pointer = kindNode == null ? "" : "/kind";
            if (kindName != null) { // a misspelt kind still tells what the document meant to declare
                noteUnloaded(file, Suggestions.closest(kindName, Kind.yamlNames()),
                        body.path("metadata").path("name").asString(null), unloaded);
            }
            Location at = locate(file, positions, document, pointer);
            findings.add(Finding.error("load.unknown-kind", at, pointer, message));
            return;
        }
        JsonNode apiVersion = body.get("apiVersion");
        if (apiVersion == null || !Kind.API_VERSION.equals(apiVersion.asString(null))) {
            String message = apiVersion == null
                    ? "apiVersion is missing; expected '" + Kind.API_VERSION + "'"
                    : "'" + apiVersion.asString("") + "' is not supported; expected '"
                            + Kind.API_VERSION + "'";
            String pointer = apiVersion == null ? "" : "/apiVersion";
            Location at = locate(file, positions, document, pointer);
            findings.add(Finding.error("load.unknown-api-version", at, pointer, message));
            noteUnloaded(file, kindName, body.path("metadata").path("name").asString(null), unloaded);
            return;
        }
        String name = body.path("metadata").path("name").asString("");
        declarations.add(new Declaration(file, document.index(), kind.get(), name, body, positions));
    }

    private static void noteUnloaded(String file, String kind, String name, List<DeclaredName> unloaded) {
        if (kind != null && name != null && !name.isEmpty()) {
            Kind.fromYamlName(kind).ifPresent(k -> unloaded.add(new DeclaredName(k, name, file)));
        }
    }

    private static Location locate(String file, SourcePositions positions, YamlTreeReader.Document document,
                                   String pointer) {
        PositionMap map = positions.document(document.index());
        return new Location(file, document.index(), map.line(pointer), map.column(pointer));
    }

    private static String describe(JsonNode node) {
        if (node.isArray()) {
            return "sequence";
        }
        return node.isString() ? "string" : "scalar (" + node.asString() + ")";
    }

    private static Finding finding(String file, int document, LoadProblem problem) {
        return Finding.error(problem.ruleId(), new Location(file, document, problem.line(), problem.column()), "",
                problem.getMessage());
    }
}
