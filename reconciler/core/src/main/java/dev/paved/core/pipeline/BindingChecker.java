package dev.paved.core.pipeline;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.paved.core.PavedException;
import dev.paved.core.catalog.Catalog;
import dev.paved.core.finding.Finding;
import dev.paved.core.finding.Location;
import dev.paved.core.parse.Kind;
import dev.paved.core.providers.ProviderInstances;
import dev.paved.core.resolve.Binding;
import dev.paved.core.resolve.DesiredState;
import dev.paved.provider.ProviderType;
import dev.paved.provider.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Checks each binding against the provider that will hold it, before anything is observed: the instance's
 * provider type must provision the resource type, and a dependency's params must match that type's schema.
 */
final class BindingChecker {

    private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
    /** Schema errors by schema and params: most dependencies repeat a few params (e.g. {@code size: small}). */
    private final Map<Checked, List<String>> verdicts = new ConcurrentHashMap<>();

    private record Checked(String schema, JsonNode params) {
    }

    /** Bindings are checked independently of each other: in parallel, findings kept in binding order. */
    List<Finding> check(DesiredState desired, ProviderInstances instances, Catalog catalog) {
        return desired.bindings().parallelStream().flatMap(binding -> check(binding, instances, catalog).stream())
                .toList();
    }

    private List<Finding> check(Binding binding, ProviderInstances instances, Catalog catalog) {
        ProviderType type;
        try {
            type = instances.typeOf(binding.instance());
        } catch (PavedException e) {
            return List.of(Finding.error("plan.provider", locate(binding, catalog), binding.origin(), e.getMessage()));
        }
        String resourceType = binding.key().type();
        Optional<ResourceType> handled = type.resourceTypes().stream()
                .filter(t -> t.name().equals(resourceType) || t.name().equals("*")).findFirst();
        if (handled.isEmpty()) {
            return List.of(Finding.error("plan.provider", locate(binding, catalog), binding.origin(),
                    "provider instance '" + binding.instance() + "' is a " + type.id() + " provider, which does"
                            + " not provision '" + resourceType + "'"));
        }
        if ("workload".equals(resourceType)) {
            return List.of();
        }
        String schemaKey = type.id() + "/" + handled.get().name();
        List<String> errors = verdicts.computeIfAbsent(new Checked(schemaKey, binding.resource().properties()),
                checked -> compiled.computeIfAbsent(schemaKey, k -> schemas.getSchema(handled.get().paramsSchema()))
                        .validate(checked.params()).stream()
                        .map(error -> error.getMessage().replaceFirst("^\\$[^:]*: ", "")).toList());
        List<Finding> findings = new ArrayList<>(errors.size());
        for (String error : errors) {
            findings.add(Finding.error("plan.params", locate(binding, catalog), binding.origin(),
                    type.id() + " " + resourceType + " params: " + error));
        }
        return findings;
    }

    private static Location locate(Binding binding, Catalog catalog) {
        String owner = binding.resource().owner();
        int slash = owner.indexOf('/');
        Optional<Kind> kind = Kind.fromYamlName(owner.substring(0, Math.max(0, slash)));
        return kind.flatMap(k -> catalog.find(k, owner.substring(slash + 1)))
                .map(d -> d.locate(binding.origin())).orElse(Location.ofFile(owner));
    }
}
