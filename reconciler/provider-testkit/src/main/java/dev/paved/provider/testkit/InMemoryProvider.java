package dev.paved.provider.testkit;

import dev.paved.provider.Creator;
import dev.paved.provider.Deleter;
import dev.paved.provider.DesiredResource;
import dev.paved.provider.LiveResource;
import dev.paved.provider.Outcome;
import dev.paved.provider.Ownership;
import dev.paved.provider.Provider;
import dev.paved.provider.ProviderError;
import dev.paved.provider.ProviderException;
import dev.paved.provider.ResourceKey;
import dev.paved.provider.Updater;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import tools.jackson.databind.node.ObjectNode;

/** The in-memory provider instance: resources in a sorted concurrent map, each with its ownership mark. */
public final class InMemoryProvider implements Provider, Creator, Updater, Deleter {

    private record Stored(String managedBy, String owner, ObjectNode properties) {
    }

    private final String instance;
    private final Map<ResourceKey, Stored> resources = new ConcurrentSkipListMap<>();
    private final Map<String, Boolean> closed = new ConcurrentHashMap<>();

    InMemoryProvider(String instance) {
        this.instance = instance;
    }

    @Override
    public String instance() {
        return instance;
    }

    @Override
    public Outcome<List<LiveResource>> observe(String environment) {
        checkOpen();
        return Outcome.observed(resources.entrySet().stream()
                .filter(e -> e.getKey().environment().equals(environment))
                .filter(e -> Ownership.MANAGED_BY.equals(e.getValue().managedBy()))
                .map(e -> live(e.getKey(), e.getValue())).toList());
    }

    @Override
    public Outcome<LiveResource> create(DesiredResource desired) {
        checkOpen();
        Stored existing = resources.get(desired.key());
        if (existing != null && !Ownership.MANAGED_BY.equals(existing.managedBy())) {
            return Outcome.failed(ProviderError.permanent("create " + desired.key() + " in " + instance
                    + ": a resource Paved does not own already exists"));
        }
        Stored stored = new Stored(Ownership.MANAGED_BY, desired.owner(), normalize(desired));
        resources.put(desired.key(), stored);
        return Outcome.ok(live(desired.key(), stored));
    }

    @Override
    public Outcome<LiveResource> update(DesiredResource desired, LiveResource live) {
        checkOpen();
        Stored existing = resources.get(desired.key());
        if (existing == null || !Ownership.MANAGED_BY.equals(existing.managedBy())) {
            return Outcome.failed(ProviderError.permanent("update " + desired.key() + " in " + instance
                    + ": no resource of Paved's to update"));
        }
        Stored stored = new Stored(Ownership.MANAGED_BY, desired.owner(), normalize(desired));
        resources.put(desired.key(), stored);
        return Outcome.ok(live(desired.key(), stored));
    }

    @Override
    public Outcome<ResourceKey> delete(LiveResource live) {
        checkOpen();
        resources.computeIfPresent(live.key(), (key, stored) ->
                Ownership.MANAGED_BY.equals(stored.managedBy()) ? null : stored);
        return Outcome.ok(live.key());
    }

    /** Puts a resource without Paved's ownership mark, as something else would; for tests. */
    public void plantUnowned(ResourceKey key, ObjectNode properties) {
        resources.put(key, new Stored("someone-else", "unknown", properties.deepCopy()));
    }

    /** Whether an unowned resource is still there; for tests. */
    public boolean hasUnowned(ResourceKey key) {
        Stored stored = resources.get(key);
        return stored != null && !Ownership.MANAGED_BY.equals(stored.managedBy());
    }

    @Override
    public void close() {
        closed.put("closed", Boolean.TRUE);
    }

    @Override
    public String toString() {
        return "in-memory provider " + instance;
    }

    private void checkOpen() {
        if (!closed.isEmpty()) {
            throw new ProviderException("provider instance " + instance + " is closed");
        }
    }

    private static LiveResource live(ResourceKey key, Stored stored) {
        return new LiveResource(key, stored.owner(), stored.properties().deepCopy(),
                Map.of("host", key.name() + "." + key.environment() + ".memory", "port", "0"));
    }
}
