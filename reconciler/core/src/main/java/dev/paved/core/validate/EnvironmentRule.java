package dev.paved.core.validate;

import dev.paved.core.catalog.Catalog;
import dev.paved.core.catalog.Specs;
import dev.paved.core.finding.Pointers;
import dev.paved.core.parse.Declaration;
import dev.paved.core.parse.Kind;
import java.util.List;

/**
 * {@code ref.environment}: a service's deployments and a shared resource's environments name Environments
 * that exist. {@code ref.promotion}: an environment promotes from another environment that exists.
 */
final class EnvironmentRule implements ReferenceRule {

    @Override
    public void check(Catalog catalog, FindingSink out) {
        for (Declaration service : catalog.of(Kind.SERVICE)) {
            for (String environment : catalog.deployedTo(service)) {
                requireEnvironment(catalog, out, service, Pointers.child("/spec/deployments", environment),
                        environment);
            }
        }
        for (Declaration resource : catalog.of(Kind.RESOURCE)) {
            List<String> environments = Specs.strings(resource, "/spec/environments");
            for (int i = 0; i < environments.size(); i++) {
                requireEnvironment(catalog, out, resource, Pointers.child("/spec/environments", i),
                        environments.get(i));
            }
        }
        for (Declaration environment : catalog.of(Kind.ENVIRONMENT)) {
            String from = Specs.text(environment, "/spec/promotion/from");
            if (from.isEmpty()) {
                continue;
            }
            if (from.equals(environment.name())) {
                out.error("ref.promotion", environment, "/spec/promotion/from",
                        "an environment cannot promote from itself");
            } else if (!catalog.declares(Kind.ENVIRONMENT, from)) {
                out.error("ref.promotion", environment, "/spec/promotion/from",
                        References.missing(catalog, Kind.ENVIRONMENT, "environment", from));
            }
        }
    }

    private static void requireEnvironment(Catalog catalog, FindingSink out, Declaration declaration, String pointer,
                                           String environment) {
        if (!catalog.declares(Kind.ENVIRONMENT, environment)) {
            out.error("ref.environment", declaration, pointer,
                    References.missing(catalog, Kind.ENVIRONMENT, "environment", environment));
        }
    }
}
