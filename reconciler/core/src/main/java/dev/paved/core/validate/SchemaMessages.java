package dev.paved.core.validate;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import dev.paved.core.finding.Finding;
import dev.paved.core.finding.Pointers;
import dev.paved.core.finding.Suggestions;
import dev.paved.core.parse.Declaration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Turns networknt's schema errors into findings a developer understands without reading the schema:
 * "unknown field 'replicaz' (did you mean 'replicas'?)" rather than a keyword and a schema path. Where the
 * schema describes a pattern, the description is the explanation.
 */
final class SchemaMessages {

    private final Map<String, JsonNode> schemaDocuments;

    SchemaMessages(Map<String, JsonNode> schemaDocuments) {
        this.schemaDocuments = schemaDocuments;
    }

    Finding toFinding(Declaration declaration, Error error) {
        String pointer = pointer(error.getInstanceLocation());
        int anyOf = lastIndexOf(error.getSchemaLocation().getFragment(), "anyOf");
        if (anyOf >= 0) {
            // networknt reports why each branch failed, not the anyOf itself: explain the alternatives once
            JsonNode owner = schemaNodeAt(error, anyOf);
            String message = owner.path("errorMessage").path("anyOf")
                    .asString("does not match any of the allowed forms");
            return Finding.error(ruleId("anyOf"), declaration.locate(pointer), pointer, message);
        }
        String keyword = error.getKeyword() == null ? "schema" : error.getKeyword();
        JsonNode instance = error.getInstanceNode() == null ? MissingNode.getInstance() : error.getInstanceNode();
        JsonNode keywordValue = schemaNode(error, 0);
        String message;
        switch (keyword) {
            case "required" -> message = "required field '" + error.getProperty() + "' is missing";
            case "additionalProperties" -> {
                String field = error.getProperty();
                pointer = Pointers.child(pointer, field);
                List<String> known = new ArrayList<>();
                schemaNode(error, 1).path("properties").propertyNames().forEach(known::add);
                message = "unknown field '" + field + "'" + Suggestions.didYouMean(field, known)
                        + (known.isEmpty() ? "" : "; allowed here: " + String.join(", ", known))
                        + (pointer.startsWith("/spec") ? " (extension data belongs in metadata.annotations)" : "");
            }
            case "type" -> message = "expected " + article(expectedType(keywordValue)) + " but found "
                    + describe(instance);
            case "enum" -> {
                List<String> allowed = new ArrayList<>();
                keywordValue.valueStream().forEach(v -> allowed.add(v.asString()));
                message = quote(instance) + " is not one of " + String.join(", ", allowed)
                        + (instance.isString() ? Suggestions.didYouMean(instance.asString(), allowed) : "");
            }
            case "const" -> message = "must be " + quote(keywordValue) + ", not " + quote(instance);
            case "pattern" -> {
                String description = schemaNode(error, 1).path("description").asString("");
                message = description.isEmpty()
                        ? quote(instance) + " does not match the pattern " + keywordValue.asString()
                        : quote(instance) + " is not valid here: " + lowerFirst(description);
            }
            case "format" -> message = quote(instance) + " is not a valid " + keywordValue.asString()
                    + ("date-time".equals(keywordValue.asString()) ? " (e.g. 2026-12-24T00:00:00Z)" : "");
            case "minimum" -> message = "must be at least " + keywordValue + ", not " + instance;
            case "maximum" -> message = "must be at most " + keywordValue + ", not " + instance;
            case "exclusiveMinimum" -> message = "must be greater than " + keywordValue + ", not " + instance;
            case "exclusiveMaximum" -> message = "must be less than " + keywordValue + ", not " + instance;
            case "minItems" -> message = "needs at least " + plural(keywordValue.asInt(), "item");
            case "maxItems" -> message = "allows at most " + plural(keywordValue.asInt(), "item");
            case "minProperties" -> message = "needs at least " + plural(keywordValue.asInt(), "field");
            case "uniqueItems" -> message = "must not list the same item twice";
            case "minLength" -> message = keywordValue.asInt() == 1 ? "must not be empty"
                    : "must be at least " + plural(keywordValue.asInt(), "character");
            case "maxLength" -> message = "must be at most " + plural(keywordValue.asInt(), "character")
                    + " (it has " + instance.asString().length() + ")";
            default -> message = stripPath(error.getMessage());
        }
        return Finding.error(ruleId(keyword), declaration.locate(pointer), pointer, message);
    }

    /**
     * True when {@code error} only restates why a branch of a oneOf/anyOf failed, while the oneOf/anyOf error
     * itself is also reported: one clear message beats three partial ones.
     */
    boolean isExplainedByAnother(Error error, List<Error> all) {
        String path = error.getEvaluationPath().toString();
        for (Error other : all) {
            String keyword = other.getKeyword();
            if (other != error && ("oneOf".equals(keyword) || "anyOf".equals(keyword))) {
                String combinator = other.getEvaluationPath().toString();
                if (path.length() > combinator.length() && path.startsWith(combinator)) {
                    return true;
                }
            }
        }
        return false;
    }

    static String ruleId(String keyword) {
        if ("additionalProperties".equals(keyword)) {
            return "schema.unknown-field";
        }
        StringBuilder id = new StringBuilder("schema.");
        for (char c : keyword.toCharArray()) {
            if (Character.isUpperCase(c)) {
                id.append('-').append(Character.toLowerCase(c));
            } else {
                id.append(c);
            }
        }
        return id.toString();
    }

    /** The schema node at the error's keyword, or {@code up} levels above it, from the schema files. */
    private JsonNode schemaNode(Error error, int up) {
        return schemaNodeAt(error, error.getSchemaLocation().getFragment().getNameCount() - up);
    }

    /** The schema node at the first {@code length} elements of the error's schema location. */
    private JsonNode schemaNodeAt(Error error, int length) {
        var location = error.getSchemaLocation();
        JsonNode node = schemaDocuments.get(location.getAbsoluteIri().toString());
        if (node == null) {
            return MissingNode.getInstance();
        }
        NodePath fragment = location.getFragment();
        for (int i = 0; i < length; i++) {
            Object element = fragment.getElement(i);
            node = element instanceof Integer index ? node.path(index) : node.path(element.toString());
        }
        return node;
    }

    private static int lastIndexOf(NodePath path, String name) {
        for (int i = path.getNameCount() - 1; i >= 0; i--) {
            if (name.equals(path.getElement(i).toString())) {
                return i;
            }
        }
        return -1;
    }

    private static String pointer(NodePath path) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            pointer.append('/').append(element instanceof Integer ? element.toString()
                    : Pointers.escape(element.toString()));
        }
        return pointer.toString();
    }

    private static String expectedType(JsonNode type) {
        if (type.isArray()) {
            List<String> names = new ArrayList<>();
            type.valueStream().forEach(t -> names.add(t.asString()));
            return String.join(" or ", names);
        }
        return type.asString("value");
    }

    private static String describe(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isNull()) {
            return "nothing (null)";
        }
        if (node.isString()) {
            return "a string (" + quote(node) + ")";
        }
        if (node.isBoolean()) {
            return "a boolean (" + node + ")";
        }
        return node.isIntegralNumber() ? "an integer (" + node + ")" : "a number (" + node + ")";
    }

    private static String quote(JsonNode node) {
        return node.isString() ? "'" + node.asString() + "'" : node.toString();
    }

    private static String article(String type) {
        String word = switch (type) {
            case "object" -> "mapping";
            case "array" -> "list";
            default -> type;
        };
        return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }

    /** networknt messages start with the instance path ("$.spec.x: "); findings carry the path already. */
    private static String stripPath(String message) {
        if (message.startsWith("$")) {
            int colon = message.indexOf(": ");
            if (colon > 0) {
                return message.substring(colon + 2);
            }
        }
        return message;
    }
}
