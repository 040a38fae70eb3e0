package dev.paved.core.plan;

import dev.paved.provider.ResourceKey;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One step of a plan.
 *
 * @param key       the resource
 * @param instance  the provider instance that holds it
 * @param owner     the declaration it comes from, e.g. {@code Service/payments-api}
 * @param action    create, update, replace, delete or no-op
 * @param before    live properties (missing node when it does not exist)
 * @param after     desired properties, normalised by the provider (missing node for a delete)
 * @param fields    the leaves that differ
 * @param reason    why, in words
 * @param dependsOn resources that must be in place first
 */
public record Change(ResourceKey key, String instance, String owner, Action action, JsonNode before,
                     JsonNode after, List<FieldChange> fields, String reason, List<ResourceKey> dependsOn) {

    public Change {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(action, "action");
        fields = List.copyOf(fields);
        dependsOn = List.copyOf(dependsOn);
    }
}
