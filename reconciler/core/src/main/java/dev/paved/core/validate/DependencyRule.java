package dev.paved.core.validate;

import dev.paved.core.catalog.Catalog;
import dev.paved.core.catalog.Dependency;
import dev.paved.core.catalog.Specs;
import dev.paved.core.parse.Declaration;
import dev.paved.core.parse.Kind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a service depends on must be there wherever the service runs:
 * <ul>
 *   <li>{@code ref.dependency-name}: dependency names are unique within a service;</li>
 *   <li>{@code ref.dependency-service}: a service dependency names another Service that exists;</li>
 *   <li>{@code ref.dependency-deployed}: that service is deployed to every environment this one is;</li>
 *   <li>{@code ref.deprecated-dependency} (warning): that service is not deprecated, unless this one is too;</li>
 *   <li>{@code ref.dependency-resource}: a resource dependency names a shared Resource that exists;</li>
 *   <li>{@code ref.resource-environment}: that resource exists in every environment this service is deployed to.</li>
 * </ul>
 */
final class DependencyRule implements ReferenceRule {

    private static final String DEPRECATED = "deprecated";

    @Override
    public void check(Catalog catalog, FindingSink out) {
        for (Declaration service : catalog.of(Kind.SERVICE)) {
            // environments that do not exist are reported by ref.environment, not once more per dependency
            List<String> environments = catalog.deployedTo(service).stream()
                    .filter(e -> catalog.contains(Kind.ENVIRONMENT, e)).toList();
            Set<String> names = new HashSet<>();
            for (Dependency dependency : catalog.dependencies(service)) {
                if (!dependency.name().isEmpty() && !names.add(dependency.name())) {
                    out.error("ref.dependency-name", service, dependency.pointer("name"), "dependency name '"
                            + dependency.name() + "' is used twice; each dependency needs its own name");
                }
                if (!dependency.service().isEmpty()) {
                    checkService(catalog, out, service, environments, dependency);
                } else if (!dependency.resource().isEmpty()) {
                    checkResource(catalog, out, service, environments, dependency);
                }
            }
        }
    }

    private static void checkService(Catalog catalog, FindingSink out, Declaration service, List<String> environments,
                                     Dependency dependency) {
        String pointer = dependency.pointer("service");
        String target = dependency.service();
        if (target.equals(service.name())) {
            out.error("ref.dependency-service", service, pointer, "a service cannot depend on itself");
            return;
        }
        Declaration other = resolve(catalog, out, service, pointer, Kind.SERVICE, target);
        if (other == null) {
            return;
        }
        List<String> missing = missingFrom(environments, catalog.deployedTo(other));
        if (!missing.isEmpty()) {
            out.error("ref.dependency-deployed", service, pointer, "depends on service '" + target
                    + "', which is not deployed to " + environmentList(missing) + " (" + other.file() + ")");
        }
        boolean deprecated = DEPRECATED.equals(Specs.text(other, "/spec/lifecycle"));
        if (deprecated && !DEPRECATED.equals(Specs.text(service, "/spec/lifecycle"))) {
            out.warning("ref.deprecated-dependency", service, pointer, "depends on service '" + target
                    + "', which is deprecated; plan a move away from it");
        }
    }

    private static void checkResource(Catalog catalog, FindingSink out, Declaration service,
                                      List<String> environments, Dependency dependency) {
        String pointer = dependency.pointer("resource");
        String target = dependency.resource();
        Declaration resource = resolve(catalog, out, service, pointer, Kind.RESOURCE, target);
        if (resource == null) {
            return;
        }
        List<String> available = Specs.strings(resource, "/spec/environments");
        List<String> missing = missingFrom(environments, available);
        if (!missing.isEmpty()) {
            out.error("ref.resource-environment", service, pointer, "shared resource '" + target
                    + "' does not exist in " + environmentList(missing) + " (it lists "
                    + (available.isEmpty() ? "none" : String.join(", ", available)) + " in " + resource.file()
                    + ")");
        }
    }

    /**
     * The declaration a dependency names, or null: reported as missing, unless it is declared in a file that
     * could not be loaded (that load problem is the finding).
     */
    private static Declaration resolve(Catalog catalog, FindingSink out, Declaration service, String pointer,
                                       Kind kind, String target) {
        Declaration found = catalog.find(kind, target).orElse(null);
        if (found == null && !catalog.declares(kind, target)) {
            boolean isService = kind == Kind.SERVICE;
            out.error(isService ? "ref.dependency-service" : "ref.dependency-resource", service, pointer,
                    References.missing(catalog, kind, isService ? "service" : "shared resource", target));
        }
        return found;
    }

    private static List<String> missingFrom(List<String> wanted, List<String> available) {
        return wanted.stream().filter(e -> !available.contains(e)).toList();
    }

    static String environmentList(List<String> environments) {
        String quoted = "'" + String.join("', '", environments) + "'";
        return (environments.size() == 1 ? "environment " : "environments ") + quoted;
    }
}
