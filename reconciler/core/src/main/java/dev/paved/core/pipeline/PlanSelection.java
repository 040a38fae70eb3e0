package dev.paved.core.pipeline;

import dev.paved.core.parse.Kind;
import dev.paved.core.resolve.Binding;
import dev.paved.provider.LiveResource;
import dev.paved.provider.ResourceKey;
import java.util.HashSet;
import java.util.Set;

/**
 * The part of the desired state a daemon re-plans after a commit that changed a few declarations: every resource
 * of {@code environments}, and in the other environments the resources of the declarations {@code owners} (refs
 * such as {@code Service/checkout}, {@code Resource/orders-db}). In the other environments only the resources the
 * commit declares for those owners, and {@code previous} (what the last commit declared for them, so that one
 * no longer declared shows as an orphan), are observed.
 *
 * @param environments environments planned whole
 * @param owners       declarations whose resources are planned in every environment
 * @param previous     keys the owners' resources had at the last commit planned
 */
public record PlanSelection(Set<String> environments, Set<String> owners, Set<ResourceKey> previous) {

    /** A selection of nothing. */
    public static final PlanSelection NOTHING = new PlanSelection(Set.of(), Set.of(), Set.of());

    public PlanSelection {
        environments = Set.copyOf(environments);
        owners = Set.copyOf(owners);
        previous = Set.copyOf(previous);
    }

    /** Whether the selection plans nothing. */
    public boolean isEmpty() {
        return environments.isEmpty() && owners.isEmpty();
    }

    /** This selection and {@code other} at once. */
    public PlanSelection and(PlanSelection other) {
        Set<String> bothEnvironments = new HashSet<>(environments);
        bothEnvironments.addAll(other.environments);
        Set<String> bothOwners = new HashSet<>(owners);
        bothOwners.addAll(other.owners);
        Set<ResourceKey> bothPrevious = new HashSet<>(previous);
        bothPrevious.addAll(other.previous);
        return new PlanSelection(bothEnvironments, bothOwners, bothPrevious);
    }

    boolean includes(Binding binding) {
        return environments.contains(binding.key().environment()) || owners.contains(binding.resource().owner());
    }

    boolean includes(LiveResource live) {
        return environments.contains(live.key().environment()) || owners.contains(live.owner());
    }

    /** Whether a service's resources may be selected: the service is an owner, or some environment is whole. */
    boolean mayInclude(String service) {
        return !environments.isEmpty() || owners.contains(Kind.SERVICE.yamlName() + "/" + service);
    }
}
