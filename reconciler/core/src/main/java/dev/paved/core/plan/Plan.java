package dev.paved.core.plan;

import dev.paved.core.finding.Finding;
import dev.paved.provider.ResourceKey;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What applying would do, in the order it would do it. Deterministic: the same repo and live state give the
 * same plan, byte for byte, in every rendering.
 *
 * @param revision    the platform repo revision the plan was made from
 * @param fingerprint a digest of the live state the plan was made against, to refuse stale plans
 * @param changes     every resource in scope, no-ops included, in apply order
 * @param orphans     resources Paved owns that the repo no longer declares, kept because prune is off
 * @param findings    why some part could not be planned (e.g. an unreachable provider, the prune guard)
 */
public record Plan(String revision, String fingerprint, List<Change> changes, List<ResourceKey> orphans,
                   List<Finding> findings) {

    public Plan {
        changes = List.copyOf(changes);
        orphans = List.copyOf(orphans);
        findings = List.copyOf(findings);
    }

    public Map<Action, Integer> counts() {
        Map<Action, Integer> counts = new EnumMap<>(Action.class);
        for (Action action : Action.values()) {
            counts.put(action, 0);
        }
        changes.forEach(c -> counts.merge(c.action(), 1, Integer::sum));
        return counts;
    }

    public boolean hasChanges() {
        return changes.stream().anyMatch(c -> c.action().changes());
    }

    /**
     * The plan of each environment it touches, by name: its changes (in this plan's order) and orphans; findings
     * stay with the whole plan.
     */
    public SortedMap<String, Plan> byEnvironment() {
        SortedMap<String, List<Change>> changesOf = new TreeMap<>();
        SortedMap<String, List<ResourceKey>> orphansOf = new TreeMap<>();
        changes.forEach(c -> changesOf.computeIfAbsent(c.key().environment(), e -> new ArrayList<>()).add(c));
        orphans.forEach(k -> orphansOf.computeIfAbsent(k.environment(), e -> new ArrayList<>()).add(k));
        SortedMap<String, Plan> plans = new TreeMap<>();
        for (String environment : union(changesOf.keySet(), orphansOf.keySet())) {
            plans.put(environment, new Plan(revision, fingerprint, changesOf.getOrDefault(environment, List.of()),
                    orphansOf.getOrDefault(environment, List.of()), List.of()));
        }
        return plans;
    }

    /**
     * This plan cut down to some environments: their changes (in this plan's order) and orphans, with this plan's
     * revision, fingerprint and findings. What was planned for them, exactly, to apply them without the others.
     */
    public Plan only(Set<String> environments) {
        return new Plan(revision, fingerprint, changes.stream().filter(c -> environments.contains(
                c.key().environment())).toList(), orphans.stream().filter(k -> environments.contains(
                k.environment())).toList(), findings);
    }

    private static SortedSet<String> union(Set<String> a, Set<String> b) {
        SortedSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(Finding::isError);
    }
}
