package dev.paved.core.policy;

import dev.paved.core.catalog.Catalog;
import dev.paved.core.finding.Finding;
import dev.paved.core.finding.Severity;
import dev.paved.core.parse.Declaration;
import dev.paved.core.parse.Kind;
import dev.paved.policy.CheckResult;
import dev.paved.policy.CompiledPolicy;
import dev.paved.policy.ConftestEvaluator;
import dev.paved.policy.PolicyData;
import dev.paved.policy.PolicyException;
import dev.paved.policy.PolicyResult;
import dev.paved.policy.WasmPolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The policy stage of validation: every declaration is one Conftest input, checked against every namespace of
 * each compiled policy (e.g. the built-in library and the repo's own, each evaluated on its own, so an exception
 * exempts rules of its own policy only), with the whole catalog as {@code data.paved.catalog} so a rule can look across files.
 * A deny or violation is an error finding, a warn a warning; a result's {@code rule} field is its rule id and
 * its {@code pointer} field (a JSON pointer) says which node of the declaration it is about, for file:line, and its
 * {@code hint} (or {@code fix}) field how to fix it. An
 * evaluation that runs too long or out of memory is a {@code policy.evaluation} finding naming the namespace and
 * the declaration.
 */
public final class PolicyStage implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One compiled policy with its runtime and its data document. */
    private record Policy(CompiledPolicy compiled, WasmPolicy wasm, ConftestEvaluator conftest, CatalogData data) {

        /**
         * The data document for {@code catalog}: patches to the last one, unless the policy reads Conftest's
         * per-file data (then each file's document is sent whole anyway).
         */
        PolicyData data(Catalog catalog) {
            return data.of(catalog, !conftest.readsConftestData());
        }
    }

    private final List<Policy> policies;

    public PolicyStage(CompiledPolicy compiled) {
        this(List.of(compiled), WasmPolicy.DEFAULT_TIMEOUT);
    }

    public PolicyStage(List<CompiledPolicy> compiled) {
        this(compiled, WasmPolicy.DEFAULT_TIMEOUT);
    }

    /** @param timeout the bound on one evaluation's wall-clock time */
    public PolicyStage(CompiledPolicy compiled, java.time.Duration timeout) {
        this(List.of(compiled), timeout);
    }

    /** @param timeout the bound on one evaluation's wall-clock time */
    public PolicyStage(List<CompiledPolicy> compiled, java.time.Duration timeout) {
        List<Policy> policies = new ArrayList<>();
        for (CompiledPolicy policy : compiled) {
            WasmPolicy wasm = new WasmPolicy(policy, Runtime.getRuntime().availableProcessors(),
                    WasmPolicy.DEFAULT_MAX_PAGES, timeout);
            policies.add(new Policy(policy, wasm, new ConftestEvaluator(policy, wasm), new CatalogData(policy)));
        }
        this.policies = List.copyOf(policies);
    }

    /**
     * Below this many declarations they are checked on one thread: each thread needs its own instance of the
     * module, and instantiating one costs as much as a few hundred evaluations.
     */
    static final int PARALLEL_FROM = 500;

    public List<Finding> check(Catalog catalog) {
        return check(catalog, catalog.all());
    }

    /**
     * Checks only {@code declarations} (of {@code catalog}), with the whole catalog as data: what a daemon that
     * knows which declarations changed re-checks.
     */
    public List<Finding> check(Catalog catalog, Collection<Declaration> declarations) {
        List<Finding> findings = new ArrayList<>();
        for (Policy policy : policies) {
            PolicyData data = policy.data(catalog);
            findings.addAll(each(declarations).flatMap(declaration -> check(policy, declaration, data).stream())
                    .toList());
        }
        return findings;
    }

    /**
     * The findings of each of {@code declarations} (of {@code catalog}), every policy's, with the whole catalog as
     * data: what a daemon keeps to re-check only the declarations a commit changed or touched.
     */
    public Map<Declaration, List<Finding>> checkEach(Catalog catalog, Collection<Declaration> declarations) {
        Map<Declaration, List<Finding>> findings = new IdentityHashMap<>();
        declarations.forEach(declaration -> findings.put(declaration, new ArrayList<>()));
        for (Policy policy : policies) {
            PolicyData data = policy.data(catalog);
            List<Map.Entry<Declaration, List<Finding>>> checked = each(declarations)
                    .map(declaration -> Map.entry(declaration, check(policy, declaration, data))).toList();
            checked.forEach(entry -> findings.get(entry.getKey()).addAll(entry.getValue()));
        }
        return findings;
    }

    private static Stream<Declaration> each(Collection<Declaration> declarations) {
        return declarations.size() < PARALLEL_FROM ? declarations.stream() : declarations.parallelStream();
    }

    private static List<Finding> check(Policy policy, Declaration declaration, PolicyData data) {
        String input = declaration.body().toString();
        List<CheckResult> results;
        try {
            results = policy.conftest().checkAll(declaration.file(), input, data); // one evaluation, all namespaces
        } catch (PolicyException e) {
            results = null; // evaluate namespace by namespace to tell which one failed
        }
        List<Finding> findings = new ArrayList<>();
        List<String> namespaces = policy.compiled().namespaces();
        for (int i = 0; i < namespaces.size(); i++) {
            String namespace = namespaces.get(i);
            CheckResult result;
            try {
                result = results != null ? results.get(i)
                        : policy.conftest().check(declaration.file(), namespace, input, data);
            } catch (PolicyException e) {
                // a runaway or aborting policy is a finding about this document, not a failed validation run
                findings.add(Finding.error("policy.evaluation", declaration.location(), "", "policies of namespace "
                        + namespace + " could not be evaluated for " + declaration.ref() + ": " + e.getMessage()));
                continue;
            }
            result.failures().forEach(r -> findings.add(finding(declaration, namespace, r, Severity.ERROR)));
            result.warnings().forEach(r -> findings.add(finding(declaration, namespace, r, Severity.WARNING)));
        }
        return findings;
    }

    private static Finding finding(Declaration declaration, String namespace, PolicyResult result, Severity severity) {
        String rule = result.text("rule").isEmpty() ? "policy." + namespace + "." + result.rule() : result.text("rule");
        String pointer = result.text("pointer");
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            pointer = "";
        }
        String hint = result.text("hint").isEmpty() ? result.text("fix") : result.text("hint");
        return new Finding(rule, severity, declaration.locate(pointer), pointer, result.message(), hint);
    }

    /** Keeps one instance of each policy's module (see {@link WasmPolicy#shrink()}). */
    public void shrink() {
        policies.forEach(policy -> policy.wasm().shrink());
    }

    @Override
    public void close() {
        policies.forEach(policy -> policy.wasm().close());
    }
}
