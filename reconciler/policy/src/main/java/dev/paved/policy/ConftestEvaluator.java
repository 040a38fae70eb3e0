package dev.paved.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Conftest's semantics over a compiled policy: for each rule named {@code deny}, {@code violation} or {@code warn}
 * (or those with an {@code _suffix}) in a namespace, its results are failures or warnings, unless the namespace's
 * {@code exception} rule names it (without its {@code deny_}/{@code violation_} prefix), and every definition of
 * the rule that produced nothing counts as a success — so verdicts and counts are those {@code conftest test}
 * gives for the same policies and input.
 */
public final class ConftestEvaluator {

    private static final Pattern FAILURE = Pattern.compile("^(deny|violation)(_[a-zA-Z0-9]+)*$");
    private static final Pattern WARNING = Pattern.compile("^warn(_[a-zA-Z0-9]+)*$");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A deny/violation (failure) or warn rule of a namespace, with how many definitions it has. */
    private record Rule(String name, int definitions, boolean failure) {
    }

    private final CompiledPolicy compiled;
    private final WasmPolicy wasm;
    /** Namespace → its failure and warning rules in source order: classified once, not per document. */
    private final Map<String, List<Rule>> checked = new LinkedHashMap<>();
    private final ConftestFileData fileData = new ConftestFileData();

    public ConftestEvaluator(CompiledPolicy compiled, WasmPolicy wasm) {
        this.compiled = compiled;
        this.wasm = wasm;
        compiled.rules().forEach((namespace, rules) -> {
            List<Rule> classified = new ArrayList<>();
            rules.forEach((name, definitions) -> {
                boolean failure = FAILURE.matcher(name).matches();
                if (failure || WARNING.matcher(name).matches()) {
                    classified.add(new Rule(name, definitions, failure));
                }
            });
            checked.put(namespace, List.copyOf(classified));
        });
    }

    /**
     * @param file      shown in results, and in {@code data.conftest.file} for policies that read it
     * @param namespace the namespace whose rules run
     * @param input     the document, as JSON
     * @param data      the data document, as JSON
     */
    public CheckResult check(String file, String namespace, String input, String data) {
        return check(file, namespace, input, PolicyData.of(data));
    }

    /** {@link #check(String, String, String, String)} with a data document that changes by patches. */
    public CheckResult check(String file, String namespace, String input, PolicyData data) {
        Map<String, Integer> rules = compiled.rules().getOrDefault(namespace, Map.of());
        if (rules.isEmpty()) {
            return new CheckResult(file, namespace, 0, List.of(), List.of(), List.of());
        }
        // one evaluation gives every rule's results (see Wrappers)
        JsonNode all = evaluate(compiled.allRules(namespace), file, input, data);
        return interpret(file, namespace, checked.get(namespace), all);
    }

    /**
     * Every namespace's rules in one evaluation (the input is sent to the module and parsed once), for when all
     * of them run anyway, as under {@code paved validate} or {@code --all-namespaces}.
     *
     * @return one result per namespace of {@link CompiledPolicy#namespaces()}, in that order
     * @throws PolicyException when the evaluation fails; {@link #check} per namespace then tells which failed
     */
    public List<CheckResult> checkAll(String file, String input, String data) {
        return checkAll(file, input, PolicyData.of(data));
    }

    /** {@link #checkAll(String, String, String)} with a data document that changes by patches. */
    public List<CheckResult> checkAll(String file, String input, PolicyData data) {
        JsonNode byNamespace = evaluate(compiled.allNamespaces(), file, input, data);
        List<CheckResult> results = new ArrayList<>();
        for (String namespace : compiled.namespaces()) {
            Map<String, Integer> rules = compiled.rules().get(namespace);
            results.add(rules.isEmpty() ? new CheckResult(file, namespace, 0, List.of(), List.of(), List.of())
                    : interpret(file, namespace, checked.get(namespace), byNamespace.path(namespace)));
        }
        return results;
    }

    /**
     * The given namespaces' rules: in one evaluation when they are all of the policy's namespaces, else one per
     * namespace. When the one evaluation fails, each namespace is evaluated on its own, so that the exception
     * thrown is about the namespace that failed.
     *
     * @return one result per namespace, in the order given
     */
    public List<CheckResult> check(String file, List<String> namespaces, String input, String data) {
        if (namespaces.equals(compiled.namespaces())) {
            try {
                return checkAll(file, input, data);
            } catch (PolicyException e) {
                // fall through: namespace by namespace
            }
        }
        List<CheckResult> results = new ArrayList<>();
        for (String namespace : namespaces) {
            results.add(check(file, namespace, input, data));
        }
        return results;
    }

    private JsonNode evaluate(String entrypoint, String file, String input, PolicyData data) {
        String result;
        if (compiled.readsConftestData()) { // Conftest's per-file data is part of the document: sent whole
            if (!data.patches().isEmpty()) {
                throw new IllegalArgumentException("a policy that reads data.conftest needs the data whole");
            }
            result = wasm.evaluate(entrypoint, input, fileData.with(file, data.base()));
        } else {
            result = wasm.evaluate(entrypoint, input, data);
        }
        return JSON.readTree(result).path(0).path("result");
    }

    /** Whether the policies read Conftest's per-file data, so that their data document is sent whole each time. */
    public boolean readsConftestData() {
        return compiled.readsConftestData();
    }

    /** Conftest's verdicts and counts from the results of a namespace's rules ({@code rule → results}). */
    private static CheckResult interpret(String file, String namespace, List<Rule> rules, JsonNode all) {
        JsonNode exceptionSets = all.path("exception");
        int successes = 0;
        List<PolicyResult> failures = new ArrayList<>();
        List<PolicyResult> warnings = new ArrayList<>();
        List<String> exceptions = new ArrayList<>();
        int definitions = 0;
        for (Rule rule : rules) { // in source order, as Conftest takes them
            String name = rule.name();
            definitions += rule.definitions();
            int excepted = countExceptions(exceptionSets, exceptionName(name));
            if (excepted > 0) { // an exception drops all of the rule's results, its success included
                for (int i = 0; i < excepted; i++) {
                    exceptions.add(name);
                }
                continue;
            }
            List<PolicyResult> results = results(name, all.path(name));
            if (results.isEmpty()) {
                successes++; // an empty result is one success, however many definitions the rule has
            }
            (rule.failure() ? failures : warnings).addAll(results);
        }
        // Conftest then pads successes up to the number of definitions of all rules of the namespace
        successes += Math.max(0, definitions - failures.size() - warnings.size() - exceptions.size() - successes);
        return new CheckResult(file, namespace, successes, failures, warnings, exceptions);
    }

    private static List<PolicyResult> results(String rule, JsonNode values) {
        List<PolicyResult> results = new ArrayList<>();
        List<JsonNode> ordered = new ArrayList<>();
        values.forEach(ordered::add);
        ordered.sort(RegoOrder.INSTANCE); // wasm gives a set's members in no particular order; Conftest in OPA's
        for (JsonNode value : ordered) {
            if (value.isString()) {
                results.add(new PolicyResult(rule, value.asString(), JsonNodeFactory.instance.objectNode()));
            } else if (value instanceof ObjectNode object) {
                if (!object.path("msg").isString()) {
                    throw new PolicyException(rule + ": a result object needs a \"msg\" string, as Conftest"
                            + " requires; got " + object);
                }
                ObjectNode metadata = object.deepCopy();
                metadata.remove("msg");
                results.add(new PolicyResult(rule, object.path("msg").asString(""), metadata));
            }
        }
        return results;
    }

    /** How many (exception set, name) pairs name the rule, as Conftest's {@code exception[_][_] == rule} does. */
    private static int countExceptions(JsonNode exceptionSets, String rule) {
        int count = 0;
        for (JsonNode set : exceptionSets) {
            for (JsonNode name : set) {
                if (rule.equals(name.asString(""))) {
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * A rule name as an exception names it, as Conftest strips it: {@code deny_}, {@code violation_} and
     * {@code warn_} prefixes removed, in that order, and the bare {@code deny}, {@code violation} and {@code warn}
     * named by the empty string.
     */
    public static String exceptionName(String rule) {
        if (rule.equals("deny") || rule.equals("violation") || rule.equals("warn")) {
            return "";
        }
        String name = rule;
        for (String prefix : new String[] {"violation_", "deny_", "warn_"}) {
            name = name.startsWith(prefix) ? name.substring(prefix.length()) : name;
        }
        return name;
    }
}
