package dev.paved.core.providers;

import dev.paved.core.PavedException;
import dev.paved.provider.ProviderType;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The provider types on the class path, by id. Two types with one id stop startup: which one would win? */
public final class ProviderRegistry {

    private final Map<String, ProviderType> types;

    private ProviderRegistry(Map<String, ProviderType> types) {
        this.types = Map.copyOf(types);
    }

    public static ProviderRegistry discover() {
        return of(ServiceLoader.load(ProviderType.class).stream().map(ServiceLoader.Provider::get).toList());
    }

    public static ProviderRegistry of(Iterable<ProviderType> found) {
        Map<String, ProviderType> types = new TreeMap<>();
        for (ProviderType type : found) {
            ProviderType previous = types.putIfAbsent(type.id(), type);
            if (previous != null) {
                throw new PavedException("provider id '" + type.id() + "' is provided twice, by "
                        + previous.getClass().getName() + " and " + type.getClass().getName()
                        + "; remove one of them from the class path");
            }
        }
        return new ProviderRegistry(types);
    }

    public ProviderType type(String id) {
        ProviderType type = types.get(id);
        if (type == null) {
            throw new PavedException("no provider type '" + id + "' on the class path; known: "
                    + String.join(", ", types.keySet()));
        }
        return type;
    }

    public java.util.Set<String> ids() {
        return types.keySet();
    }
}
