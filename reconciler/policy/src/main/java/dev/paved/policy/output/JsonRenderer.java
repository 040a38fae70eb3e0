package dev.paved.policy.output;

import dev.paved.policy.CheckResult;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Conftest's {@code json} format: an array of {filename, namespace, successes, warnings, failures, exceptions},
 * empty lists left out, each result {msg, loc, metadata} with the {@code query} that produced it; tab-indented.
 */
final class JsonRenderer implements Renderer {

    @Override
    public String render(List<CheckResult> results, RenderOptions options) {
        ArrayNode root = JsonNodeFactory.instance.arrayNode();
        for (CheckResult check : results) {
            ObjectNode node = root.addObject();
            node.put("filename", check.file().equals("-") ? "" : check.file());
            node.put("namespace", check.namespace());
            node.put("successes", check.successes());
            add(node, "warnings", ConftestResult.warnings(check));
            add(node, "failures", ConftestResult.failures(check));
            add(node, "exceptions", ConftestResult.exceptions(check));
        }
        return GoJson.indented(root, "\t") + "\n";
    }

    private static void add(ObjectNode node, String field, List<ConftestResult> results) {
        if (results.isEmpty()) {
            return;
        }
        ArrayNode array = node.putArray(field);
        for (ConftestResult result : results) {
            ObjectNode entry = array.addObject().put("msg", result.message());
            result.location().ifPresent(location -> {
                ObjectNode loc = entry.putObject("loc");
                if (!location.file().isEmpty()) {
                    loc.put("file", location.file());
                }
                if (!location.line().isEmpty()) {
                    loc.set("line", JsonNodeFactory.instance.numberNode(new java.math.BigDecimal(location.line())));
                }
            });
            if (!result.metadata().isEmpty()) {
                entry.set("metadata", result.metadata());
            }
        }
    }
}
