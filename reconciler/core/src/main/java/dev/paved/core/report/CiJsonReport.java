package dev.paved.core.report;

import dev.paved.core.ci.CiResult;
import dev.paved.core.source.ChangedFiles;
import java.util.Locale;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The machine rendering of {@code paved ci}: what was compared, the verdict, the findings that count (as
 * {@link ValidationJsonReport} writes them), how many are elsewhere, and the plan in the plan format
 * ({@link PlanJsonReport}). Documented in docs/pull-requests.md.
 */
public final class CiJsonReport {

    /** Bumped when a field changes meaning or goes away; adding a field does not bump it. */
    public static final int FORMAT_VERSION = 1;

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private CiJsonReport() {
    }

    public static String render(CiResult result) {
        ChangedFiles changes = result.changes();
        ObjectNode root = JSON.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("verdict", result.verdict().name().toLowerCase(Locale.ROOT));
        root.put("headline", CiHeadline.of(result));
        root.putObject("base").put("revision", changes.base()).put("commit", changes.baseCommit());
        root.putObject("head").put("revision", changes.head()).put("commit", changes.headCommit());
        root.put("mergeBase", changes.mergeBase());
        ArrayNode changed = root.putArray("changedFiles");
        changes.paths().forEach(changed::add);
        root.put("all", result.all());
        ObjectNode summary = root.putObject("summary");
        summary.put("errors", result.errors());
        summary.put("warnings", result.warnings());
        summary.put("errorsInUnchangedFiles", result.outOfScopeErrors());
        summary.put("warningsInUnchangedFiles", result.outOfScopeWarnings());
        ArrayNode findings = root.putArray("findings");
        result.findings().forEach(finding -> findings.add(ValidationJsonReport.toJson(finding)));
        root.set("plan", result.planned() ? PlanJsonReport.toJson(result.plan()) : null);
        root.put("notPlanned", result.notPlanned());
        return JSON.writeValueAsString(root) + "\n";
    }
}
