package dev.paved.core.validate;

import dev.paved.core.catalog.Catalog;
import dev.paved.core.catalog.Dependency;
import dev.paved.core.catalog.Specs;
import dev.paved.core.parse.Declaration;
import dev.paved.core.parse.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ref.cycle}: no cycles among service dependencies, team parents or environment promotions. Each cycle
 * is reported once, at the reference that leaves its alphabetically first member.
 */
final class CycleRule implements ReferenceRule {

    @Override
    public void check(Catalog catalog, FindingSink out) {
        Map<String, List<String>> services = new LinkedHashMap<>();
        for (String name : catalog.names(Kind.SERVICE)) {
            Declaration service = catalog.find(Kind.SERVICE, name).orElseThrow();
            services.put(name, catalog.dependencies(service).stream().map(Dependency::service)
                    .filter(s -> !s.isEmpty() && !s.equals(name)).toList());
        }
        for (List<String> cycle : Cycles.find(services)) {
            Declaration first = catalog.find(Kind.SERVICE, cycle.get(0)).orElseThrow();
            String next = cycle.get(1 % cycle.size());
            Dependency edge = catalog.dependencies(first).stream().filter(d -> d.service().equals(next))
                    .findFirst().orElseThrow();
            out.error("ref.cycle", first, edge.pointer("service"), "dependency cycle: " + render(cycle));
        }
        reportSingleEdgeCycles(catalog, out, Kind.TEAM, "/spec/parent", "team parent cycle: ");
        reportSingleEdgeCycles(catalog, out, Kind.ENVIRONMENT, "/spec/promotion/from", "promotion cycle: ");
    }

    private static void reportSingleEdgeCycles(Catalog catalog, FindingSink out, Kind kind, String pointer,
                                               String prefix) {
        Map<String, List<String>> edges = new LinkedHashMap<>();
        for (String name : catalog.names(kind)) {
            String target = Specs.text(catalog.find(kind, name).orElseThrow(), pointer);
            edges.put(name, target.isEmpty() || target.equals(name) ? List.of() : List.of(target));
        }
        for (List<String> cycle : Cycles.find(edges)) {
            out.error("ref.cycle", catalog.find(kind, cycle.get(0)).orElseThrow(), pointer, prefix + render(cycle));
        }
    }

    private static String render(List<String> cycle) {
        return String.join(" → ", cycle) + " → " + cycle.get(0);
    }
}
