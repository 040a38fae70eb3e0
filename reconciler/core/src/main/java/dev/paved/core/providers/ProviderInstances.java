package dev.paved.core.providers;

import dev.paved.core.config.InstanceConfig;
import dev.paved.core.config.PavedConfig;
import dev.paved.core.config.SecretSource;
import dev.paved.core.plan.PlanContext;
import dev.paved.provider.DesiredResource;
import dev.paved.provider.Provider;
import dev.paved.provider.ProviderSettings;
import dev.paved.provider.ProviderType;
import dev.paved.provider.Secret;
import dev.paved.provider.Updater;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * The provider instances of one run, opened on first use from the configuration and closed together.
 * Also what the planner asks about normalisation and replacements.
 */
public final class ProviderInstances implements PlanContext, AutoCloseable {

    private final PavedConfig config;
    private final ProviderRegistry registry;
    private final SecretSource secrets;
    private final Map<String, Provider> open = new ConcurrentHashMap<>();

    public ProviderInstances(PavedConfig config, ProviderRegistry registry, SecretSource secrets) {
        this.config = config;
        this.registry = registry;
        this.secrets = secrets;
    }

    public Provider get(String instance) {
        return open.computeIfAbsent(instance, name -> {
            InstanceConfig instanceConfig = config.instance(name);
            Map<String, Secret> read = new LinkedHashMap<>();
            instanceConfig.secrets().forEach((secret, where) -> read.put(secret, secrets.read(name, secret, where)));
            return registry.type(instanceConfig.type())
                    .open(new ProviderSettings(name, instanceConfig.settings(), read));
        });
    }

    /** The provider type an instance is of, without opening it. */
    public ProviderType typeOf(String instance) {
        return registry.type(config.instance(instance).type());
    }

    @Override
    public ObjectNode normalize(String instance, DesiredResource desired) {
        return get(instance).normalize(desired);
    }

    @Override
    public Set<String> replaceOnChange(String instance, String type) {
        return get(instance) instanceof Updater updater ? updater.replaceOnChange(type) : Set.of();
    }

    @Override
    public void close() {
        open.values().forEach(Provider::close);
        open.clear();
    }
}
