package dev.paved.policy;

import java.util.Map;

/**
 * Generated Rego modules, one per namespace, that gather every Conftest rule of the namespace into one object,
 * and one that gathers those objects of every namespace. Evaluating such an object is one wasm evaluation per
 * input (and namespace) instead of one per rule: the input is sent to the module and parsed once. A whole
 * package cannot be the entrypoint itself, since packages may define functions.
 */
final class Wrappers {

    private Wrappers() {
    }

    /** A package name for the namespace's wrapper: letters, digits and '_' only. */
    static String packageOf(String namespace) {
        return "ns_" + namespace.replaceAll("[^A-Za-z0-9]", "_");
    }

    /** The package gathering every namespace's results. */
    static final String ALL = "paved_conftest.all";

    /** {@code results[namespace]} is the namespace's object of rule results, for every namespace given. */
    static String allModule(Iterable<String> namespaces) {
        StringBuilder rego = new StringBuilder("package ").append(ALL).append("\n\n");
        for (String namespace : namespaces) {
            rego.append("results[\"").append(namespace).append("\"] := data.paved_conftest.")
                    .append(packageOf(namespace)).append(".results\n");
        }
        return rego.toString();
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
