package dev.paved.provider.gitmanifests;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The pod template of a workload: its containers, their ports, env (from ConfigMaps) and resources. */
final class PodTemplates {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PodTemplates() {
    }

    /** The labels that select a workload's pods. */
    static ObjectNode selector(Workload workload) {
        return NODES.objectNode().put(Marks.NAME, workload.service());
    }

    /** The name of the ConfigMap that holds a container's env vars. */
    static String configMapName(Workload workload, String container) {
        return workload.service() + "-" + container + "-env";
    }

    /** {@code template} of a Deployment, or of a CronJob's job. */
    static ObjectNode template(Workload workload, String restartPolicy) {
        ObjectNode template = NODES.objectNode();
        ObjectNode metadata = template.putObject("metadata");
        metadata.set("labels", selector(workload));
        String hash = configHash(workload);
        if (hash != null) {
            metadata.putObject("annotations").put(Marks.CONFIG_HASH, hash);
        }
        ObjectNode spec = template.putObject("spec");
        if (restartPolicy != null) {
            spec.put("restartPolicy", restartPolicy);
        }
        ArrayNode containers = spec.putArray("containers");
        for (JsonNode container : workload.properties().path("containers")) {
            containers.add(container(workload, container));
        }
        return template;
    }

    private static ObjectNode container(Workload workload, JsonNode desired) {
        ObjectNode out = NODES.objectNode();
        out.put("name", desired.path("name").asString());
        out.put("image", desired.path("image").asString());
        for (String list : new String[] {"command", "args"}) {
            if (desired.has(list)) {
                out.set(list, desired.path(list).deepCopy());
            }
        }
        if (!desired.path("ports").isEmpty()) {
            ArrayNode ports = out.putArray("ports");
            for (JsonNode port : desired.path("ports")) {
                ports.addObject().put("name", port.path("name").asString())
                        .put("containerPort", port.path("port").asInt())
                        .put("protocol", transport(port.path("protocol").asString()));
            }
        }
        if (!desired.path("env").isEmpty()) {
            out.putArray("envFrom").addObject().putObject("configMapRef")
                    .put("name", configMapName(workload, desired.path("name").asString()));
        }
        if (!desired.path("resources").isEmpty()) {
            out.set("resources", desired.path("resources").deepCopy());
        }
        return out;
    }

    /** The Kubernetes protocol of a port: HTTP and GRPC travel over TCP. */
    static String transport(String protocol) {
        return switch (protocol) {
            case "UDP", "SCTP" -> protocol;
            default -> "TCP";
        };
    }

    /** The Service port's {@code appProtocol}, for the protocols that have one. */
    static String appProtocol(String protocol) {
        return Map.of("HTTP", "http", "GRPC", "grpc").get(protocol);
    }

    /** A hash of every container's env, so that pods roll when a ConfigMap changes; null without env. */
    private static String configHash(Workload workload) {
        StringBuilder env = new StringBuilder();
        for (JsonNode container : workload.properties().path("containers")) {
            if (!container.path("env").isEmpty()) {
                env.append(container.path("name").asString()).append(container.path("env"));
            }
        }
        return env.isEmpty() ? null : Marks.sha256(env.toString()).substring(0, 16);
    }
}
