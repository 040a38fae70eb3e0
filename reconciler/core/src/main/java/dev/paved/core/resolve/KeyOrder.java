package dev.paved.core.resolve;

import dev.paved.provider.ResourceKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Sorts by {@link ResourceKey} (environment, type, name), as a stable sort would, but cheaply: plans sort tens of
 * thousands of keys across a handful of environments and types, so items are put in (environment, type) buckets
 * and each bucket is sorted by name alone, which is mostly in order already (services resolve in name order).
 */
public final class KeyOrder {

    private KeyOrder() {
    }

    public static <T> List<T> sorted(Collection<T> items, Function<T, ResourceKey> key) {
        Map<String, Map<String, List<T>>> buckets = new TreeMap<>();
        for (T item : items) {
            ResourceKey at = key.apply(item);
            buckets.computeIfAbsent(at.environment(), environment -> new TreeMap<>())
                    .computeIfAbsent(at.type(), type -> new ArrayList<>()).add(item);
        }
        List<T> sorted = new ArrayList<>(items.size());
        for (Map<String, List<T>> types : buckets.values()) {
            for (List<T> bucket : types.values()) {
                bucket.sort((a, b) -> key.apply(a).name().compareTo(key.apply(b).name()));
                sorted.addAll(bucket);
            }
        }
        return sorted;
    }
}
