package dev.paved.core.resolve;

import dev.paved.provider.DesiredResource;
import dev.paved.provider.ResourceKey;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One desired resource bound to the provider instance that provisions it.
 *
 * @param resource   what is wanted; workload env values may still hold {@code ${dependencies.NAME.OUTPUT}}
 * @param instance   the provider instance, from the environment's provisioners
 * @param dependsOn  resources that must exist first, sorted
 * @param references dependency name → the resource whose outputs {@code ${dependencies.NAME.…}} reads
 * @param paused     the deployment is paused: Paved leaves it as it is
 * @param origin     JSON pointer, in the owner's declaration, of what this resource was resolved from (its
 *                   params, or the deployment), so a problem with it can be shown at file:line
 */
public record Binding(DesiredResource resource, String instance, List<ResourceKey> dependsOn,
                      Map<String, ResourceKey> references, boolean paused, String origin) {

    public Binding {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(origin, "origin");
        dependsOn = List.copyOf(dependsOn);
        references = Map.copyOf(references);
    }

    public Binding(DesiredResource resource, String instance, List<ResourceKey> dependsOn,
                   Map<String, ResourceKey> references, boolean paused) {
        this(resource, instance, dependsOn, references, paused, "");
    }

    public ResourceKey key() {
        return resource.key();
    }
}
