package dev.paved.provider;

import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * A resource as it is, observed by its provider. Only resources that Paved owns are ever observed.
 *
 * @param key        identity
 * @param owner      the declaration that created it, as recorded in the provider's ownership mark
 * @param properties the observed properties, in the same shape as {@link DesiredResource#properties()}
 * @param outputs    what dependents may refer to, e.g. {@code host} and {@code port}
 */
public record LiveResource(ResourceKey key, String owner, ObjectNode properties, Map<String, String> outputs) {

    public LiveResource {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(properties, "properties");
        outputs = Map.copyOf(outputs);
    }
}
