package dev.paved.cli.dev;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Decides, from a seed, which teams, shared resources and services a synthetic repo declares: about one team
 * per 25 services (some of them groups that only parent other teams) and one shared resource per 50.
 */
final class PlatformPlanner {

    static final List<String> STANDARD_ENVIRONMENTS = List.of("dev", "staging", "prod");

    private static final int SERVICES_PER_TEAM = 25;
    private static final int TEAMS_PER_GROUP = 8;
    private static final int SERVICES_PER_RESOURCE = 50;

    private PlatformPlanner() {
    }

    static PlatformPlan plan(int services, long seed) {
        if (services < 1) {
            throw new IllegalArgumentException("a synthetic repo needs at least one service, not " + services);
        }
        Random random = new Random(seed);
        NameRegistry names = new NameRegistry();
        List<TeamPlan> teams = teams(Math.max(3, Math.round(services / (float) SERVICES_PER_TEAM)), random, names);
        List<TeamPlan> owners = teams.stream().filter(team -> !team.isGroup()).toList();
        List<SharedResourcePlan> resources = resources(
                Math.max(2, Math.round(services / (float) SERVICES_PER_RESOURCE)), owners, random, names);
        List<ServiceFile> files = new ServicePlanner(random, names, owners, resources).plan(services);
        return new PlatformPlan(teams, resources, files);
    }

    private static List<TeamPlan> teams(int count, Random random, NameRegistry names) {
        int groupCount = Math.max(1, count / TEAMS_PER_GROUP);
        List<TeamPlan> teams = new ArrayList<>(count);
        for (int i = 0; i < groupCount; i++) {
            String group = Words.GROUPS.get(i % Words.GROUPS.size());
            teams.add(new TeamPlan(names.claim(group), group, null, 1000 + random.nextInt(9000)));
        }
        for (int i = 0; i < count - groupCount; i++) {
            String domain = Words.DOMAINS.get(i % Words.DOMAINS.size());
            int round = i / Words.DOMAINS.size();
            String base = round == 0 ? domain
                    : domain + "-" + Words.QUALIFIERS.get((round - 1) % Words.QUALIFIERS.size());
            String parent = teams.get(i % groupCount).name();
            teams.add(new TeamPlan(names.claim(base), domain, parent, 1000 + random.nextInt(9000)));
        }
        return teams;
    }

    private static List<SharedResourcePlan> resources(int count, List<TeamPlan> owners, Random random,
                                                      NameRegistry names) {
        List<SharedResourcePlan> resources = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            TeamPlan owner = owners.get(random.nextInt(owners.size()));
            int roll = random.nextInt(100);
            String type = i < 2 || roll < 60 ? "kafka-cluster" : roll < 80 ? "redis" : "object-bucket";
            String suffix = switch (type) {
                case "kafka-cluster" -> "-" + Words.pick(random, List.of("event-bus", "events", "stream", "changelog"));
                case "redis" -> "-shared-cache";
                default -> "-assets";
            };
            boolean everywhere = i == 0 || i != 1 && random.nextInt(100) < 35;
            List<String> environments = everywhere ? PlatformPlan.ENVIRONMENTS : STANDARD_ENVIRONMENTS;
            resources.add(new SharedResourcePlan(names.claim(owner.domain() + suffix), type, owner, environments,
                    1 + random.nextInt(4)));
        }
        return resources;
    }
}
