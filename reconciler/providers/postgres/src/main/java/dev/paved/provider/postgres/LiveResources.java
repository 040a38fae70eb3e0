package dev.paved.provider.postgres;

import dev.paved.provider.LiveResource;
import dev.paved.provider.Outcome;
import dev.paved.provider.ResourceKey;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns catalog rows into live resources, a pure function. A row is a live resource only when its database
 * carries a well-formed mark of Paved's for a resource of the wanted environment and type, whose derived name
 * is that database's (a mark copied onto another database is not believed). The properties are the mark's
 * (what was last applied), except the connection limit, which is the role's real one: when the role is gone,
 * is not Paved's, or does not own the database, the limit is left out, so that a plan shows a change and the
 * update repairs it.
 */
final class LiveResources {

    private final PostgresSettings settings;
    private final SecretFiles secrets;

    LiveResources(PostgresSettings settings, SecretFiles secrets) {
        this.settings = settings;
        this.secrets = secrets;
    }

    /** The live resource in {@code row}, if it is one of Paved's in {@code environment}. */
    Optional<LiveResource> live(CatalogRow row, String environment) {
        if (!row.databaseExists()) {
            return Optional.empty();
        }
        Optional<OwnershipMark> found = row.databaseMark();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        OwnershipMark mark = found.get();
        ResourceKey key = mark.key();
        if (!key.environment().equals(environment) || !key.type().equals(PostgresProviderType.RESOURCE_TYPE)
                || !(PgNames.derive(key) instanceof Outcome.Ok<PgNames> names)
                || !names.value().database().equals(row.database())) {
            return Optional.empty();
        }
        ObjectNode properties = mark.properties().deepCopy();
        if (roleIsSound(row, key)) {
            properties.put(PostgresParams.CONNECTION_LIMIT, row.roleConnectionLimit());
        } else {
            properties.remove(PostgresParams.CONNECTION_LIMIT);
        }
        return Optional.of(new LiveResource(key, mark.owner(), properties, outputs(key, names.value())));
    }

    /** What dependents may refer to: where to connect and where the credentials are, never the password. */
    Map<String, String> outputs(ResourceKey key, PgNames names) {
        return Map.of("host", settings.host(), "port", Integer.toString(settings.port()),
                "database", names.database(), "user", names.role(),
                "secretRef", secrets.path(key).toString());
    }

    private static boolean roleIsSound(CatalogRow row, ResourceKey key) {
        return row.roleExists() && row.role().equals(row.databaseOwner())
                && row.roleMark().map(mark -> mark.key().equals(key)).orElse(false);
    }
}
