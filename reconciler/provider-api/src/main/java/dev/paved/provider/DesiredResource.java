package dev.paved.provider;

import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * What Paved wants a resource to be.
 *
 * @param key        identity
 * @param owner      what declared it, for ownership marks and messages, e.g. {@code Service/payments-api}
 * @param properties the desired properties, in the shape the provider reports them back from observe
 * @param secret     names of top-level properties whose values are secret (masked in every rendering)
 */
public record DesiredResource(ResourceKey key, String owner, ObjectNode properties, Set<String> secret) {

    public DesiredResource {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(properties, "properties");
        secret = Set.copyOf(secret);
    }
}
