package dev.paved.provider.gitmanifests;

import dev.paved.provider.ResourceKey;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A workload ready to render: its key, owning declaration, target namespace and normalised properties.
 *
 * @param key        {@code <environment>/workload/<service>}
 * @param owner      the declaration, e.g. {@code Service/payments-api}
 * @param namespace  the Kubernetes namespace: the properties' {@code namespace}, else the environment's
 * @param properties the normal form, see {@link WorkloadSpec}
 */
record Workload(ResourceKey key, String owner, String namespace, ObjectNode properties) {

    Workload {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(namespace, "namespace");
        properties = properties.deepCopy();
        if (properties.path("namespace").isString()) {
            namespace = properties.path("namespace").asString();
        }
    }

    String service() {
        return key.name();
    }

    String kind() {
        return properties.path("kind").asString(WorkloadSpec.SERVER);
    }

    boolean isCron() {
        return WorkloadSpec.CRON.equals(kind());
    }

    /** The directory of its manifests in the deploy repo: {@code <environment>/<service>}. */
    String directory() {
        return key.environment() + "/" + key.name();
    }

    /** The first port of the first container that has one, or {@code null}. */
    JsonNode firstPort() {
        for (JsonNode container : properties.path("containers")) {
            for (JsonNode port : container.path("ports")) {
                return port;
            }
        }
        return null;
    }

    /** The in-cluster DNS name of the workload's Service. */
    String host() {
        return key.name() + "." + namespace + ".svc.cluster.local";
    }
}
