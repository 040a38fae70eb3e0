package dev.paved.core.resolve;

import dev.paved.core.finding.Finding;
import dev.paved.provider.ResourceKey;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything the platform repo wants, per environment, as bindings; plus findings for what could not be
 * resolved (e.g. a reference to a dependency the service does not have). The resolver lists bindings sorted
 * by key; a subset keeps that order.
 */
public record DesiredState(List<Binding> bindings, List<Finding> findings) {

    public DesiredState {
        bindings = List.copyOf(bindings);
        findings = List.copyOf(findings);
    }

    public Map<ResourceKey, Binding> byKey() {
        Map<ResourceKey, Binding> byKey = new HashMap<>(bindings.size() * 4 / 3 + 1);
        for (Binding binding : bindings) {
            if (byKey.putIfAbsent(binding.key(), binding) != null) {
                throw new IllegalStateException("Duplicate key " + binding.key());
            }
        }
        return byKey;
    }

    /** The environments that have at least one desired resource. */
    public Set<String> environments() {
        Set<String> environments = new HashSet<>();
        for (Binding binding : bindings) {
            environments.add(binding.key().environment());
        }
        return new TreeSet<>(environments);
    }
}
