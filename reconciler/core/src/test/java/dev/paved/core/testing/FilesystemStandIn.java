package dev.paved.core.testing;

import dev.paved.core.config.PavedConfig;
import dev.paved.provider.Provider;
import dev.paved.provider.ProviderSettings;
import dev.paved.provider.ProviderType;
import dev.paved.provider.ResourceType;
import dev.paved.provider.testkit.InMemoryProviderType;
import java.util.List;

/**
 * Stands in for the filesystem provider (the embedded default) under its id, in memory: core does not depend on
 * the built-in providers. Each instance opened starts empty.
 */
public final class FilesystemStandIn implements ProviderType {

    @Override
    public String id() {
        return PavedConfig.FILESYSTEM;
    }

    @Override
    public List<ResourceType> resourceTypes() {
        return new InMemoryProviderType().resourceTypes();
    }

    @Override
    public Provider open(ProviderSettings settings) {
        return new InMemoryProviderType().open(settings);
    }
}
