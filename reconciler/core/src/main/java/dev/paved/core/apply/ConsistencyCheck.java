package dev.paved.core.apply;

import dev.paved.core.plan.Action;
import dev.paved.core.plan.Plan;
import dev.paved.core.providers.ProviderInstances;
import dev.paved.provider.LiveResource;
import dev.paved.provider.Outcome;
import dev.paved.provider.ResourceKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.node.ObjectNode;

/**
 * After an apply, observes again what was touched (those resources only) and checks that each provider did what
 * it was asked: "provider produced an inconsistent result after apply" is a problem, not a silent drift.
 */
final class ConsistencyCheck {

    private final ProviderInstances instances;

    ConsistencyCheck(ProviderInstances instances) {
        this.instances = instances;
    }

    List<String> check(Plan plan, List<StepResult> steps, Map<ResourceKey, ObjectNode> expected) {
        Map<ResourceKey, String> instanceOf = new HashMap<>();
        plan.changes().forEach(c -> instanceOf.put(c.key(), c.instance()));
        Map<String, Set<ResourceKey>> touched = new HashMap<>();
        for (StepResult step : steps) {
            if (step.done()) {
                touched.computeIfAbsent(step.key().environment() + "/" + instanceOf.get(step.key()),
                        scope -> new HashSet<>()).add(step.key());
            }
        }
        Map<String, Map<ResourceKey, LiveResource>> observed = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (StepResult step : steps) {
            if (!step.done()) {
                continue;
            }
            String instance = instanceOf.get(step.key());
            String scope = step.key().environment() + "/" + instance;
            Map<ResourceKey, LiveResource> live = observed.computeIfAbsent(scope, s -> observe(instance,
                    step.key().environment(), touched.get(s), problems));
            if (live == null) {
                continue;
            }
            LiveResource now = live.get(step.key());
            if (step.action() == Action.DELETE) {
                if (now != null) {
                    problems.add("provider instance " + instance + " reported deleting " + step.key()
                            + ", but it is still there");
                }
            } else if (now == null) {
                problems.add("provider instance " + instance + " reported applying " + step.key()
                        + ", but it cannot be observed");
            } else if (expected.containsKey(step.key()) && !now.properties().equals(expected.get(step.key()))) {
                // a step an earlier, interrupted apply finished has no expectation of this run: presence is checked
                problems.add("provider instance " + instance + " produced an inconsistent result for " + step.key()
                        + " after apply: observed " + fieldsDiffering(now.properties(), expected.get(step.key()))
                        + " differ from the plan");
            }
        }
        return problems;
    }

    private Map<ResourceKey, LiveResource> observe(String instance, String environment, Set<ResourceKey> keys,
                                                   List<String> problems) {
        Outcome<List<LiveResource>> outcome = instances.get(instance).observe(environment, keys);
        if (outcome instanceof Outcome.Failed<List<LiveResource>> failed) {
            problems.add("cannot observe " + instance + " in " + environment + " after apply: "
                    + failed.error().message());
            return null;
        }
        Map<ResourceKey, LiveResource> byKey = new HashMap<>();
        ((Outcome.Ok<List<LiveResource>>) outcome).value().forEach(l -> byKey.put(l.key(), l));
        return byKey;
    }

    private static String fieldsDiffering(ObjectNode observed, ObjectNode expected) {
        TreeSet<String> fields = new TreeSet<>();
        observed.propertyNames().forEach(fields::add);
        expected.propertyNames().forEach(fields::add);
        fields.removeIf(f -> observed.path(f).equals(expected.path(f)));
        return String.join(", ", fields);
    }
}
