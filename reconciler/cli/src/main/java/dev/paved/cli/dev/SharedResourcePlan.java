package dev.paved.cli.dev;

import java.util.List;

/**
 * A synthetic shared Resource.
 *
 * @param name         the resource's name
 * @param type         its resource type, e.g. {@code kafka-cluster}
 * @param owner        the owning team
 * @param environments where it exists, in environment order
 * @param size         a small number that scales its params (partitions, memory)
 */
record SharedResourcePlan(String name, String type, TeamPlan owner, List<String> environments, int size) {

    SharedResourcePlan {
        environments = List.copyOf(environments);
    }
}
