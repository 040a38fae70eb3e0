package dev.paved.cli.dev;

import java.util.List;

/** One file under {@code services/<team>/}, holding one service or, now and then, two of the same team. */
record ServiceFile(String path, List<ServicePlan> services) {

    ServiceFile {
        services = List.copyOf(services);
    }
}
