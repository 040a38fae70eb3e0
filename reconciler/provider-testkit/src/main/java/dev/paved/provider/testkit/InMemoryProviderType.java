package dev.paved.provider.testkit;

import dev.paved.provider.Provider;
import dev.paved.provider.ProviderSettings;
import dev.paved.provider.ProviderType;
import dev.paved.provider.ResourceType;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * A provider that keeps resources in memory: a reference implementation of the SPI that passes the contract
 * test kit, and a stand-in for tests of the engine that need a provider but not a real system.
 */
public final class InMemoryProviderType implements ProviderType {

    public static final String ID = "in-memory";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ResourceType> resourceTypes() {
        return List.of(new ResourceType("*", "any resource type, kept in memory",
                JsonMapper.builder().build().readTree("{\"type\": \"object\"}")));
    }

    @Override
    public Provider open(ProviderSettings settings) {
        return new InMemoryProvider(settings.instance());
    }
}
