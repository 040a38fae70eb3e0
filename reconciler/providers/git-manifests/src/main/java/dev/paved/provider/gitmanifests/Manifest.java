package dev.paved.provider.gitmanifests;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What a manifest file in the deploy repo says about its ownership. A file that is not YAML, or whose (first)
 * object lacks the {@code app.kubernetes.io/managed-by: paved} label, is not Paved's.
 *
 * @param pavedManaged whether the object carries Paved's managed-by label
 * @param key          the {@code paved.dev/key} annotation, or {@code ""}
 * @param owner        the {@code paved.dev/owner} annotation, or {@code ""}
 * @param properties   the {@code paved.dev/properties} annotation, parsed; {@code null} when absent or invalid
 */
record Manifest(boolean pavedManaged, String key, String owner, ObjectNode properties) {

    private static final Manifest FOREIGN = new Manifest(false, "", "", null);

    /** Whether the object is Paved's, for the resource with this key. */
    boolean ownedAs(String expectedKey) {
        return pavedManaged && key.equals(expectedKey);
    }

    static Manifest parse(byte[] content, YAMLMapper yaml, JsonMapper json) {
        JsonNode object;
        try {
            object = yaml.readTree(content);
        } catch (JacksonException e) {
            return FOREIGN;
        }
        if (object == null || !object.isObject()) {
            return FOREIGN;
        }
        JsonNode metadata = object.path("metadata");
        boolean paved = Marks.PAVED.equals(metadata.path("labels").path(Marks.MANAGED_BY).asString(""));
        JsonNode annotations = metadata.path("annotations");
        return new Manifest(paved, annotations.path(Marks.KEY).asString(""),
                annotations.path(Marks.OWNER).asString(""), properties(annotations.path(Marks.PROPERTIES), json));
    }

    private static ObjectNode properties(JsonNode annotation, JsonMapper json) {
        if (!annotation.isString()) {
            return null;
        }
        try {
            JsonNode parsed = json.readTree(annotation.asString());
            return parsed instanceof ObjectNode object ? object : null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
