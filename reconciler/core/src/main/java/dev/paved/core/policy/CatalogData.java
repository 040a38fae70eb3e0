package dev.paved.core.policy;

import dev.paved.core.catalog.Catalog;
import dev.paved.core.parse.Declaration;
import dev.paved.core.parse.Kind;
import dev.paved.policy.CompiledPolicy;
import dev.paved.policy.PolicyData;
import dev.paved.policy.PolicyData.Patch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The data document of one compiled policy for a catalog: the policy's own data with the catalog under
 * {@code paved.catalog} (by kind, then name) and who refers to each declaration under {@code paved.referrers}
 * ({@link Referrers}). Given the next catalog of the same repo, it says what changed as patches (a declaration put
 * or removed, a referrers entry put or removed), so that instances of the module that have the last document apply
 * a few patches instead of parsing the whole catalog again. A document rebuilt whole when patches would weigh
 * more than the catalog is worth sending again.
 */
final class CatalogData {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PAVED = "paved";

    private final CompiledPolicy compiled;
    private Catalog catalog;
    private ObjectNode referrers;
    private PolicyData document;

    CatalogData(CompiledPolicy compiled) {
        this.compiled = compiled;
    }

    /** The document for {@code next}: patches to the last one when {@code patch}, else whole. */
    synchronized PolicyData of(Catalog next, boolean patch) {
        if (next == catalog) {
            return document;
        }
        ObjectNode nextReferrers = Referrers.of(next);
        Optional<List<Patch>> patches = patch && catalog != null ? patches(next, nextReferrers) : Optional.empty();
        document = patches.map(more -> document.with(more)).orElseGet(() -> PolicyData.of(whole(next, nextReferrers)));
        catalog = next;
        referrers = nextReferrers;
        return document;
    }

    /** What turns the last document into the one of {@code next}; empty when sending it whole is as cheap. */
    private Optional<List<Patch>> patches(Catalog next, ObjectNode nextReferrers) {
        List<Patch> patches = new ArrayList<>();
        int limit = Math.max(64, next.size() / 8);
        for (Kind kind : Kind.values()) {
            for (String name : union(catalog.names(kind), next.names(kind))) {
                Declaration before = catalog.find(kind, name).orElse(null);
                Declaration after = next.find(kind, name).orElse(null);
                if (before == after) {
                    continue; // the very same declaration: its file did not change
                }
                List<String> path = List.of(PAVED, "catalog", key(kind), name);
                if (after == null) {
                    patches.add(Patch.remove(path));
                } else if (before == null || !before.body().equals(after.body())) {
                    patches.add(Patch.put(path, after.body().toString()));
                }
                if (patches.size() > limit) {
                    return Optional.empty();
                }
            }
        }
        Set<String> kinds = new TreeSet<>(referrers.propertyNames());
        kinds.addAll(nextReferrers.propertyNames());
        for (String kind : kinds) {
            JsonNode before = referrers.get(kind);
            JsonNode after = nextReferrers.get(kind);
            if (before == null || after == null) { // a kind nobody referred to, or nobody refers to any more
                patches.add(after == null ? Patch.remove(List.of(PAVED, "referrers", kind))
                        : Patch.put(List.of(PAVED, "referrers", kind), after.toString()));
                continue;
            }
            for (String name : union(before.propertyNames(), after.propertyNames())) {
                JsonNode was = before.get(name);
                JsonNode is = after.get(name);
                if (is == null) {
                    patches.add(Patch.remove(List.of(PAVED, "referrers", kind, name)));
                } else if (!is.equals(was)) {
                    patches.add(Patch.put(List.of(PAVED, "referrers", kind, name), is.toString()));
                }
            }
        }
        PolicyData patched = document.with(patches);
        return patches.size() > limit || patched.weight() > 2L * document.base().length() ? Optional.empty()
                : Optional.of(patches);
    }

    /** The names of both, once each: those of {@code one}, then those only {@code other} has. */
    private static List<String> union(Collection<String> one, Collection<String> other) {
        Set<String> first = one instanceof Set<String> set ? set : new HashSet<>(one);
        List<String> names = new ArrayList<>(one);
        for (String name : other) {
            if (!first.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** The whole document for a catalog. */
    private String whole(Catalog next, ObjectNode nextReferrers) {
        ObjectNode data = (ObjectNode) JSON.readTree(compiled.data());
        ObjectNode paved = data.get(PAVED) instanceof ObjectNode object ? object : data.putObject(PAVED);
        ObjectNode byKind = paved.putObject("catalog");
        for (Kind kind : Kind.values()) {
            ObjectNode declarations = byKind.putObject(key(kind));
            for (String name : next.names(kind)) {
                declarations.set(name, next.find(kind, name).orElseThrow().body());
            }
        }
        paved.set("referrers", nextReferrers);
        return data.toString();
    }

    private static String key(Kind kind) {
        return kind.yamlName().toLowerCase(Locale.ROOT) + "s";
    }
}
