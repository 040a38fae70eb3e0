package dev.paved.core.plan;

import dev.paved.provider.LiveResource;
import dev.paved.provider.ResourceKey;
import java.util.Map;
import java.util.Set;

/**
 * Live state as observed for a plan.
 *
 * @param resources what each instance reported, by key
 * @param instances the instance holding each observed resource
 * @param scopes    every environment/instance pair that was observed ({@code env/instance}); deletion is only
 *                  ever planned inside an observed scope
 */
public record Observed(Map<ResourceKey, LiveResource> resources, Map<ResourceKey, String> instances,
                       Set<String> scopes) {

    public Observed {
        resources = Map.copyOf(resources);
        instances = Map.copyOf(instances);
        scopes = Set.copyOf(scopes);
    }

    public static String scope(String environment, String instance) {
        return environment + "/" + instance;
    }
}
