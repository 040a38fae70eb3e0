package dev.paved.cli;

import dev.paved.core.PavedException;
import dev.paved.policy.CheckResult;
import dev.paved.policy.CompiledPolicy;
import dev.paved.policy.ConftestEvaluator;
import dev.paved.policy.OpaBinary;
import dev.paved.policy.PolicyCompiler;
import dev.paved.policy.PolicyException;
import dev.paved.policy.WasmPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** {@code paved policy}: Conftest-compatible policies compiled to WebAssembly. */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Conftest-compatible policies, compiled to WebAssembly and run in-process.",
        subcommands = PolicyCommand.Test.class)
final class PolicyCommand {

    @ParentCommand
    PavedCommand root;

    /** {@code paved policy test [-p DIR]... FILE...}: a drop-in for {@code conftest test}. */
    @Command(name = "test", mixinStandardHelpOptions = true,
            description = {"Test YAML or JSON files against Conftest-style policies, as 'conftest test' does.",
                    "Exit status as Conftest's: 0 passed, 1 failures; with --fail-on-warn 1 warnings, 2 failures."})
    static final class Test implements Callable<Integer> {

        @ParentCommand
        private PolicyCommand policy;

        @Option(names = {"-p", "--policy"}, paramLabel = "DIR", description = "Policy directory (default: policy).")
        private Path policyDir = Path.of("policy");

        @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Namespace to test (repeatable;"
                + " default: main).")
        private List<String> namespaces = new ArrayList<>(List.of("main"));

        @Option(names = "--all-namespaces", description = "Test every namespace found in the policies.")
        private boolean allNamespaces;

        @Option(names = "--fail-on-warn", description = "Exit 1 on warnings too.")
        private boolean failOnWarn;

        @Option(names = "--no-fail", description = "Exit 0 whatever the results.")
        private boolean noFail;

        @Option(names = {"-o", "--output"}, defaultValue = "stdout", paramLabel = "FORMAT",
                description = "Output format: stdout or json (default: ${DEFAULT-VALUE}).")
        private String format;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "YAML or JSON files; each YAML document"
                + " is one input.")
        private List<Path> files;

        @Override
        public Integer call() throws IOException {
            Terminal terminal = policy.root.terminal();
            CompiledPolicy compiled;
            try {
                compiled = new PolicyCompiler(OpaBinary.locate(terminal.env())).compile(policyDir);
            } catch (PolicyException e) {
                throw new PavedException(e.getMessage(), e);
            }
            List<String> selected = allNamespaces ? compiled.namespaces() : namespaces;
            List<CheckResult> results = new ArrayList<>();
            try (WasmPolicy wasm = new WasmPolicy(compiled, Runtime.getRuntime().availableProcessors(),
                    WasmPolicy.DEFAULT_MAX_PAGES)) {
                ConftestEvaluator conftest = new ConftestEvaluator(compiled, wasm);
                for (Path file : files) {
                    List<String> inputs = inputs(file);
                    for (String namespace : selected) {
                        // as Conftest does, the documents of one file make one result per namespace
                        List<CheckResult> perDocument = new ArrayList<>();
                        for (String input : inputs) {
                            perDocument.add(conftest.check(file.toString(), namespace, input, compiled.data()));
                        }
                        results.add(CheckResult.combine(file.toString(), namespace, perDocument));
                    }
                }
            }
            terminal.out().print("json".equals(format) ? ConftestReports.json(results) : ConftestReports.stdout(results));
            return noFail ? ExitCodes.OK : conftestExitCode(results);
        }

        /** Conftest's exit codes: 1 failures; with --fail-on-warn, 1 warnings and 2 failures. */
        private int conftestExitCode(List<CheckResult> results) {
            boolean failures = results.stream().anyMatch(r -> !r.failures().isEmpty());
            boolean warnings = results.stream().anyMatch(r -> !r.warnings().isEmpty());
            if (failOnWarn) {
                return failures ? 2 : warnings ? 1 : 0;
            }
            return failures ? 1 : 0;
        }

        private static List<String> inputs(Path file) throws IOException {
            JsonMapper json = JsonMapper.builder().build();
            List<String> inputs = new ArrayList<>();
            if (file.toString().endsWith(".json")) {
                inputs.add(json.writeValueAsString(json.readTree(Files.readString(file))));
                return inputs;
            }
            YAMLMapper yaml = YAMLMapper.builder().build();
            try (MappingIterator<JsonNode> documents = yaml.readerFor(JsonNode.class).readValues(file.toFile())) {
                while (documents.hasNext()) {
                    JsonNode document = documents.next();
                    // an empty document is an input too (null), as Conftest counts it
                    inputs.add(document == null || document.isMissingNode() ? "null" : json.writeValueAsString(document));
                }
            }
            return inputs;
        }
    }
}
