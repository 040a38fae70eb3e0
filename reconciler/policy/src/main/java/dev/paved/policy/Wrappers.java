package dev.paved.policy;

import java.util.Map;

/**
 * Generated Rego modules, one per namespace, that gather every Conftest rule of the namespace into one object.
 * Evaluating that object is one wasm evaluation per input and namespace instead of one per rule (the input is
 * sent to the module once); a whole package cannot be the entrypoint itself, since packages may define
 * functions.
 */
final class Wrappers {

    private Wrappers() {
    }

    /** A package name for the namespace's wrapper: letters, digits and '_' only. */
    static String packageOf(String namespace) {
        return "ns_" + namespace.replaceAll("[^A-Za-z0-9]", "_");
    }

    static String module(String namespace, Map<String, Integer> rules) {
        StringBuilder rego = new StringBuilder("package paved_conftest.").append(packageOf(namespace)).append("\n\n");
        for (String rule : rules.keySet()) {
            rego.append("results[\"").append(rule).append("\"] := data.").append(namespace).append('.').append(rule)
                    .append('\n');
        }
        return rego.toString();
    }
}
