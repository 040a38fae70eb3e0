package dev.paved.provider;

import java.util.Objects;

/**
 * The stable identity of a resource: its environment, type and name. The name is unique per environment and
 * type, e.g. {@code payments-api} for a workload or {@code payments-api-db} for a service's database.
 */
public record ResourceKey(String environment, String type, String name) implements Comparable<ResourceKey> {

    public ResourceKey {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
    }

    // Written out rather than generated: plans sort and hash tens of thousands of keys, and the one-shot CLI
    // runs on the C1 compiler, which does not optimise the generated record methods or comparator chains well.

    @Override
    public int compareTo(ResourceKey other) {
        int order = environment.compareTo(other.environment);
        if (order == 0) {
            order = type.compareTo(other.type);
        }
        return order != 0 ? order : name.compareTo(other.name);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResourceKey key && name.equals(key.name) && type.equals(key.type)
                && environment.equals(key.environment);
    }

    @Override
    public int hashCode() {
        return (environment.hashCode() * 31 + type.hashCode()) * 31 + name.hashCode();
    }

    /** {@code prod/postgres/payments-api-db}. */
    @Override
    public String toString() {
        return environment + "/" + type + "/" + name;
    }
}
