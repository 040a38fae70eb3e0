package dev.paved.cli.dev;

import java.util.List;

/** Everything a synthetic platform repo declares, before it is written out. */
record PlatformPlan(List<TeamPlan> teams, List<SharedResourcePlan> resources, List<ServiceFile> serviceFiles) {

    /** The environments of every generated repo, in promotion order; preview is the ephemeral one. */
    static final List<String> ENVIRONMENTS = List.of("dev", "staging", "prod", "preview");

    PlatformPlan {
        teams = List.copyOf(teams);
        resources = List.copyOf(resources);
        serviceFiles = List.copyOf(serviceFiles);
    }

    int serviceCount() {
        return serviceFiles.stream().mapToInt(file -> file.services().size()).sum();
    }
}
