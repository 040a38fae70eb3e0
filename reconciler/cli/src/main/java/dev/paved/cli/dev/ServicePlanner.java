package dev.paved.cli.dev;

import dev.paved.cli.dev.ServicePlan.Dependency;
import dev.paved.cli.dev.ServicePlan.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Decides the services of a synthetic repo so that every reference rule holds by construction: a service only
 * calls production APIs with a lower index (no cycles) that run in every environment it runs in, never a
 * deprecated one; it only uses a shared resource that exists in all its environments; and its provisioned
 * types are ones every environment provisions.
 */
final class ServicePlanner {

    private static final String PREVIEW = "preview";
    /** One service in this many shares its file with the next one (a multi-document file). */
    private static final int PAIR_ONE_IN = 50;

    private final Random random;
    private final NameRegistry names;
    private final List<TeamPlan> owners;
    private final List<SharedResourcePlan> resources;
    private final List<String> callable = new ArrayList<>();
    private final List<String> callableInPreview = new ArrayList<>();

    ServicePlanner(Random random, NameRegistry names, List<TeamPlan> owners, List<SharedResourcePlan> resources) {
        this.random = random;
        this.names = names;
        this.owners = owners;
        this.resources = resources;
    }

    List<ServiceFile> plan(int count) {
        List<ServiceFile> files = new ArrayList<>();
        int index = 0;
        while (index < count) {
            TeamPlan team = owners.get(random.nextInt(owners.size()));
            boolean pair = index + 1 < count && random.nextInt(PAIR_ONE_IN) == 0;
            ServicePlan first = service(index++, team);
            List<ServicePlan> services = pair ? List.of(first, service(index++, team)) : List.of(first);
            files.add(new ServiceFile("services/" + team.name() + "/" + first.name() + ".yaml", services));
        }
        return files;
    }

    private ServicePlan service(int index, TeamPlan team) {
        Shape shape = shape();
        String noun = Words.pick(random, Words.NOUNS);
        String role = Words.pick(random, shape.roles());
        String name = names.claim(random.nextInt(4) == 0 ? team.domain() + "-" + noun + "-" + role : noun + "-" + role);
        int roll = random.nextInt(100);
        String lifecycle = roll < 2 ? "deprecated" : roll < 10 ? "experimental" : "production";
        boolean production = lifecycle.equals("production");
        List<String> environments = new ArrayList<>(production ? PlatformPlanner.STANDARD_ENVIRONMENTS
                : List.of("dev", "staging"));
        if (production && random.nextInt(10) == 0) {
            environments.add(PREVIEW);
        }
        List<Dependency> dependencies = new ArrayList<>();
        typeDependencies(shape, dependencies);
        serviceDependencies(shape, environments, dependencies);
        resourceDependencies(environments, dependencies);
        ServicePlan plan = new ServicePlan(index, name, noun, team, shape, lifecycle,
                criticality(shape, production), environments, dependencies, random.nextLong());
        if (shape == Shape.API && production) {
            callable.add(name);
            if (environments.contains(PREVIEW)) {
                callableInPreview.add(name);
            }
        }
        return plan;
    }

    private Shape shape() {
        int roll = random.nextInt(100);
        return roll < 55 ? Shape.API : roll < 80 ? Shape.WORKER : Shape.CRON;
    }

    private String criticality(Shape shape, boolean production) {
        int roll = random.nextInt(100);
        if (!production) {
            return "tier-3";
        }
        int tier1 = switch (shape) {
            case API -> 20;
            case WORKER -> 10;
            case CRON -> 0;
        };
        return roll < tier1 ? "tier-1" : roll < 65 ? "tier-2" : "tier-3";
    }

    private void typeDependencies(Shape shape, List<Dependency> out) {
        switch (shape) {
            case API -> {
                maybe(70, out, "db", "postgres");
                maybe(30, out, "cache", "redis");
                maybe(10, out, "files", "object-bucket");
            }
            case WORKER -> {
                maybe(60, out, "queue", "redis");
                maybe(40, out, "db", "postgres");
            }
            case CRON -> {
                maybe(50, out, "reports", "object-bucket");
                maybe(40, out, "db", "postgres");
            }
        }
    }

    private void maybe(int percent, List<Dependency> out, String name, String type) {
        if (random.nextInt(100) < percent) {
            out.add(new Dependency(name, Target.TYPE, type, type));
        }
    }

    private void serviceDependencies(Shape shape, List<String> environments, List<Dependency> out) {
        List<String> candidates = environments.contains(PREVIEW) ? callableInPreview : callable;
        int wanted = shape == Shape.API ? random.nextInt(4) : 1 + random.nextInt(2);
        if (candidates.isEmpty()) {
            return;
        }
        List<String> chosen = new ArrayList<>();
        for (int attempt = 0; attempt < 3 * wanted && chosen.size() < wanted; attempt++) {
            String target = candidates.get(random.nextInt(candidates.size()));
            if (!chosen.contains(target)) {
                chosen.add(target);
                out.add(new Dependency(target, Target.SERVICE, target, ""));
            }
        }
    }

    private void resourceDependencies(List<String> environments, List<Dependency> out) {
        int roll = random.nextInt(100);
        int wanted = roll < 25 ? 1 : roll < 30 ? 2 : 0;
        List<String> chosen = new ArrayList<>();
        for (int attempt = 0; attempt < 3 * wanted && chosen.size() < wanted; attempt++) {
            SharedResourcePlan resource = resources.get(random.nextInt(resources.size()));
            if (resource.environments().containsAll(environments) && !chosen.contains(resource.name())) {
                chosen.add(resource.name());
                out.add(new Dependency(resource.name(), Target.RESOURCE, resource.name(),
                        resource.type()));
            }
        }
    }
}
