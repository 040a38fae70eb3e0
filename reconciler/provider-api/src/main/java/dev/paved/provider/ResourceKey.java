package dev.paved.provider;

import java.util.Comparator;
import java.util.Objects;

/**
 * The stable identity of a resource: its environment, type and name. The name is unique per environment and
 * type, e.g. {@code payments-api} for a workload or {@code payments-api-db} for a service's database.
 */
public record ResourceKey(String environment, String type, String name) implements Comparable<ResourceKey> {

    private static final Comparator<ResourceKey> ORDER = Comparator.comparing(ResourceKey::environment)
            .thenComparing(ResourceKey::type).thenComparing(ResourceKey::name);

    public ResourceKey {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public int compareTo(ResourceKey other) {
        return ORDER.compare(this, other);
    }

    /** {@code prod/postgres/payments-api-db}. */
    @Override
    public String toString() {
        return environment + "/" + type + "/" + name;
    }
}
