package dev.paved.cli;

import dev.paved.policy.CheckResult;
import dev.paved.policy.ConftestEvaluator;
import dev.paved.policy.PolicyResult;
import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Conftest's stdout and json renderings of check results. */
final class ConftestReports {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ConftestReports() {
    }

    static String stdout(List<CheckResult> results) {
        StringBuilder out = new StringBuilder();
        int passed = 0;
        int warnings = 0;
        int failures = 0;
        int exceptions = 0;
        for (CheckResult result : results) {
            for (PolicyResult warning : result.warnings()) {
                out.append("WARN - ").append(result.file()).append(" - ").append(result.namespace()).append(" - ")
                        .append(warning.message()).append('\n');
            }
            for (PolicyResult failure : result.failures()) {
                out.append("FAIL - ").append(result.file()).append(" - ").append(result.namespace()).append(" - ")
                        .append(failure.message()).append('\n');
            }
            passed += result.successes();
            warnings += result.warnings().size();
            failures += result.failures().size();
            exceptions += result.exceptions().size();
        }
        int tests = passed + warnings + failures + exceptions;
        if (out.length() > 0) {
            out.append('\n');
        }
        return out.append(tests).append(tests == 1 ? " test, " : " tests, ").append(passed).append(" passed, ")
                .append(warnings).append(warnings == 1 ? " warning, " : " warnings, ").append(failures)
                .append(failures == 1 ? " failure, " : " failures, ").append(exceptions)
                .append(exceptions == 1 ? " exception\n" : " exceptions\n").toString();
    }

    static String json(List<CheckResult> results) {
        ArrayNode root = JSON.createArrayNode();
        for (CheckResult result : results) {
            ObjectNode node = root.addObject();
            node.put("filename", result.file());
            node.put("namespace", result.namespace());
            node.put("successes", result.successes());
            add(node.putArray("failures"), result.failures());
            add(node.putArray("warnings"), result.warnings());
            ArrayNode exceptions = node.putArray("exceptions");
            // Conftest reports an exception by the query that found it
            result.exceptions().forEach(rule -> exceptions.addObject().put("msg", "data." + result.namespace()
                    + ".exception[_][_] == \"" + ConftestEvaluator.exceptionName(rule) + "\""));
        }
        return JSON.writeValueAsString(root) + "\n";
    }

    private static void add(ArrayNode array, List<PolicyResult> results) {
        for (PolicyResult result : results) {
            ObjectNode node = array.addObject().put("msg", result.message());
            if (!result.metadata().isEmpty()) {
                node.set("metadata", result.metadata());
            }
        }
    }
}
