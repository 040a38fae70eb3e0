package dev.paved.provider.postgres;

import dev.paved.provider.Provider;
import dev.paved.provider.ProviderSettings;
import dev.paved.provider.ProviderType;
import dev.paved.provider.ResourceType;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code postgres} provider: per service and environment, a database, a login role that owns it (with a
 * connection limit and a generated password delivered to a secret directory) and the wanted extensions, on a
 * real PostgreSQL server (13 or later). See {@code docs/providers/postgres.md}.
 */
public final class PostgresProviderType implements ProviderType {

    public static final String ID = "postgres";
    public static final String RESOURCE_TYPE = "postgres";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ResourceType> resourceTypes() {
        return List.of(new ResourceType(RESOURCE_TYPE, "a PostgreSQL database with its own login role",
                JsonMapper.builder().build().readTree(PostgresParams.SCHEMA)));
    }

    @Override
    public Provider open(ProviderSettings settings) {
        return new PostgresProvider(PostgresSettings.from(settings));
    }
}
