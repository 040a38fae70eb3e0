package dev.paved.cli.dev;

import java.util.List;

/** Writes the Team, Environment and shared Resource documents of a synthetic repo. */
final class PlatformYaml {

    private static final String API_VERSION = "paved.dev/v1alpha1";
    private static final List<String> RESOURCE_TYPES = List.of("workload", "postgres", "redis", "kafka-cluster",
            "object-bucket");

    private PlatformYaml() {
    }

    static String team(TeamPlan team) {
        YamlLines yaml = header("Team");
        String title = Words.title(team.name());
        yaml.open(0, "metadata").field(1, "name", team.name()).field(1, "title", title);
        yaml.field(1, "description", team.isGroup()
                ? "The " + title + " group: the umbrella for its teams. It owns no services itself."
                : "Builds and runs the " + team.domain() + " services of the " + team.parent() + " group.");
        yaml.open(1, "labels").field(2, "domain", team.domain())
                .field(2, "acme.example/cost-center", "cc-" + team.costCenter());
        yaml.open(0, "spec").field(1, "displayName", title);
        if (!team.isGroup()) {
            yaml.field(1, "parent", team.parent());
        }
        yaml.open(1, "contacts").field(2, "email", team.name() + "@acme.example")
                .quoted(2, "chat", "#" + team.name());
        if (team.isGroup()) {
            yaml.comment(2, "A group, not an on-call rotation: no pager.");
        } else {
            yaml.field(2, "pager", "pagerduty:" + Words.envKey(team.name()));
        }
        return yaml.text();
    }

    static String environment(String name) {
        YamlLines yaml = header("Environment");
        String tier = switch (name) {
            case "dev" -> "development";
            case "prod" -> "production";
            case "preview" -> "ephemeral";
            default -> name;
        };
        yaml.open(0, "metadata").field(1, "name", name).field(1, "title", Words.title(name))
                .field(1, "description", "The " + tier + " environment of the synthetic platform.");
        yaml.open(1, "labels").field(2, "tier", tier);
        yaml.open(0, "spec").field(1, "tier", tier);
        yaml.open(1, "placement").field(2, "region", "eu-central-1")
                .field(2, "cluster", (name.equals("preview") ? "dev" : name) + "-euc1");
        switch (name) {
            case "staging" -> yaml.open(1, "promotion").field(2, "from", "dev")
                    .comment(2, "Promotion from dev is automatic once the dev rollout is healthy.")
                    .line(2, "requireApproval: false");
            case "prod" -> {
                yaml.open(1, "promotion").field(2, "from", "staging").line(2, "requireApproval: true");
                yaml.open(1, "changeWindows");
                yaml.line(2, "- type: allow").flow(3, "days", List.of("mon", "tue", "wed", "thu", "fri"))
                        .quoted(3, "start", "08:00").quoted(3, "end", "18:00").field(3, "timezone", "Europe/Berlin");
                yaml.line(2, "- type: deny").flow(3, "days", List.of("sat", "sun"))
                        .quoted(3, "start", "00:00").quoted(3, "end", "24:00").field(3, "timezone", "Europe/Berlin");
            }
            case "preview" -> yaml.field(1, "expiresAfter", "72h");
            default -> yaml.comment(1, "No promotion source: dev is where releases enter the pipeline.");
        }
        int replicas = switch (name) {
            case "prod" -> 3;
            case "staging" -> 2;
            default -> 1;
        };
        yaml.open(1, "defaults").number(2, "replicas", replicas);
        yaml.open(2, "resources");
        yaml.open(3, "requests").field(4, "cpu", "100m").field(4, "memory", "256Mi");
        yaml.open(3, "limits").field(4, "cpu", "1").field(4, "memory", "1Gi");
        yaml.open(2, "env").quoted(3, "LOG_LEVEL", name.equals("prod") ? "warn" : "info")
                .quoted(3, "ACME_ENVIRONMENT", name);
        yaml.open(1, "provisioners");
        for (String type : RESOURCE_TYPES) {
            yaml.line(2, "- type: " + type).field(3, "provider", type.replace("object-bucket", "s3") + "-" + name);
        }
        return yaml.text();
    }

    static String resource(SharedResourcePlan resource) {
        YamlLines yaml = header("Resource");
        yaml.open(0, "metadata").field(1, "name", resource.name()).field(1, "title", Words.title(resource.name()))
                .field(1, "description", "A " + resource.type() + " shared by the services of several teams.");
        yaml.open(1, "labels").field(2, "domain", resource.owner().domain());
        yaml.open(0, "spec").field(1, "type", resource.type()).field(1, "owner", resource.owner().name())
                .flow(1, "environments", resource.environments());
        yaml.open(1, "params");
        switch (resource.type()) {
            case "kafka-cluster" -> yaml.number(2, "brokers", 3).number(2, "partitions", 12 * resource.size())
                    .field(2, "retention", "7d");
            case "redis" -> yaml.field(2, "maxMemory", resource.size() + "Gi").field(2, "evictionPolicy", "volatile-ttl");
            default -> yaml.line(2, "versioning: true").line(2, "publicRead: false");
        }
        return yaml.text();
    }

    private static YamlLines header(String kind) {
        return new YamlLines().field(0, "apiVersion", API_VERSION).field(0, "kind", kind);
    }
}
