package dev.paved.provider.gitmanifests;

import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The normal form of a workload's desired properties: what is rendered, recorded in the
 * {@code paved.dev/properties} annotation and reported back by observe. Tolerant: missing optional fields get
 * their defaults, scalars of the wrong type are coerced where the meaning is plain (a number as an env value),
 * and values it cannot make sense of are kept as they are for {@link WorkloadProblems} to report. Idempotent.
 *
 * <pre>
 * kind:      server | worker | cron                  (default server)
 * replicas:  integer                                 (default 1; not for cron)
 * schedule:  five-field cron expression              (cron only)
 * containers:
 *   - name:      DNS label                           (default: the service name, then name-2, name-3, …)
 *     image:     image reference
 *     command:   [string]                            (only when given)
 *     args:      [string]                            (only when given)
 *     ports:     [{name, port, protocol}]            (protocol upper-cased, default TCP; name default port-PORT)
 *     env:       {NAME: string}                      (sorted by name; a list of {name, value} is accepted)
 *     resources: {requests: {..}, limits: {..}}      (sorted; quantities as strings; empty parts left out)
 * namespace: DNS label                               (only when given: instead of the environment's)
 * </pre>
 *
 * Shorthand: without {@code containers}, a top-level {@code image} (with {@code command}, {@code args},
 * {@code ports}, {@code env}, {@code resources} beside it) is one container named after the service.
 * {@code metadata} is transient (it may carry {@code paved.dev/commit}) and any other field is dropped.
 */
final class WorkloadSpec {

    static final String SERVER = "server";
    static final String WORKER = "worker";
    static final String CRON = "cron";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private WorkloadSpec() {
    }

    static ObjectNode normalize(String service, ObjectNode raw) {
        ObjectNode out = NODES.objectNode();
        String kind = raw.path("kind").isString() ? raw.path("kind").asString() : SERVER;
        out.put("kind", kind);
        if (!CRON.equals(kind)) {
            out.set("replicas", integer(raw.path("replicas"), 1));
        }
        if (CRON.equals(kind) && !raw.path("schedule").isMissingNode()) {
            out.set("schedule", raw.path("schedule").isString()
                    ? NODES.stringNode(raw.path("schedule").asString().trim().replaceAll("\\s+", " "))
                    : raw.path("schedule"));
        }
        if (raw.path("namespace").isString() && !raw.path("namespace").asString().isBlank()) {
            out.put("namespace", raw.path("namespace").asString().trim());
        }
        ArrayNode containers = out.putArray("containers");
        if (raw.path("containers").isArray()) {
            int index = 0;
            for (JsonNode container : raw.path("containers")) {
                containers.add(container(service, index++, container));
            }
        } else if (raw.has("image")) {
            containers.add(container(service, 0, raw));
        }
        return out;
    }

    private static ObjectNode container(String service, int index, JsonNode raw) {
        ObjectNode out = NODES.objectNode();
        JsonNode name = raw.path("name");
        out.put("name", name.isString() ? name.asString() : index == 0 ? service : service + "-" + (index + 1));
        if (!raw.path("image").isMissingNode()) {
            out.set("image", raw.path("image").isString()
                    ? NODES.stringNode(raw.path("image").asString().trim()) : raw.path("image"));
        }
        for (String list : new String[] {"command", "args"}) {
            if (raw.path(list).isArray() && !raw.path(list).isEmpty()) {
                ArrayNode items = out.putArray(list);
                raw.path(list).forEach(item -> items.add(scalar(item)));
            }
        }
        ArrayNode ports = out.putArray("ports");
        raw.path("ports").forEach(port -> ports.add(port(port)));
        out.set("env", env(raw.path("env")));
        out.set("resources", resources(raw.path("resources")));
        return out;
    }

    private static JsonNode port(JsonNode raw) {
        if (!raw.isObject()) {
            return raw;
        }
        ObjectNode out = NODES.objectNode();
        JsonNode number = integer(raw.path("port"), 0);
        out.put("name", raw.path("name").isString() ? raw.path("name").asString() : "port-" + number.asString());
        out.set("port", number);
        out.put("protocol", raw.path("protocol").isString() ? raw.path("protocol").asString().toUpperCase() : "TCP");
        return out;
    }

    private static ObjectNode env(JsonNode raw) {
        Map<String, String> sorted = new TreeMap<>();
        if (raw.isObject()) {
            raw.properties().forEach(e -> sorted.put(e.getKey(), scalar(e.getValue())));
        } else if (raw.isArray()) {
            for (JsonNode entry : raw) {
                if (entry.path("name").isString()) {
                    sorted.put(entry.path("name").asString(), scalar(entry.path("value")));
                }
            }
        }
        ObjectNode out = NODES.objectNode();
        sorted.forEach(out::put);
        return out;
    }

    private static ObjectNode resources(JsonNode raw) {
        ObjectNode out = NODES.objectNode();
        for (String part : new String[] {"requests", "limits"}) {
            Map<String, String> sorted = new TreeMap<>();
            raw.path(part).properties().forEach(e -> sorted.put(e.getKey(), scalar(e.getValue())));
            if (!sorted.isEmpty()) {
                ObjectNode amounts = out.putObject(part);
                sorted.forEach(amounts::put);
            }
        }
        return out;
    }

    /** An integer from a number or a numeric string; the node as it is when it is neither. */
    private static JsonNode integer(JsonNode raw, int fallback) {
        if (raw.isMissingNode() || raw.isNull()) {
            return NODES.numberNode(fallback);
        }
        if (raw.isIntegralNumber() && raw.canConvertToInt()) {
            return NODES.numberNode(raw.asInt());
        }
        if (raw.isString() && raw.asString().trim().matches("-?[0-9]{1,9}")) {
            return NODES.numberNode(Integer.parseInt(raw.asString().trim()));
        }
        return raw;
    }

    /** A scalar as text: strings as they are, numbers and booleans as written, null as empty. */
    private static String scalar(JsonNode node) {
        if (node.isNull() || node.isMissingNode()) {
            return "";
        }
        return node.isValueNode() ? node.asString() : node.toString();
    }
}
