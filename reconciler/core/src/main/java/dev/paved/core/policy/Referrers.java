package dev.paved.core.policy;

import dev.paved.core.catalog.Catalog;
import dev.paved.core.catalog.Dependency;
import dev.paved.core.parse.Declaration;
import dev.paved.core.parse.Kind;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code data.paved.referrers}: who refers to each declaration, computed once per run so that a rule asking
 * "does anything refer to this?" (PAVED-TEAM-002, PAVED-RES-003) looks it up instead of scanning the whole
 * catalog for every declaration, which is quadratic on a large repo:
 *
 * <pre>
 * {"teams":     {team:     {"services": [owned], "resources": [owned], "teams": [children]}},
 *  "services":  {service:  {"services": [services that depend on it]}},
 *  "resources": {resource: {"services": [services that depend on it]}}}
 * </pre>
 *
 * Names are in catalog order; a declaration nothing refers to has no entry. A reference to something that does
 * not exist is listed too (the reference rules report it). {@code rego/lib/fixtures_test.rego} derives the same
 * document in Rego for the library's tests.
 */
final class Referrers {

    private Referrers() {
    }

    static ObjectNode of(Catalog catalog) {
        ObjectNode referrers = JsonNodeFactory.instance.objectNode();
        for (Declaration service : catalog.of(Kind.SERVICE)) {
            add(referrers, "teams", text(service, "owner"), "services", service.name());
            for (Dependency dependency : catalog.dependencies(service)) {
                add(referrers, "services", dependency.service(), "services", service.name());
                add(referrers, "resources", dependency.resource(), "services", service.name());
            }
        }
        for (Declaration resource : catalog.of(Kind.RESOURCE)) {
            add(referrers, "teams", text(resource, "owner"), "resources", resource.name());
        }
        for (Declaration team : catalog.of(Kind.TEAM)) {
            add(referrers, "teams", text(team, "parent"), "teams", team.name());
        }
        return referrers;
    }

    private static String text(Declaration declaration, String specField) {
        return declaration.body().path("spec").path(specField).asString("");
    }

    private static void add(ObjectNode referrers, String kind, String name, String by, String referrer) {
        if (name == null || name.isEmpty()) {
            return;
        }
        referrers.withObjectProperty(kind).withObjectProperty(name).withArrayProperty(by).add(referrer);
    }
}
