package dev.paved.cli.dev;

import dev.paved.cli.dev.ServicePlan.Dependency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes one synthetic service as a YAML document: metadata, template, workload, dependencies, SLOs and
 * per-environment deployments with the overrides real services carry (replicas, resources, env, images).
 */
final class ServiceYaml {

    private static final List<String> AVAILABILITY = List.of("99.5", "99.9", "99.95");
    private static final List<String> LATENCY = List.of("200ms", "300ms", "500ms");

    private final ServicePlan service;
    private final Random random;
    private final WorkloadYaml workload;

    private ServiceYaml(ServicePlan service) {
        this.service = service;
        this.random = new Random(service.style());
        this.workload = new WorkloadYaml(service, random);
    }

    static String render(ServicePlan service) {
        return new ServiceYaml(service).document();
    }

    private String document() {
        YamlLines yaml = new YamlLines();
        yaml.field(0, "apiVersion", "paved.dev/v1alpha1").field(0, "kind", "Service");
        metadata(yaml);
        yaml.open(0, "spec");
        yaml.field(1, "owner", service.team().name())
                .field(1, "lifecycle", service.lifecycle())
                .field(1, "criticality", service.criticality());
        yaml.open(1, "template").field(2, "name", service.shape().template()).field(2, "version", templateVersion());
        String version = (1 + random.nextInt(9)) + "." + random.nextInt(30) + "." + random.nextInt(15);
        workload.write(yaml, version);
        dependencies(yaml);
        slos(yaml);
        deployments(yaml, version);
        return yaml.text();
    }

    /**
     * A version of the service's golden-path template that the built-in library approves (rego/data.yaml), as
     * in a platform that keeps its services upgraded — except about one service in fifty, still on an old one.
     */
    private String templateVersion() {
        boolean outdated = random.nextInt(50) == 0;
        return switch (service.shape()) {
            case API -> outdated ? "2." + random.nextInt(10) + ".0" : "3." + (2 + random.nextInt(8)) + "." + random.nextInt(6);
            case WORKER -> outdated ? "1." + random.nextInt(10) + ".0" : "2." + random.nextInt(10) + "." + random.nextInt(6);
            case CRON -> outdated ? "1.3.0" : "1.3." + (1 + random.nextInt(2));
        };
    }

    private void metadata(YamlLines yaml) {
        String noun = service.noun().replace('-', ' ');
        String what = switch (service.shape()) {
            case API -> "Serves " + noun + " data to the rest of the platform over HTTP.";
            case WORKER -> "Takes " + noun + " work from its queue and keeps downstream systems in sync.";
            case CRON -> "Runs on a schedule to reconcile and export " + noun + " records.";
        };
        String who = "Owned by " + Words.title(service.team().name()) + "; the on-call contact is in teams/"
                + service.team().name() + ".yaml.";
        yaml.open(0, "metadata").field(1, "name", service.name()).field(1, "title", Words.title(service.name()));
        if (service.isDeprecated()) {
            yaml.folded(1, "description", List.of(what, "Deprecated: do not add new dependencies on it.", who));
        } else if (random.nextBoolean()) {
            yaml.folded(1, "description", List.of(what, who));
        } else {
            yaml.field(1, "description", what);
        }
        yaml.open(1, "labels").field(2, "domain", service.team().domain())
                .field(2, "acme.example/cost-center", "cc-" + service.team().costCenter());
        yaml.open(1, "annotations")
                .field(2, "acme.example/runbook", "https://handbook.acme.example/runbooks/" + service.name())
                .field(2, "acme.example/dashboard", "https://grafana.acme.example/d/" + service.name());
        if (service.isDeprecated()) {
            yaml.quoted(2, "acme.example/sunset", "2027-0" + (1 + random.nextInt(9)) + "-30");
        }
    }

    private void dependencies(YamlLines yaml) {
        if (service.dependencies().isEmpty()) {
            return;
        }
        yaml.open(1, "dependencies");
        for (Dependency dependency : service.dependencies()) {
            yaml.line(2, "- name: " + dependency.name());
            String field = switch (dependency.target()) {
                case TYPE -> "type";
                case SERVICE -> "service";
                case RESOURCE -> "resource";
            };
            yaml.field(3, field, dependency.value());
            if (dependency.target() == ServicePlan.Target.TYPE && random.nextInt(3) > 0) {
                yaml.open(3, "params").field(4, "size", random.nextBoolean() ? "small" : "medium");
                if (dependency.type().equals("redis") && dependency.name().equals("queue")) {
                    yaml.comment(4, "Jobs must not be evicted under memory pressure.");
                    yaml.field(4, "evictionPolicy", "noeviction");
                }
            }
        }
    }

    private void slos(YamlLines yaml) {
        boolean tier2Api = service.shape() == Shape.API && "tier-2".equals(service.criticality());
        if (!service.isTier1() && !(tier2Api && random.nextBoolean())) {
            return;
        }
        yaml.open(1, "slos");
        yaml.line(2, "- name: availability").field(3, "indicator", "availability");
        yaml.line(3, "objective: " + (service.isTier1() ? Words.pick(random, AVAILABILITY) : "99.5"))
                .field(3, "window", "30d");
        if (service.isTier1() && service.shape() == Shape.API) {
            yaml.line(2, "- name: " + service.noun() + "-latency").field(3, "indicator", "latency")
                    .number(3, "objective", 99).field(3, "threshold", Words.pick(random, LATENCY))
                    .field(3, "window", "30d");
        } else if (service.isTier1()) {
            yaml.line(2, "- name: freshness").field(3, "indicator", "freshness")
                    .number(3, "objective", 99).field(3, "threshold", (5 + random.nextInt(55)) + "s")
                    .field(3, "window", "7d");
        }
    }

    private void deployments(YamlLines yaml, String version) {
        yaml.open(1, "deployments");
        for (String environment : service.environments()) {
            YamlLines body = new YamlLines();
            override(body, environment, version);
            String text = body.text();
            if (text.isEmpty()) {
                yaml.line(2, environment + ": {}");
            } else {
                yaml.open(2, environment);
                text.lines().forEach(line -> yaml.line(3, line));
            }
        }
    }

    /** The overrides of one environment, at indent 0; empty when the environment's defaults are enough. */
    private void override(YamlLines body, String environment, String version) {
        int roll = random.nextInt(10);
        String container = service.shape().container();
        Map<String, String> env = new LinkedHashMap<>();
        switch (environment) {
            case "dev" -> {
                if (roll < 3) {
                    body.comment(0, "dev runs the next release candidate ahead of staging.");
                    body.open(0, "images").field(1, container, workload.image(nextMinor(version) + "-rc." + (1 + roll)));
                } else if (roll < 5) {
                    env.put("FEATURE_" + Words.envKey(service.noun()) + "_V2", "true");
                }
            }
            case "staging" -> {
                if (roll < 3) {
                    body.number(0, "replicas", service.isDeprecated() ? 1 : 2);
                }
            }
            case "prod" -> prodOverride(body, roll, env);
            default -> {
                if (roll < 2) {
                    body.number(0, "replicas", 1);
                }
            }
        }
        WorkloadYaml.writeEnv(body, 0, env);
    }

    private void prodOverride(YamlLines body, int roll, Map<String, String> env) {
        if (service.shape() != Shape.CRON) {
            int replicas = switch (service.criticality()) {
                case "tier-1" -> 4 + random.nextInt(9);
                case "tier-2" -> 2 + random.nextInt(5);
                default -> 1 + random.nextInt(3);
            };
            body.number(0, "replicas", replicas);
        }
        if (service.isTier1() || roll < 2) {
            workload.resources(body, 0);
        }
        if (roll >= 6) {
            env.put("FEATURE_" + Words.envKey(service.noun()) + "_V2", "false");
        }
    }

    private static String nextMinor(String version) {
        String[] parts = version.split("\\.");
        return parts[0] + "." + (Integer.parseInt(parts[1]) + 1) + ".0";
    }
}
