package dev.paved.provider.postgres;

import dev.paved.provider.ResourceKey;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A desired resource, checked and resolved: its key and owner, its PostgreSQL names and its parameters.
 */
record Target(ResourceKey key, String owner, PgNames names, PostgresParams params) {

    Target {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(params, "params");
    }

    /** The database's mark once everything is applied. */
    OwnershipMark databaseMark() {
        return new OwnershipMark(owner, key, params.toProperties());
    }

    /** The database's mark while only the given extensions are in place (a create half way). */
    OwnershipMark databaseMarkWith(List<String> extensions) {
        var applied = new PostgresParams(params.size(), extensions, params.connectionLimit());
        return new OwnershipMark(owner, key, applied.toProperties());
    }

    /** The role's mark: whose it is, nothing more (its state is in the catalog). */
    OwnershipMark roleMark() {
        return new OwnershipMark(owner, key, JsonNodeFactory.instance.objectNode());
    }
}
