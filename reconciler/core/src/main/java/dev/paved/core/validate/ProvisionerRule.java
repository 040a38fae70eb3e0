package dev.paved.core.validate;

import dev.paved.core.catalog.Catalog;
import dev.paved.core.catalog.Dependency;
import dev.paved.core.catalog.Specs;
import dev.paved.core.finding.Pointers;
import dev.paved.core.parse.Declaration;
import dev.paved.core.parse.Kind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ref.provisioner}: every resource type needed in an environment has exactly one provisioner there.
 * A service needs {@value #WORKLOAD} in each environment it is deployed to, plus the type of each of its
 * {@code type} dependencies; a shared Resource needs its type in each of its environments. A type listed twice
 * in one environment is reported at the environment; a missing one where it is needed.
 */
final class ProvisionerRule implements ReferenceRule {

    /** The resource type that runs a service's workload itself. */
    static final String WORKLOAD = "workload";

    @Override
    public void check(Catalog catalog, FindingSink out) {
        Map<String, Map<String, Integer>> provisioned = new HashMap<>();
        for (Declaration environment : catalog.of(Kind.ENVIRONMENT)) {
            if (catalog.find(Kind.ENVIRONMENT, environment.name()).orElse(null) != environment) {
                continue; // a duplicate declaration; ref.unique-name reports it
            }
            provisioned.put(environment.name(), provisionersOf(environment, out));
        }
        for (Declaration service : catalog.of(Kind.SERVICE)) {
            List<Dependency> dependencies = catalog.dependencies(service);
            for (String environment : catalog.deployedTo(service)) {
                Map<String, Integer> types = provisioned.get(environment);
                if (types == null) {
                    continue; // ref.environment reports it
                }
                require(types, WORKLOAD, environment, out, service,
                        Pointers.child("/spec/deployments", environment), catalog);
                for (Dependency dependency : dependencies) {
                    if (!dependency.type().isEmpty()) {
                        require(types, dependency.type(), environment, out, service, dependency.pointer("type"),
                                catalog);
                    }
                }
            }
        }
        for (Declaration resource : catalog.of(Kind.RESOURCE)) {
            String type = Specs.text(resource, "/spec/type");
            List<String> environments = Specs.strings(resource, "/spec/environments");
            for (int i = 0; i < environments.size(); i++) {
                Map<String, Integer> types = provisioned.get(environments.get(i));
                if (types != null && !type.isEmpty()) {
                    require(types, type, environments.get(i), out, resource,
                            Pointers.child("/spec/environments", i), catalog);
                }
            }
        }
    }

    /** Type → index of its provisioner entry; duplicates are reported here. */
    private static Map<String, Integer> provisionersOf(Declaration environment, FindingSink out) {
        Map<String, Integer> types = new HashMap<>();
        int index = 0;
        for (var entry : environment.spec().path("provisioners")) {
            String type = entry.path("type").asString("");
            if (!type.isEmpty()) {
                Integer first = types.putIfAbsent(type, index);
                if (first != null) {
                    out.error("ref.provisioner", environment, "/spec/provisioners/" + index + "/type",
                            "resource type '" + type + "' already has a provisioner here (spec.provisioners["
                                    + first + "]); each type needs exactly one per environment");
                }
            }
            index++;
        }
        return types;
    }

    private static void require(Map<String, Integer> types, String type, String environment, FindingSink out,
                                Declaration at, String pointer, Catalog catalog) {
        if (!types.containsKey(type)) {
            String file = catalog.find(Kind.ENVIRONMENT, environment).map(Declaration::file).orElse("?");
            out.error("ref.provisioner", at, pointer, "no provisioner for resource type '" + type
                    + "' in environment '" + environment + "'; add one to spec.provisioners in " + file);
        }
    }
}
