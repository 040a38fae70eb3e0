package dev.paved.policy.output;

import dev.paved.policy.CheckResult;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Conftest's {@code sarif} format (SARIF 2.1.0, one line, no final newline): a rule per namespace and kind
 * ({@code main/deny}, {@code main/warn}, {@code main/allow} for exceptions, {@code main/success}, {@code main/skip})
 * carrying the metadata of its first result, a result per failure, warning and exception, and one success or skip
 * result per file and namespace that has neither failures nor warnings. The driver is named {@code conftest} as in
 * Conftest, so code scanning keeps its alerts; its version is the Conftest release Paved reproduces.
 */
final class SarifRenderer implements Renderer {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String SUCCESS = "Policy was satisfied successfully";
    private static final String SKIPPED = "Policy check was skipped";

    @Override
    public String render(List<CheckResult> results, RenderOptions options) {
        ObjectNode run = NODES.objectNode();
        ObjectNode driver = run.putObject("tool").putObject("driver")
                .put("informationUri", "https://github.com/open-policy-agent/conftest").put("name", "conftest");
        driver.set("rules", NODES.nullNode());
        driver.put("version", JunitRenderer.CONFTEST_VERSION);
        boolean failures = results.stream().anyMatch(r -> !r.failures().isEmpty());
        boolean warnings = results.stream().anyMatch(r -> !r.warnings().isEmpty());
        run.putArray("invocations").addObject().put("executionSuccessful", true).put("exitCode", failures ? 1 : 0)
                .put("exitCodeDescription", failures ? "Policy violations found"
                        : warnings ? "Policy warnings found" : "No policy violations found");
        SarifLog log = new SarifLog();
        for (CheckResult check : results) {
            String ns = check.namespace();
            ConftestResult.failures(check).forEach(r -> add(ns + "/deny", "error", r, check, log));
            ConftestResult.warnings(check).forEach(r -> add(ns + "/warn", "warning", r, check, log));
            List<ConftestResult> exceptions = ConftestResult.exceptions(check);
            exceptions.forEach(r -> add(ns + "/allow", "note", r, check, log));
            if (!check.failures().isEmpty() || !check.warnings().isEmpty()) {
                continue;
            }
            boolean passed = check.successes() > 0 || !exceptions.isEmpty();
            String description = passed ? SUCCESS : SKIPPED;
            ObjectNode metadata = NODES.objectNode().put("description", description);
            add(ns + (passed ? "/success" : "/skip"), "none", new ConftestResult(description, Optional.empty(), metadata),
                    check, log);
        }
        if (!log.rules().isEmpty()) {
            driver.set("rules", log.rules());
        }
        run.set("results", log.results());
        return GoJson.compact(SarifLog.log(run));
    }

    private static void add(String ruleId, String level, ConftestResult result, CheckResult check, SarifLog log) {
        log.rule(ruleId, description(ruleId), null, result.metadata());
        String file = result.location().map(ConftestResult.Location::file).orElse(check.file());
        int line = result.location().map(location -> lineNumber(location.line())).orElse(-1);
        log.result(ruleId, level, result.message(), file.replace('\\', '/'), line, 0);
    }

    private static String description(String ruleId) {
        String kind = ruleId.substring(ruleId.lastIndexOf('/') + 1);
        return switch (kind) {
            case "success" -> SUCCESS;
            case "skip" -> SKIPPED;
            case "allow" -> "Policy exception";
            case "warn" -> "Policy warning";
            default -> "Policy violation";
        };
    }

    /** As Go's {@code strconv.Atoi}: 0 unless the whole text is a decimal integer. */
    private static int lineNumber(String line) {
        try {
            return Integer.parseInt(line);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
