package dev.paved.core.report;

import dev.paved.core.finding.Finding;
import dev.paved.core.parse.Kind;
import dev.paved.core.pipeline.ValidationResult;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The machine rendering of a validation result; its shape is documented in docs/cli.md. */
public final class ValidationJsonReport {

    /** Bumped when a field changes meaning or goes away; adding a field does not bump it. */
    public static final int FORMAT_VERSION = 1;

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ValidationJsonReport() {
    }

    public static String render(ValidationResult result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("revision", result.revision());
        root.put("valid", result.valid());
        ObjectNode summary = root.putObject("summary");
        summary.put("files", result.files());
        summary.put("declarations", result.catalog().size());
        summary.put("errors", result.errors());
        summary.put("warnings", result.warnings());
        ObjectNode kinds = summary.putObject("kinds");
        for (Kind kind : Kind.values()) {
            kinds.put(kind.yamlName(), result.catalog().count(kind));
        }
        ArrayNode findings = root.putArray("findings");
        result.findings().forEach(finding -> findings.add(toJson(finding)));
        return JSON.writeValueAsString(root) + "\n";
    }

    /** One finding: where, which rule, how bad, what; and how to fix it when the rule says ({@code hint}). */
    public static ObjectNode toJson(Finding finding) {
        ObjectNode node = JSON.createObjectNode();
        node.put("file", finding.location().file());
        node.put("document", finding.location().document());
        node.put("line", finding.location().line());
        node.put("column", finding.location().column());
        node.put("pointer", finding.pointer());
        node.put("path", finding.path());
        node.put("rule", finding.ruleId());
        node.put("severity", finding.severity().label());
        node.put("message", finding.message());
        if (!finding.hint().isEmpty()) {
            node.put("hint", finding.hint());
        }
        return node;
    }
}
