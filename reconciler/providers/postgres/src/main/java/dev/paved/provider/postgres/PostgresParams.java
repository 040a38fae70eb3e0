package dev.paved.provider.postgres;

import dev.paved.provider.Outcome;
import dev.paved.provider.ProviderError;
import dev.paved.provider.ResourceKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parameters of a {@code postgres} resource, normalised: defaults filled in, extensions sorted and unique.
 * A size only sets the default connection limit; an explicit {@code connectionLimit} wins.
 *
 * @param size            {@code small}, {@code medium} or {@code large}
 * @param extensions      extensions to create in the database, sorted, without duplicates
 * @param connectionLimit the login role's connection limit
 */
record PostgresParams(String size, List<String> extensions, int connectionLimit) {

    static final String SIZE = "size";
    static final String EXTENSIONS = "extensions";
    static final String CONNECTION_LIMIT = "connectionLimit";

    static final String DEFAULT_SIZE = "small";
    static final Map<String, Integer> CONNECTIONS_BY_SIZE = Map.of("small", 20, "medium", 50, "large", 100);
    static final int MAX_CONNECTION_LIMIT = 10_000;
    /** Extension names as PostgreSQL ships them, {@code uuid-ossp} included; always quoted in SQL. */
    static final Pattern EXTENSION = Pattern.compile("[a-z][a-z0-9_-]{0,62}");

    /** The JSON Schema of the parameters, as published in the provider type's resource types. */
    static final String SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "postgres parameters",
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "size": {
                  "description": "sets the default connection limit: small 20, medium 50, large 100",
                  "enum": ["small", "medium", "large"],
                  "default": "small"
                },
                "extensions": {
                  "description": "extensions to create in the database, e.g. pgcrypto",
                  "type": "array",
                  "items": {"type": "string", "pattern": "^[a-z][a-z0-9_-]{0,62}$"},
                  "uniqueItems": true,
                  "default": []
                },
                "connectionLimit": {
                  "description": "the login role's connection limit; defaults from size",
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 10000
                }
              }
            }
            """;

    PostgresParams {
        extensions = List.copyOf(new TreeSet<>(extensions));
    }

    /** Reads and checks a resource's properties; what does not fit the schema is a permanent error. */
    static Outcome<PostgresParams> parse(ResourceKey key, ObjectNode properties) {
        List<String> problems = new ArrayList<>();
        for (String field : properties.propertyNames()) {
            if (!Set.of(SIZE, EXTENSIONS, CONNECTION_LIMIT).contains(field)) {
                problems.add("unknown parameter '" + field + "'");
            }
        }
        String size = properties.path(SIZE).asString(DEFAULT_SIZE);
        if (!properties.path(SIZE).isMissingNode() && !properties.path(SIZE).isString()
                || !CONNECTIONS_BY_SIZE.containsKey(size)) {
            problems.add("size must be one of small, medium, large");
            size = DEFAULT_SIZE;
        }
        List<String> extensions = extensions(properties.path(EXTENSIONS), problems);
        int connectionLimit = CONNECTIONS_BY_SIZE.get(size);
        JsonNode limit = properties.path(CONNECTION_LIMIT);
        if (!limit.isMissingNode()) {
            if (limit.isIntegralNumber() && limit.canConvertToInt() && limit.intValue() >= 1
                    && limit.intValue() <= MAX_CONNECTION_LIMIT) {
                connectionLimit = limit.intValue();
            } else {
                problems.add("connectionLimit must be a whole number from 1 to " + MAX_CONNECTION_LIMIT);
            }
        }
        if (!problems.isEmpty()) {
            return Outcome.failed(ProviderError.permanent("resource " + key + ": " + String.join("; ", problems)));
        }
        return Outcome.ok(new PostgresParams(size, extensions, connectionLimit));
    }

    /** The properties as observe reports them and the ownership mark records them. */
    ObjectNode toProperties() {
        ObjectNode properties = JsonNodeFactory.instance.objectNode();
        properties.put(SIZE, size);
        ArrayNode array = properties.putArray(EXTENSIONS);
        extensions.forEach(array::add);
        properties.put(CONNECTION_LIMIT, connectionLimit);
        return properties;
    }

    private static List<String> extensions(JsonNode node, List<String> problems) {
        if (node.isMissingNode()) {
            return List.of();
        }
        if (!node.isArray()) {
            problems.add("extensions must be a list of extension names");
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (JsonNode item : node) {
            if (item.isString() && EXTENSION.matcher(item.asString()).matches()) {
                names.add(item.asString());
            } else {
                problems.add("extension " + item + " is not an extension name");
            }
        }
        return names;
    }
}
