package dev.paved.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A policy directory compiled to WebAssembly.
 *
 * @param wasm   the module
 * @param rules  namespace (e.g. {@code paved.services}) → the Conftest rules it defines (deny, warn, violation
 *               and their {@code _suffix} forms, and exception) with how many definitions (bodies) each has,
 *               which Conftest's success counting needs, namespaces and rules in the order of the sources (files
 *               in path order); each rule is an entrypoint of the module. Every package of the sources is a
 *               namespace, tests included, as Conftest lists them; a package of helpers or tests defines no rules
 * @param data   the bundle's data document (JSON), e.g. from {@code data.yaml} files in the directory
 * @param readsConftestData whether a policy may read {@code data.conftest}, where Conftest puts the input's
 *               file name and directory ({@code data.conftest.file}); only then is it set for every file
 */
public record CompiledPolicy(byte[] wasm, Map<String, Map<String, Integer>> rules, String data,
                             boolean readsConftestData) {

    /** A policy that may read {@code data.conftest} (the safe assumption when nobody looked). */
    public CompiledPolicy(byte[] wasm, Map<String, Map<String, Integer>> rules, String data) {
        this(wasm, rules, data, true);
    }

    /**
     * The entrypoint that evaluates every Conftest rule of a namespace at once: an object from rule name to its
     * results (a rule that is undefined is absent). Paved adds one such generated module per namespace.
     */
    public String allRules(String namespace) {
        return "paved_conftest/" + Wrappers.packageOf(namespace) + "/results";
    }

    /**
     * The entrypoint that evaluates every Conftest rule of every namespace at once: an object from namespace (one
     * that defines Conftest rules) to what {@link #allRules(String)} gives for it.
     */
    public String allNamespaces() {
        return Wrappers.ALL.replace('.', '/') + "/results";
    }

    public CompiledPolicy {
        rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
    }

    /** The namespaces in the order of the sources (files in path order), as Conftest's --all-namespaces lists them. */
    public List<String> namespaces() {
        return List.copyOf(rules.keySet());
    }

    /** The module entrypoint of a rule: {@code paved/services/deny_image_pinned}. */
    public static String entrypoint(String namespace, String rule) {
        return namespace.replace('.', '/') + "/" + rule;
    }
}
