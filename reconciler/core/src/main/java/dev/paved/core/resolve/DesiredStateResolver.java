package dev.paved.core.resolve;

import dev.paved.core.catalog.Catalog;
import dev.paved.core.catalog.Dependency;
import dev.paved.core.catalog.Specs;
import dev.paved.core.finding.Finding;
import dev.paved.core.finding.Pointers;
import dev.paved.core.finding.Severity;
import dev.paved.core.parse.Declaration;
import dev.paved.core.parse.Kind;
import dev.paved.provider.DesiredResource;
import dev.paved.provider.ResourceKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Resolves a valid catalog into the desired resources of every environment. Pure: no I/O.
 *
 * <ul>
 *   <li>a service deployed to an environment is a {@code workload} resource named after the service: its
 *       containers, replicas, resources and env vars layered environment defaults → service → deployment;</li>
 *   <li>each {@code type} dependency is a resource named {@code SERVICE-DEPENDENCY} with the dependency's
 *       params, which the workload depends on;</li>
 *   <li>a shared Resource is one resource per environment it lists, named after it;</li>
 *   <li>a {@code service} or {@code resource} dependency is only an edge to that resource.</li>
 * </ul>
 * Each resource is bound to the provider instance the environment names for its type.
 */
public final class DesiredStateResolver {

    public static final String WORKLOAD = "workload";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private record Resolved(List<Binding> bindings, List<Finding> findings) {
    }

    public DesiredState resolve(Catalog catalog) {
        return resolve(catalog, service -> true);
    }

    /**
     * The resources of the services {@code services} accepts, and of every shared Resource: services resolve
     * independently of each other, so those of a few services come out exactly as in a whole resolution.
     */
    public DesiredState resolve(Catalog catalog, Predicate<String> services) {
        List<Binding> bindings = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Map<String, Map<String, String>> provisioners = provisioners(catalog);
        List<String> names = catalog.names(Kind.SERVICE).stream().filter(services).toList();
        // services resolve independently of each other: in parallel, then gathered in name order
        List<Resolved> resolvedServices = (names.size() < 64 ? names.stream() : names.parallelStream()).map(name -> {
            Declaration service = catalog.find(Kind.SERVICE, name).orElseThrow();
            Resolved resolved = new Resolved(new ArrayList<>(), new ArrayList<>());
            for (String environment : catalog.deployedTo(service)) {
                Map<String, String> instances = provisioners.get(environment);
                if (instances != null) {
                    resolveService(catalog, service, environment, instances, resolved.bindings(),
                            resolved.findings());
                }
            }
            return resolved;
        }).toList();
        for (Resolved resolved : resolvedServices) {
            bindings.addAll(resolved.bindings());
            findings.addAll(resolved.findings());
        }
        for (String name : catalog.names(Kind.RESOURCE)) {
            Declaration resource = catalog.find(Kind.RESOURCE, name).orElseThrow();
            String type = Specs.text(resource, "/spec/type");
            for (String environment : Specs.strings(resource, "/spec/environments")) {
                String instance = provisioners.getOrDefault(environment, Map.of()).get(type);
                if (instance != null) {
                    JsonNode params = resource.spec().path("params");
                    bindings.add(new Binding(new DesiredResource(new ResourceKey(environment, type, name),
                            resource.ref(), params.isObject() ? (ObjectNode) params.deepCopy() : NODES.objectNode(),
                            Set.of()), instance, List.of(), Map.of(), false, "/spec/params"));
                }
            }
        }
        return new DesiredState(KeyOrder.sorted(bindings, Binding::key), findings);
    }

    private void resolveService(Catalog catalog, Declaration service, String environment, Map<String, String> instances,
                                List<Binding> bindings, List<Finding> findings) {
        Map<String, ResourceKey> references = new TreeMap<>();
        for (Dependency dependency : catalog.dependencies(service)) {
            ResourceKey key = dependencyKey(catalog, service, environment, dependency);
            if (key == null) {
                continue;
            }
            references.put(dependency.name(), key);
            if (!dependency.type().isEmpty() && instances.containsKey(dependency.type())) {
                JsonNode params = service.spec().path("dependencies").path(dependency.index()).path("params");
                bindings.add(new Binding(new DesiredResource(key, service.ref(),
                        params.isObject() ? (ObjectNode) params.deepCopy() : NODES.objectNode(), Set.of()),
                        instances.get(dependency.type()), List.of(), Map.of(), false, dependency.pointer("params")));
            }
        }
        Declaration environmentDeclaration = catalog.find(Kind.ENVIRONMENT, environment).orElseThrow();
        JsonNode deployment = service.spec().path("deployments").path(environment);
        ObjectNode workload = workload(service, environmentDeclaration.spec().path("defaults"), deployment);
        checkReferences(service, environment, references.keySet(), findings);
        if (instances.containsKey(WORKLOAD)) {
            bindings.add(new Binding(new DesiredResource(new ResourceKey(environment, WORKLOAD, service.name()),
                    service.ref(), workload, Set.of()), instances.get(WORKLOAD),
                    new ArrayList<>(new TreeSet<>(references.values())), references,
                    deployment.path("paused").asBoolean(false), Pointers.child("/spec/deployments", environment)));
        }
    }

    private static ResourceKey dependencyKey(Catalog catalog, Declaration service, String environment,
                                             Dependency dependency) {
        if (!dependency.type().isEmpty()) {
            return new ResourceKey(environment, dependency.type(), service.name() + "-" + dependency.name());
        }
        if (!dependency.service().isEmpty()) {
            return new ResourceKey(environment, WORKLOAD, dependency.service());
        }
        if (!dependency.resource().isEmpty()) {
            return catalog.find(Kind.RESOURCE, dependency.resource())
                    .map(r -> new ResourceKey(environment, Specs.text(r, "/spec/type"), dependency.resource()))
                    .orElse(null);
        }
        return null;
    }

    /** The effective workload in one environment: what the workload provider is asked for. */
    static ObjectNode workload(Declaration service, JsonNode defaults, JsonNode deployment) {
        JsonNode spec = service.spec().path("workload");
        ObjectNode workload = NODES.objectNode();
        workload.put("kind", spec.path("kind").asString("server"));
        if (spec.has("schedule")) {
            workload.put("schedule", spec.path("schedule").asString());
        }
        workload.put("replicas", deployment.path("replicas").asInt(defaults.path("replicas").asInt(1)));
        ArrayNode containers = workload.putArray("containers");
        for (JsonNode container : spec.path("containers")) {
            ObjectNode effective = containers.addObject();
            String name = container.path("name").asString();
            effective.put("name", name);
            effective.put("image", deployment.path("images").path(name).asString(container.path("image").asString()));
            if (container.has("command")) {
                effective.set("command", container.get("command").deepCopy());
            }
            if (container.has("args")) {
                effective.set("args", container.get("args").deepCopy());
            }
            if (container.has("ports")) {
                effective.set("ports", container.get("ports").deepCopy());
            }
            effective.set("env", sorted(Merge.layered(defaults.path("env"), container.path("env"),
                    deployment.path("env"))));
            effective.set("resources", Merge.layered(defaults.path("resources"), container.path("resources"),
                    deployment.path("resources")));
        }
        return workload;
    }

    private static void checkReferences(Declaration service, String environment, Set<String> dependencies,
                                        List<Finding> findings) {
        JsonNode containers = service.spec().path("workload").path("containers");
        for (int i = 0; i < containers.size(); i++) {
            checkEnv(service, containers.get(i).path("env"),
                    Pointers.child(Pointers.child("/spec/workload/containers", i), "env"), dependencies, findings);
        }
        checkEnv(service, service.spec().path("deployments").path(environment).path("env"),
                Pointers.child(Pointers.child("/spec/deployments", environment), "env"), dependencies, findings);
    }

    private static void checkEnv(Declaration service, JsonNode env, String pointer, Set<String> dependencies,
                                 List<Finding> findings) {
        for (Map.Entry<String, JsonNode> variable : env.properties()) {
            for (Templates.Reference reference : Templates.references(variable.getValue().asString(""))) {
                if (!dependencies.contains(reference.dependency())) {
                    String at = Pointers.child(pointer, variable.getKey());
                    Finding finding = new Finding("resolve.reference", Severity.ERROR, service.locate(at), at,
                            "${dependencies." + reference.dependency() + "." + reference.output()
                                    + "} refers to no dependency of this service named '" + reference.dependency()
                                    + "'");
                    if (!findings.contains(finding)) {
                        findings.add(finding);
                    }
                }
            }
        }
    }

    private static ObjectNode sorted(ObjectNode object) {
        ObjectNode sorted = NODES.objectNode();
        new TreeMap<>(toMap(object)).forEach(sorted::set);
        return sorted;
    }

    private static Map<String, JsonNode> toMap(ObjectNode object) {
        Map<String, JsonNode> map = new HashMap<>();
        object.properties().forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    /** Environment → resource type → provider instance. */
    private static Map<String, Map<String, String>> provisioners(Catalog catalog) {
        Map<String, Map<String, String>> byEnvironment = new HashMap<>();
        for (String name : catalog.names(Kind.ENVIRONMENT)) {
            Map<String, String> types = new HashMap<>();
            for (JsonNode entry : catalog.find(Kind.ENVIRONMENT, name).orElseThrow().spec().path("provisioners")) {
                types.putIfAbsent(entry.path("type").asString(""), entry.path("provider").asString(""));
            }
            byEnvironment.put(name, types);
        }
        return byEnvironment;
    }
}
