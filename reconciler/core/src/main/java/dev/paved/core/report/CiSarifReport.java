package dev.paved.core.report;

import dev.paved.core.ci.CiResult;
import dev.paved.core.finding.Finding;
import dev.paved.policy.output.SarifLog;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code paved ci}'s findings as SARIF 2.1.0, for code scanning: a rule per rule id (linked to Paved's docs when
 * their address is known), a result per finding that counts, at its file, line and column. Paths are relative to
 * the top of the Git repository, as code scanning expects.
 */
public final class CiSarifReport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CiSarifReport() {
    }

    /**
     * @param version the version of Paved, for the tool's driver
     * @param folder  the platform repo's folder within the Git repository, {@code ""} at its top
     * @param docs    where Paved's docs are, or null
     */
    public static String render(CiResult result, String version, String folder, RuleDocs docs) {
        SarifLog log = new SarifLog();
        String prefix = folder.isEmpty() || folder.endsWith("/") ? folder : folder + "/";
        for (Finding finding : result.findings()) {
            String help = docs == null ? null : docs.link(finding.ruleId()).orElse(null);
            log.rule(finding.ruleId(), null, help, JsonNodeFactory.instance.objectNode());
            String path = finding.path();
            String message = (path.isEmpty() ? "" : path + ": ") + finding.message()
                    + (finding.hint().isEmpty() ? "" : " (" + finding.hint() + ")");
            int line = finding.location().line();
            log.result(finding.ruleId(), finding.isError() ? "error" : "warning", message,
                    prefix + finding.location().file(), line > 0 ? line : -1, finding.location().column());
        }
        ObjectNode run = JsonNodeFactory.instance.objectNode();
        run.putObject("tool").putObject("driver").put("name", "paved").put("version", version)
                .set("rules", log.rules());
        run.set("results", log.results());
        return JSON.writeValueAsString(SarifLog.log(run)) + "\n";
    }
}
