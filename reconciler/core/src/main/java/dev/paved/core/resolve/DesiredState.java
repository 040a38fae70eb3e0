package dev.paved.core.resolve;

import dev.paved.core.finding.Finding;
import dev.paved.provider.ResourceKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

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
        return bindings.stream().collect(Collectors.toMap(Binding::key, Function.identity()));
    }

    /** The environments that have at least one desired resource. */
    public Set<String> environments() {
        return bindings.stream().map(b -> b.key().environment()).collect(Collectors.toCollection(TreeSet::new));
    }
}
