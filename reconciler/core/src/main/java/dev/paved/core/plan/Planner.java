package dev.paved.core.plan;

import dev.paved.core.finding.Finding;
import dev.paved.core.finding.Location;
import dev.paved.core.resolve.Binding;
import dev.paved.core.resolve.DesiredState;
import dev.paved.core.resolve.Templates;
import dev.paved.provider.DesiredResource;
import dev.paved.provider.LiveResource;
import dev.paved.provider.ResourceKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compares desired with live state and orders the difference. A pure function of its inputs: no I/O, and
 * the same inputs give the same plan. Deletion is opt-in (prune), only ever of resources Paved owns in a
 * scope that was observed, and refused for an environment whose desired set is empty.
 */
public final class Planner {

    /** @param prune delete resources Paved owns that the repo no longer declares */
    public record Options(boolean prune) {
    }

    public Plan plan(String revision, DesiredState desired, Observed observed, PlanContext context, Options options) {
        // the fingerprint depends on live state only: digested meanwhile, on another core
        CompletableFuture<String> fingerprint = CompletableFuture.supplyAsync(() -> Fingerprint.of(observed));
        Map<ResourceKey, Binding> bindings = desired.byKey();
        Map<ResourceKey, Integer> levels = Levels.of(bindings);
        // each change depends only on its own binding and live state: computed in parallel
        List<Change> changes = new ArrayList<>(desired.bindings().parallelStream()
                .map(binding -> change(binding, observed, context)).toList());
        List<ResourceKey> orphans = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Set<String> guarded = new TreeSet<>();
        Set<String> environments = desired.environments();
        List<ResourceKey> undesired = new ArrayList<>(observed.resources().keySet().parallelStream().filter(key -> {
            Binding binding = bindings.get(key);
            return binding == null || !binding.instance().equals(observed.instances().get(key));
        }).toList());
        undesired.sort(null);
        for (ResourceKey key : undesired) {
            LiveResource live = observed.resources().get(key);
            String instance = observed.instances().get(key);
            boolean environmentEmpty = !environments.contains(key.environment());
            if (!options.prune()) {
                orphans.add(key);
            } else if (environmentEmpty) {
                guarded.add(key.environment());
                orphans.add(key);
            } else if (observed.scopes().contains(Observed.scope(key.environment(), instance))) {
                changes.add(new Change(key, instance, live.owner(), Action.DELETE,
                        live.properties(), MissingNode.getInstance(),
                        JsonDiff.fields(live.properties(), MissingNode.getInstance()),
                        "no longer declared in the platform repo", List.of()));
            }
        }
        for (String environment : guarded) {
            findings.add(Finding.error("plan.prune-guard", Location.ofFile("environments/" + environment), "",
                    "refusing to delete every resource of environment '" + environment + "': the platform repo"
                            + " declares nothing for it; declare something or remove the resources by hand"));
        }
        return new Plan(revision, fingerprint.join(), ordered(changes, levels), orphans, findings);
    }

    private static Change change(Binding binding, Observed observed, PlanContext context) {
        ResourceKey key = binding.key();
        LiveResource live = observed.resources().get(key);
        boolean sameInstance = live != null && binding.instance().equals(observed.instances().get(key));
        ObjectNode after = context.normalize(binding.instance(), withOutputs(binding, observed));
        JsonNode before = sameInstance ? live.properties() : MissingNode.getInstance();
        String owner = binding.resource().owner();
        if (!sameInstance) {
            return new Change(key, binding.instance(), owner, Action.CREATE, before, after,
                    JsonDiff.fields(before, after), "does not exist in " + binding.instance(), binding.dependsOn());
        }
        List<FieldChange> fields = JsonDiff.fields(before, after);
        if (fields.isEmpty()) {
            return new Change(key, binding.instance(), owner, Action.NOOP, before, after, fields, "up to date",
                    binding.dependsOn());
        }
        if (binding.paused()) {
            return new Change(key, binding.instance(), owner, Action.NOOP, before, before, List.of(),
                    "deployment is paused; " + fields.size() + " differing field(s) left as they are",
                    binding.dependsOn());
        }
        Set<String> replacing = context.replaceOnChange(binding.instance(), key.type());
        List<String> forcing = fields.stream().map(f -> topLevel(f.path())).filter(replacing::contains)
                .distinct().toList();
        if (!forcing.isEmpty()) {
            return new Change(key, binding.instance(), owner, Action.REPLACE, before, after, fields,
                    "changing " + String.join(", ", forcing) + " forces replacement", binding.dependsOn());
        }
        return new Change(key, binding.instance(), owner, Action.UPDATE, before, after, fields,
                fields.size() + (fields.size() == 1 ? " field differs" : " fields differ"), binding.dependsOn());
    }

    /**
     * The desired resource with {@code ${dependencies.NAME.OUTPUT}} replaced by the live outputs of the
     * dependencies; an output of a dependency that does not exist yet is {@link Templates#UNKNOWN}.
     */
    public static DesiredResource withOutputs(Binding binding, Observed observed) {
        return withOutputs(binding, observed.resources());
    }

    public static DesiredResource withOutputs(Binding binding, Map<ResourceKey, LiveResource> live) {
        DesiredResource resource = binding.resource();
        if (binding.references().isEmpty()) {
            return resource;
        }
        // only containers' env values hold references: the path down to them is copied, the rest is shared
        // (trees are never modified once built, so sharing is safe; a deep copy cost a third of comparing)
        ObjectNode properties = resource.properties().objectNode();
        resource.properties().properties().forEach(field -> properties.set(field.getKey(), field.getValue()));
        if (properties.get("containers") instanceof ArrayNode containers) {
            ArrayNode substituted = properties.arrayNode(containers.size());
            for (JsonNode container : containers) {
                substituted.add(container.get("env") instanceof ObjectNode env && container instanceof ObjectNode c
                        ? withEnv(c, substitute(env, binding, live)) : container);
            }
            properties.set("containers", substituted);
        }
        return new DesiredResource(resource.key(), resource.owner(), properties, resource.secret());
    }

    private static ObjectNode withEnv(ObjectNode container, ObjectNode env) {
        ObjectNode copy = container.objectNode();
        container.properties().forEach(field -> copy.set(field.getKey(), field.getValue()));
        return copy.set("env", env);
    }

    private static ObjectNode substitute(ObjectNode env, Binding binding, Map<ResourceKey, LiveResource> live) {
        ObjectNode substituted = env.objectNode();
        env.properties().forEach(variable -> substituted.put(variable.getKey(),
                Templates.substitute(variable.getValue().asString(""), (dependency, output) -> {
                    ResourceKey target = binding.references().get(dependency);
                    LiveResource found = target == null ? null : live.get(target);
                    return found == null ? null : found.outputs().get(output);
                })));
        return substituted;
    }

    private static String topLevel(String path) {
        int end = path.length();
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '.' || path.charAt(i) == '[') {
                end = i;
                break;
            }
        }
        return path.substring(0, end);
    }

    /**
     * Creates and updates in dependency order; deletes last, workloads before what they used; by key within
     * each of those. Changes come mostly in key order already (desired ones as the bindings are, then deletes),
     * so they are put in rank buckets in the order they come, and a bucket is sorted only if it is not in order.
     */
    private static List<Change> ordered(List<Change> changes, Map<ResourceKey, Integer> levels) {
        Map<Integer, List<Change>> buckets = new TreeMap<>();
        for (Change change : changes) {
            int rank = change.action() == Action.DELETE
                    ? Integer.MAX_VALUE - ("workload".equals(change.key().type()) ? 1 : 0)
                    : levels.getOrDefault(change.key(), 0);
            buckets.computeIfAbsent(rank, r -> new ArrayList<>()).add(change);
        }
        List<Change> ordered = new ArrayList<>(changes.size());
        for (List<Change> bucket : buckets.values()) {
            for (int i = 1; i < bucket.size(); i++) {
                if (bucket.get(i - 1).key().compareTo(bucket.get(i).key()) > 0) {
                    bucket.sort((a, b) -> a.key().compareTo(b.key()));
                    break;
                }
            }
            ordered.addAll(bucket);
        }
        return ordered;
    }

    /** Depth of each desired resource in the dependency graph: 0 for those that depend on nothing. */
    static final class Levels {
        private Levels() {
        }

        /** Levels of the resources that depend on something; the others (most) are absent, at level 0. */
        static Map<ResourceKey, Integer> of(Map<ResourceKey, Binding> bindings) {
            Map<ResourceKey, Integer> levels = new HashMap<>();
            Set<ResourceKey> visiting = new java.util.HashSet<>();
            for (Binding binding : bindings.values()) {
                if (!binding.dependsOn().isEmpty()) {
                    level(binding.key(), bindings, levels, visiting);
                }
            }
            return levels;
        }

        private static int level(ResourceKey key, Map<ResourceKey, Binding> bindings, Map<ResourceKey, Integer> levels,
                                 Set<ResourceKey> visiting) {
            Integer known = levels.get(key);
            if (known != null) {
                return known;
            }
            Binding binding = bindings.get(key);
            if (binding == null || binding.dependsOn().isEmpty()) {
                return 0;
            }
            int level = 0;
            if (visiting.add(key)) { // validation forbids cycles; this only guards
                for (ResourceKey dependency : binding.dependsOn()) {
                    level = Math.max(level, 1 + level(dependency, bindings, levels, visiting));
                }
                visiting.remove(key);
            }
            levels.put(key, level);
            return level;
        }
    }
}
