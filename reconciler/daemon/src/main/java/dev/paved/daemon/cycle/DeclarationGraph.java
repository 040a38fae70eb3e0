package dev.paved.daemon.cycle;

import dev.paved.core.catalog.Catalog;
import dev.paved.core.catalog.Dependency;
import dev.paved.core.catalog.Specs;
import dev.paved.core.parse.Declaration;
import dev.paved.core.parse.Kind;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which declarations of a catalog refer to which, either way, by ref ({@code Service/checkout}): a service to its
 * team, the services and resources it depends on and the environments it is deployed to; a resource to its team and
 * environments; a team to its parent. A declaration's neighbours are what a change to it can affect beyond itself:
 * what its policies may look up, and whose resources it shapes.
 */
final class DeclarationGraph {

    private final Map<String, Set<String>> neighbours = new HashMap<>();

    private DeclarationGraph() {
    }

    static DeclarationGraph of(Catalog catalog) {
        DeclarationGraph graph = new DeclarationGraph();
        for (Declaration service : catalog.of(Kind.SERVICE)) {
            graph.link(service.ref(), Kind.TEAM, Specs.text(service, "/spec/owner"));
            for (Dependency dependency : catalog.dependencies(service)) {
                graph.link(service.ref(), Kind.SERVICE, dependency.service());
                graph.link(service.ref(), Kind.RESOURCE, dependency.resource());
            }
            catalog.deployedTo(service).forEach(environment -> graph.link(service.ref(), Kind.ENVIRONMENT,
                    environment));
        }
        for (Declaration resource : catalog.of(Kind.RESOURCE)) {
            graph.link(resource.ref(), Kind.TEAM, Specs.text(resource, "/spec/owner"));
            Specs.strings(resource, "/spec/environments").forEach(environment -> graph.link(resource.ref(),
                    Kind.ENVIRONMENT, environment));
        }
        for (Declaration team : catalog.of(Kind.TEAM)) {
            graph.link(team.ref(), Kind.TEAM, Specs.text(team, "/spec/parent"));
        }
        return graph;
    }

    /** The refs of {@code refs} and of everything linked to one of them. */
    Set<String> around(Collection<String> refs) {
        Set<String> around = new HashSet<>(refs);
        refs.forEach(ref -> around.addAll(neighbours.getOrDefault(ref, Set.of())));
        return around;
    }

    /**
     * Refs of the declarations of {@code now} that are not the very declarations of {@code before} (new or
     * changed: an unchanged file gives the same objects again, see ValidationMemory), and of those of
     * {@code before} that {@code now} no longer has.
     */
    static Set<String> changed(Catalog before, Catalog now) {
        Map<Declaration, Boolean> known = new IdentityHashMap<>();
        before.all().forEach(declaration -> known.put(declaration, Boolean.TRUE));
        Set<String> changed = new HashSet<>();
        for (Declaration declaration : now.all()) {
            if (known.remove(declaration) == null) {
                changed.add(declaration.ref());
            }
        }
        known.keySet().forEach(gone -> changed.add(gone.ref()));
        return changed;
    }

    private void link(String from, Kind kind, String name) {
        if (name == null || name.isEmpty()) {
            return;
        }
        String to = kind.yamlName() + "/" + name;
        neighbours.computeIfAbsent(from, ref -> new HashSet<>()).add(to);
        neighbours.computeIfAbsent(to, ref -> new HashSet<>()).add(from);
    }
}
