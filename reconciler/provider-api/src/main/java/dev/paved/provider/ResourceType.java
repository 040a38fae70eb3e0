package dev.paved.provider;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A resource type a provider handles, e.g. {@code postgres} or {@code workload}.
 *
 * @param name         the type as written in environments' provisioners and services' dependencies
 * @param description  one line for people
 * @param paramsSchema JSON Schema (draft 2020-12) of the {@code params} a dependency of this type may give
 */
public record ResourceType(String name, String description, JsonNode paramsSchema) {

    public ResourceType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(paramsSchema, "paramsSchema");
    }
}
