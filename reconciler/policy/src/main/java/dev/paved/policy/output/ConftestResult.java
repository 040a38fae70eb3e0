package dev.paved.policy.output;

import dev.paved.policy.CheckResult;
import dev.paved.policy.ConftestEvaluator;
import dev.paved.policy.PolicyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One result as Conftest's outputs see it: the message, the location a policy gave in {@code _loc}, and the
 * metadata Conftest reports — every other field of the result plus the {@code query} that produced it. An exception
 * is reported by the query that found it, without metadata.
 *
 * @param message  the {@code msg}, or for an exception the query
 * @param location from {@code _loc}, if it names a file or a line
 * @param metadata keys in Go's map order; empty for an exception
 */
record ConftestResult(String message, Optional<Location> location, ObjectNode metadata) {

    /**
     * Where a policy says a result comes from ({@code _loc: {file, line}}).
     *
     * @param file empty when not given
     * @param line the number as written, empty when not given or not a number
     */
    record Location(String file, String line) {

        /** As Go prints Conftest's {@code Location}: {@code file Lline}. */
        @Override
        public String toString() {
            return file + " L" + line;
        }
    }

    /** {@code - FILE - NAMESPACE - }, the prefix of a result's line in the stdout and tap formats. */
    static String where(CheckResult check) {
        return (check.file().equals("-") ? "-" : "- " + check.file()) + " "
                + (check.namespace().equals("-") ? "-" : "- " + check.namespace() + " -") + " ";
    }

    static List<ConftestResult> failures(CheckResult check) {
        return of(check, check.failures());
    }

    static List<ConftestResult> warnings(CheckResult check) {
        return of(check, check.warnings());
    }

    static List<ConftestResult> exceptions(CheckResult check) {
        List<ConftestResult> exceptions = new ArrayList<>();
        for (String rule : check.exceptions()) {
            String query = "data." + check.namespace() + ".exception[_][_] == \"" + ConftestEvaluator.exceptionName(rule) + "\"";
            exceptions.add(new ConftestResult(query, Optional.empty(), JsonNodeFactory.instance.objectNode()));
        }
        return exceptions;
    }

    private static List<ConftestResult> of(CheckResult check, List<PolicyResult> results) {
        List<ConftestResult> converted = new ArrayList<>();
        for (PolicyResult result : results) {
            ObjectNode metadata = result.metadata().deepCopy();
            JsonNode loc = metadata.remove("_loc");
            metadata.put("query", "data." + check.namespace() + "." + result.rule());
            converted.add(new ConftestResult(result.message(), location(loc), (ObjectNode) GoJson.sortedKeys(metadata)));
        }
        return converted;
    }

    private static Optional<Location> location(JsonNode loc) {
        if (loc == null || !loc.isObject()) {
            return Optional.empty();
        }
        String file = loc.path("file").isString() ? loc.path("file").asString() : "";
        String line = loc.path("line").isNumber() ? loc.path("line").toString() : "";
        return file.isEmpty() && line.isEmpty() ? Optional.empty() : Optional.of(new Location(file, line));
    }
}
