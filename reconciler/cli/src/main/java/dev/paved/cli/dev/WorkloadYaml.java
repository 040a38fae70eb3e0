package dev.paved.cli.dev;

import dev.paved.cli.dev.ServicePlan.Dependency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Writes {@code spec.workload} of a synthetic service: its containers, ports, environment and resources. */
final class WorkloadYaml {

    private static final List<String> CPU_REQUESTS = List.of("100m", "250m", "500m");
    private static final List<String> MEMORY_REQUESTS = List.of("256Mi", "512Mi", "1Gi");
    private static final List<String> CPU_LIMITS = List.of("500m", "1", "2");
    private static final List<String> MEMORY_LIMITS = List.of("512Mi", "1Gi", "2Gi", "4Gi");

    private final ServicePlan service;
    private final Random random;

    WorkloadYaml(ServicePlan service, Random random) {
        this.service = service;
        this.random = random;
    }

    /** The image of the main container at a version, e.g. {@code registry.acme.example/payments/ledger-api:4.2.1}. */
    String image(String version) {
        return "registry.acme.example/" + service.team().name() + "/" + service.name() + ":" + version;
    }

    void write(YamlLines yaml, String version) {
        Shape shape = service.shape();
        yaml.open(1, "workload").field(2, "kind", shape.workloadKind());
        if (shape == Shape.CRON) {
            boolean frequent = random.nextInt(4) == 0;
            yaml.quoted(2, "schedule", frequent ? "*/15 * * * *"
                    : random.nextInt(60) + " " + random.nextInt(24) + " * * *");
        }
        yaml.open(2, "containers");
        yaml.line(3, "- name: " + shape.container());
        yaml.field(4, "image", image(version));
        if (shape == Shape.CRON) {
            yaml.flow(4, "command", List.of("/app/bin/run"));
            yaml.flow(4, "args", List.of("--task", service.noun(), "--batch-size", "500"));
        }
        if (shape == Shape.API) {
            ports(yaml);
        }
        writeEnv(yaml, 4, env());
        resources(yaml, 4);
        if (shape == Shape.API && random.nextInt(8) == 0) {
            yaml.line(3, "- name: edge-proxy");
            yaml.field(4, "image", "registry.acme.example/platform/edge-proxy:1." + random.nextInt(12) + ".0");
            yaml.open(4, "ports");
            yaml.line(5, "- name: admin").number(6, "port", 9901).field(6, "protocol", "HTTP");
        }
    }

    private void ports(YamlLines yaml) {
        yaml.open(4, "ports");
        yaml.line(5, "- name: http").number(6, "port", 8080).field(6, "protocol", "HTTP");
        if (random.nextInt(3) == 0) {
            yaml.line(5, "- name: grpc").number(6, "port", 9090).field(6, "protocol", "GRPC");
        }
    }

    private Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        if (service.shape() == Shape.API) {
            env.put("PORT", "8080");
        }
        env.put("LOG_FORMAT", "json");
        for (Dependency dependency : service.dependencies()) {
            String key = Words.envKey(dependency.name());
            String host = "${dependencies." + dependency.name() + ".host}";
            String port = "${dependencies." + dependency.name() + ".port}";
            switch (dependency.type()) {
                case "" -> env.putIfAbsent(key + "_URL", "http://" + host + ":" + port);
                case "postgres" -> {
                    env.putIfAbsent(key + "_HOST", host);
                    env.putIfAbsent(key + "_PORT", port);
                }
                case "object-bucket" -> env.putIfAbsent(key + "_BUCKET", host);
                case "kafka-cluster" -> env.putIfAbsent(key + "_BOOTSTRAP_SERVERS", host + ":" + port);
                default -> env.putIfAbsent(key + "_ADDR", host + ":" + port);
            }
        }
        if (service.shape() == Shape.WORKER) {
            env.put("BATCH_SIZE", String.valueOf(100 * (1 + random.nextInt(10))));
        }
        if (random.nextInt(3) == 0) {
            env.put("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75");
        }
        return env;
    }

    static void writeEnv(YamlLines yaml, int indent, Map<String, String> env) {
        if (env.isEmpty()) {
            return;
        }
        yaml.open(indent, "env");
        env.forEach((key, value) -> yaml.quoted(indent + 1, key, value));
    }

    /** A {@code resources} block: requests and limits of one size, small to large. */
    void resources(YamlLines yaml, int indent) {
        int step = random.nextInt(CPU_REQUESTS.size());
        yaml.open(indent, "resources");
        yaml.open(indent + 1, "requests")
                .field(indent + 2, "cpu", CPU_REQUESTS.get(step))
                .field(indent + 2, "memory", MEMORY_REQUESTS.get(step));
        yaml.open(indent + 1, "limits")
                .field(indent + 2, "cpu", CPU_LIMITS.get(step))
                .field(indent + 2, "memory", MEMORY_LIMITS.get(step + random.nextInt(2)));
    }
}
