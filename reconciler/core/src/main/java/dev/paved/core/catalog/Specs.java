package dev.paved.core.catalog;

import dev.paved.core.parse.Declaration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Read access to the spec fields that cross-reference other declarations. Tolerant by design: a field of the
 * wrong shape reads as empty, because the schema check has already reported it.
 */
public final class Specs {

    private Specs() {
    }

    /** The string at {@code pointer} in the declaration, or {@code ""}. */
    public static String text(Declaration declaration, String pointer) {
        JsonNode node = at(declaration, pointer);
        return node.isString() ? node.asString() : "";
    }

    /**
     * The node at a pointer made of plain field names, such as {@code /spec/promotion/from}; a missing node
     * when it is absent. Walks the tree directly: rules call this for every declaration, and compiling a
     * JsonPointer each time costs more than the lookup.
     */
    static JsonNode at(Declaration declaration, String pointer) {
        JsonNode node = declaration.body();
        int start = 1;
        while (start <= pointer.length() && !node.isMissingNode()) {
            int end = pointer.indexOf('/', start);
            end = end < 0 ? pointer.length() : end;
            node = node.path(pointer.substring(start, end));
            start = end + 1;
        }
        return node;
    }

    /** The environments a service is deployed to: the keys of {@code spec.deployments}, in source order. */
    public static List<String> deployedTo(Declaration service) {
        return List.copyOf(service.spec().path("deployments").propertyNames());
    }

    /** The strings of the array at {@code pointer}, skipping anything that is not a string. */
    public static List<String> strings(Declaration declaration, String pointer) {
        List<String> values = new ArrayList<>();
        for (JsonNode item : at(declaration, pointer)) {
            if (item.isString()) {
                values.add(item.asString());
            }
        }
        return values;
    }

    public static List<Dependency> dependencies(Declaration service) {
        List<Dependency> dependencies = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : service.spec().path("dependencies")) {
            dependencies.add(new Dependency(index++, field(entry, "name"), field(entry, "type"),
                    field(entry, "service"), field(entry, "resource")));
        }
        return dependencies;
    }

    private static String field(JsonNode entry, String name) {
        JsonNode node = entry.path(name);
        return node.isString() ? node.asString() : "";
    }
}
