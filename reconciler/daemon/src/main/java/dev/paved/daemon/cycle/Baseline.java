package dev.paved.daemon.cycle;

import dev.paved.core.catalog.Catalog;
import dev.paved.core.finding.Finding;
import dev.paved.core.parse.Kind;
import dev.paved.core.pipeline.PlanSelection;
import dev.paved.core.pipeline.ValidationResult;
import dev.paved.core.resolve.Binding;
import dev.paved.provider.ResourceKey;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the daemon planned last, in memory: the last good commit, what checking it found, and the keys of the
 * resources each declaration owned in it. A commit after it is planned in part: {@link #selection} says which part.
 *
 * @param commit    the last good commit
 * @param validated its validation
 * @param findings  its findings (validation and policies)
 * @param graph     which of its declarations refer to which
 * @param keys      the keys of the resources each declaration (by ref) owned in it
 */
record Baseline(String commit, ValidationResult validated, List<Finding> findings, DeclarationGraph graph,
                Map<String, Set<ResourceKey>> keys) {

    /** After a plan of everything: every binding's key, by owner. */
    static Baseline whole(String commit, ValidationResult validated, List<Finding> findings, DeclarationGraph graph,
                          Collection<Binding> bindings) {
        Map<String, Set<ResourceKey>> keys = new HashMap<>();
        bindings.forEach(binding -> keys.computeIfAbsent(binding.resource().owner(), owner -> new HashSet<>())
                .add(binding.key()));
        return new Baseline(commit, validated, findings, graph, keys);
    }

    /**
     * What to re-plan for {@code now}, a commit after this one: every environment whose declaration changed, whole;
     * elsewhere the services and shared resources whose declarations changed, and the services that depend on a
     * changed shared resource (a dependency's key comes from the resource's declaration). Teams shape no resource.
     */
    PlanSelection selection(ValidationResult now, DeclarationGraph after) {
        Set<String> changed = DeclarationGraph.changed(validated.catalog(), now.catalog());
        Set<String> environments = new HashSet<>();
        Set<String> owners = new HashSet<>();
        for (String ref : changed) {
            String name = ref.substring(ref.indexOf('/') + 1);
            if (ref.startsWith(Kind.ENVIRONMENT.yamlName() + "/")) {
                environments.add(name);
            } else if (ref.startsWith(Kind.SERVICE.yamlName() + "/")) {
                owners.add(ref);
            } else if (ref.startsWith(Kind.RESOURCE.yamlName() + "/")) {
                owners.add(ref);
                for (String linked : after.around(Set.of(ref))) {
                    if (linked.startsWith(Kind.SERVICE.yamlName() + "/")) {
                        owners.add(linked);
                    }
                }
                for (String linked : graph.around(Set.of(ref))) {
                    if (linked.startsWith(Kind.SERVICE.yamlName() + "/")) {
                        owners.add(linked);
                    }
                }
            }
        }
        return new PlanSelection(environments, owners, previous(owners));
    }

    /** The keys the owners' resources had here. */
    Set<ResourceKey> previous(Collection<String> owners) {
        Set<ResourceKey> previous = new HashSet<>();
        owners.forEach(owner -> previous.addAll(keys.getOrDefault(owner, Set.of())));
        return previous;
    }

    /**
     * The baseline after {@code commit} was planned in part: {@code bindings} are the selection's desired
     * resources; what the selection covers is replaced by them, the rest is kept. Takes this baseline's keys over
     * (they are changed in place, a few owners' worth): this baseline is not to be used any more.
     */
    Baseline then(String next, ValidationResult nextValidated, List<Finding> nextFindings, DeclarationGraph nextGraph,
                  PlanSelection selection, Collection<Binding> bindings) {
        selection.owners().forEach(keys::remove);
        if (!selection.environments().isEmpty()) {
            keys.values().forEach(owned -> owned.removeIf(key -> selection.environments().contains(
                    key.environment())));
        }
        for (Binding binding : bindings) {
            keys.computeIfAbsent(binding.resource().owner(), owner -> new HashSet<>()).add(binding.key());
        }
        return new Baseline(next, nextValidated, nextFindings, nextGraph, keys);
    }
}
