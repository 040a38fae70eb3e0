package dev.paved.policy.output;

import dev.paved.policy.CheckResult;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
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
        ObjectNode report = NODES.objectNode().put("version", "2.1.0").put("$schema",
                "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/main/sarif-2.1/schema/sarif-schema-2.1.0.json");
        ObjectNode run = report.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver")
                .put("informationUri", "https://github.com/open-policy-agent/conftest").put("name", "conftest");
        ArrayNode rules = NODES.arrayNode();
        driver.set("rules", NODES.nullNode());
        driver.put("version", JunitRenderer.CONFTEST_VERSION);
        boolean failures = results.stream().anyMatch(r -> !r.failures().isEmpty());
        boolean warnings = results.stream().anyMatch(r -> !r.warnings().isEmpty());
        run.putArray("invocations").addObject().put("executionSuccessful", true).put("exitCode", failures ? 1 : 0)
                .put("exitCodeDescription", failures ? "Policy violations found"
                        : warnings ? "Policy warnings found" : "No policy violations found");
        ArrayNode out = run.putArray("results");
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (CheckResult check : results) {
            String ns = check.namespace();
            ConftestResult.failures(check).forEach(r -> add(ns + "/deny", "error", r, check, rules, ruleIndex, out));
            ConftestResult.warnings(check).forEach(r -> add(ns + "/warn", "warning", r, check, rules, ruleIndex, out));
            List<ConftestResult> exceptions = ConftestResult.exceptions(check);
            exceptions.forEach(r -> add(ns + "/allow", "note", r, check, rules, ruleIndex, out));
            if (!check.failures().isEmpty() || !check.warnings().isEmpty()) {
                continue;
            }
            boolean passed = check.successes() > 0 || !exceptions.isEmpty();
            String description = passed ? SUCCESS : SKIPPED;
            ObjectNode metadata = NODES.objectNode().put("description", description);
            add(ns + (passed ? "/success" : "/skip"), "none", new ConftestResult(description, Optional.empty(), metadata),
                    check, rules, ruleIndex, out);
        }
        if (!rules.isEmpty()) {
            driver.set("rules", rules);
        }
        return GoJson.compact(report);
    }

    private static void add(String ruleId, String level, ConftestResult result, CheckResult check, ArrayNode rules,
                            Map<String, Integer> ruleIndex, ArrayNode out) {
        int index = ruleIndex.computeIfAbsent(ruleId, id -> {
            String description = description(id);
            ObjectNode rule = rules.addObject().put("id", id);
            rule.putObject("shortDescription").put("text", description);
            if (!result.metadata().isEmpty()) {
                rule.set("properties", result.metadata());
            }
            return rules.size() - 1;
        });
        ObjectNode physical = NODES.objectNode();
        String file = result.location().map(ConftestResult.Location::file).orElse(check.file());
        physical.putObject("artifactLocation").put("uri", escapePath(file.replace('\\', '/')));
        result.location().ifPresent(location -> {
            int line = lineNumber(location.line());
            physical.putObject("region").put("startLine", line).put("endLine", line);
        });
        ObjectNode entry = out.addObject().put("ruleId", ruleId).put("ruleIndex", index).put("level", level);
        entry.putObject("message").put("text", result.message());
        entry.putArray("locations").addObject().set("physicalLocation", physical);
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

    /** As Go's {@code url.URL{Path: p}.EscapedPath()}. */
    static String escapePath(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-_.~$&+,/:;=@".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
