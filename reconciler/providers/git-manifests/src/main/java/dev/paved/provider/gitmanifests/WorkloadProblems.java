package dev.paved.provider.gitmanifests;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What keeps a normalised workload from being rendered into valid Kubernetes objects, as readable messages.
 * The platform contract's schema catches most of these first; this is the provider's own guard, because a
 * provider may be called with properties that never passed the schema (tests, other engines).
 */
final class WorkloadProblems {

    static final Pattern DNS_LABEL = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern CRON = Pattern.compile("(\\S+\\s+){4}\\S+");
    private static final Pattern CONFIG_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    private static final Set<String> KINDS = Set.of(WorkloadSpec.SERVER, WorkloadSpec.WORKER, WorkloadSpec.CRON);
    private static final Set<String> PROTOCOLS = Set.of("TCP", "UDP", "SCTP", "HTTP", "GRPC");

    private WorkloadProblems() {
    }

    static List<String> of(JsonNode workload) {
        List<String> problems = new ArrayList<>();
        String kind = workload.path("kind").asString("");
        if (!KINDS.contains(kind)) {
            problems.add("kind '" + kind + "' is not one of server, worker, cron");
        }
        if (workload.has("replicas") && !(workload.path("replicas").isInt()
                && workload.path("replicas").asInt() >= 0 && workload.path("replicas").asInt() <= 1000)) {
            problems.add("replicas must be an integer from 0 to 1000, not " + workload.path("replicas"));
        }
        if (WorkloadSpec.CRON.equals(kind) && !CRON.matcher(workload.path("schedule").asString("")).matches()) {
            problems.add("a cron workload needs a five-field schedule");
        }
        if (workload.has("namespace") && !DNS_LABEL.matcher(workload.path("namespace").asString("")).matches()) {
            problems.add("namespace '" + workload.path("namespace").asString("") + "' is not a DNS label");
        }
        if (workload.path("containers").isEmpty()) {
            problems.add("a workload needs at least one container with an image");
        }
        Set<String> containerNames = new HashSet<>();
        Set<String> portNames = new HashSet<>();
        for (JsonNode container : workload.path("containers")) {
            String name = container.path("name").asString("");
            String at = "container '" + name + "'";
            if (!DNS_LABEL.matcher(name).matches()) {
                problems.add(at + ": the name must be a DNS label");
            }
            if (!containerNames.add(name)) {
                problems.add(at + ": the name is used twice");
            }
            if (!container.path("image").isString() || container.path("image").asString().isBlank()) {
                problems.add(at + ": no image");
            }
            for (JsonNode port : container.path("ports")) {
                problems.addAll(portProblems(at, port, portNames));
            }
            for (String variable : container.path("env").propertyNames()) {
                if (!CONFIG_KEY.matcher(variable).matches()) {
                    problems.add(at + ": env name '" + variable + "' is not a valid ConfigMap key");
                }
            }
        }
        return problems;
    }

    private static List<String> portProblems(String at, JsonNode port, Set<String> portNames) {
        List<String> problems = new ArrayList<>();
        int number = port.path("port").isInt() ? port.path("port").asInt() : 0;
        if (number < 1 || number > 65535) {
            problems.add(at + ": port " + port.path("port") + " is not from 1 to 65535");
        }
        String name = port.path("name").asString("");
        if (name.length() > 15 || !DNS_LABEL.matcher(name).matches()) {
            problems.add(at + ": port name '" + name + "' must be a DNS label of at most 15 characters");
        }
        if (!portNames.add(name)) {
            problems.add(at + ": port name '" + name + "' is used twice in the workload");
        }
        if (!PROTOCOLS.contains(port.path("protocol").asString(""))) {
            problems.add(at + ": protocol '" + port.path("protocol").asString("")
                    + "' is not one of TCP, UDP, SCTP, HTTP, GRPC");
        }
        return problems;
    }
}
