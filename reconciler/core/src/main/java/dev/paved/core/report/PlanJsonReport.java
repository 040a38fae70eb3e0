package dev.paved.core.report;

import dev.paved.core.finding.Finding;
import dev.paved.core.plan.Action;
import dev.paved.core.plan.Change;
import dev.paved.core.plan.FieldChange;
import dev.paved.core.plan.Plan;
import dev.paved.provider.ResourceKey;
import dev.paved.provider.Secret;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The versioned JSON plan format, documented in docs/plan-format.md. Secrets masked. */
public final class PlanJsonReport {

    /** Bumped when a field changes meaning or goes away; adding a field does not bump it. */
    public static final int FORMAT_VERSION = 1;

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private PlanJsonReport() {
    }

    public static String render(Plan plan) {
        return JSON.writeValueAsString(toJson(plan)) + "\n";
    }

    public static ObjectNode toJson(Plan plan) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("revision", plan.revision());
        root.put("fingerprint", plan.fingerprint());
        ObjectNode summary = root.putObject("summary");
        for (Map.Entry<Action, Integer> count : plan.counts().entrySet()) {
            summary.put(count.getKey().label(), count.getValue());
        }
        summary.put("orphans", plan.orphans().size());
        ArrayNode changes = root.putArray("changes");
        for (Change change : plan.changes()) {
            ObjectNode node = changes.addObject();
            node.put("address", change.key().toString());
            node.set("key", key(change.key()));
            node.put("instance", change.instance());
            node.put("owner", change.owner());
            node.put("action", change.action().label());
            node.put("reason", change.reason());
            ArrayNode dependsOn = node.putArray("dependsOn");
            change.dependsOn().forEach(k -> dependsOn.add(k.toString()));
            node.set("before", change.before().isMissingNode() ? null : Masking.mask(change.before()));
            node.set("after", change.after().isMissingNode() ? null : Masking.mask(change.after()));
            ArrayNode fields = node.putArray("fields");
            for (FieldChange field : change.fields()) {
                boolean secret = Masking.isSecretPath(field.path());
                ObjectNode f = fields.addObject().put("path", field.path());
                f.set("before", field.before().isMissingNode() ? null
                        : secret ? JsonNodeFactory.instance.stringNode(Secret.MASK) : Masking.mask(field.before()));
                f.set("after", field.after().isMissingNode() ? null
                        : secret ? JsonNodeFactory.instance.stringNode(Secret.MASK) : Masking.mask(field.after()));
            }
        }
        ArrayNode orphans = root.putArray("orphans");
        plan.orphans().forEach(k -> orphans.add(k.toString()));
        ArrayNode findings = root.putArray("findings");
        for (Finding finding : plan.findings()) {
            findings.addObject().put("rule", finding.ruleId()).put("severity", finding.severity().label())
                    .put("location", finding.location().toString()).put("message", finding.message());
        }
        return root;
    }

    private static ObjectNode key(ResourceKey key) {
        return JsonNodeFactory.instance.objectNode().put("environment", key.environment()).put("type", key.type())
                .put("name", key.name());
    }
}
