package dev.paved.cli.dev;

import java.util.List;

/**
 * A synthetic Service: everything that decides whether it validates. Cosmetic detail (versions, replicas,
 * environment variables, overrides) is drawn when rendering, from {@code style}.
 *
 * @param index        position in generation order; service dependencies only point to lower indexes
 * @param name         the service's name
 * @param noun         what it is about, e.g. {@code ledger}
 * @param team         the owning team
 * @param shape        API, worker or cron job
 * @param lifecycle    experimental, production or deprecated
 * @param criticality  tier-1, tier-2 or tier-3
 * @param environments where it is deployed, in environment order
 * @param dependencies what it needs, in declaration order
 * @param style        seed of the cosmetic choices made when rendering
 */
record ServicePlan(int index, String name, String noun, TeamPlan team, Shape shape, String lifecycle,
                   String criticality, List<String> environments, List<Dependency> dependencies, long style) {

    enum Target { TYPE, SERVICE, RESOURCE }

    /**
     * One entry of {@code spec.dependencies}: {@code name} plus one of type, service or resource ({@code value}).
     * {@code type} is the resource type behind it ({@code ""} for a service), which decides its env vars.
     */
    record Dependency(String name, Target target, String value, String type) {
    }

    ServicePlan {
        environments = List.copyOf(environments);
        dependencies = List.copyOf(dependencies);
    }

    boolean isTier1() {
        return "tier-1".equals(criticality);
    }

    boolean isDeprecated() {
        return "deprecated".equals(lifecycle);
    }
}
