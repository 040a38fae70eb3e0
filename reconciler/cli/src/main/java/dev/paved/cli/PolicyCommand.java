package dev.paved.cli;

import dev.paved.core.PavedException;
import dev.paved.policy.CheckResult;
import dev.paved.policy.CompiledPolicy;
import dev.paved.policy.ConftestEvaluator;
import dev.paved.policy.OpaBinary;
import dev.paved.policy.PolicyCompiler;
import dev.paved.policy.PolicyException;
import dev.paved.policy.RegoVersion;
import dev.paved.policy.WasmPolicy;
import dev.paved.policy.output.OutputFormat;
import dev.paved.policy.output.RenderOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

/** {@code paved policy}: Conftest-compatible policies compiled to WebAssembly. */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Conftest-compatible policies, compiled to WebAssembly and run in-process.",
        subcommands = {PolicyCommand.Test.class, PolicyBuildCommand.class})
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

        @Option(names = {"-p", "--policy"}, paramLabel = "PATH", description = "Policy directory (repeatable;"
                + " default: policy), or one bundle from 'paved policy build'.")
        private List<Path> policyDirs = new ArrayList<>(List.of(Path.of("policy")));

        @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Namespace to test (repeatable;"
                + " default: main); *, ? and [...] match as in Conftest, e.g. 'k8s.*'.")
        private List<String> namespaces = new ArrayList<>(List.of("main"));

        @Option(names = "--all-namespaces", description = "Test every namespace found in the policies.")
        private boolean allNamespaces;

        @Option(names = "--fail-on-warn", description = "Exit 1 on warnings too.")
        private boolean failOnWarn;

        @Option(names = "--no-fail", description = "Exit 0 whatever the results.")
        private boolean noFail;

        @Option(names = {"-d", "--data"}, paramLabel = "PATH", description = "Data file or directory (repeatable):"
                + " YAML and JSON documents, loaded into data as Conftest loads them.")
        private List<String> data = new ArrayList<>();

        @Option(names = "--combine", description = "Check all files together as one input: an array of"
                + " {path, contents}.")
        private boolean combine;

        @Option(names = "--rego-version", defaultValue = "v1", paramLabel = "VERSION",
                description = "Rego syntax of the policies: v0 or v1 (default: ${DEFAULT-VALUE}).")
        private String regoVersion;

        @Option(names = "--parser", paramLabel = "PARSER", description = "Read every file as yaml or json,"
                + " whatever its extension.")
        private String parser;

        @Option(names = {"-o", "--output"}, defaultValue = "stdout", paramLabel = "FORMAT",
                converter = FormatConverter.class, description = "Output format: stdout, json, tap, table, junit,"
                + " github, azuredevops, sarif (Conftest's), or markdown (default: ${DEFAULT-VALUE}).")
        private OutputFormat format;

        @Option(names = "--no-color", description = "No colour in the stdout format (as Conftest, it colours"
                + " otherwise, unless NO_COLOR is set).")
        private boolean noColor;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "YAML or JSON files or directories; each"
                + " YAML document is one input.")
        private List<Path> files;

        @Override
        public Integer call() {
            Terminal terminal = policy.root.terminal();
            try {
                List<CheckResult> results = check(terminal);
                boolean colour = !noColor && terminal.env().getOrDefault("NO_COLOR", "").isEmpty();
                terminal.out().print(format.render(results, RenderOptions.defaults().withColour(colour)));
                return noFail ? ExitCodes.OK : conftestExitCode(results);
            } catch (PavedException | PolicyException e) {
                // as Conftest: an error (a policy that does not compile, an unreadable file) exits 1
                terminal.err().println("paved: " + e.getMessage());
                return ExitCodes.FINDINGS;
            }
        }

        private List<CheckResult> check(Terminal terminal) {
            CompiledPolicy compiled = compile(terminal);
            List<ConftestInputs.Input> inputs = ConftestInputs.files(files).stream()
                    .map(file -> ConftestInputs.read(file, parser)).toList();
            // only --data: like Conftest, data files inside the policy directory are not loaded
            String dataDocument = ConftestData.load(data).toString();
            List<String> selected = allNamespaces ? compiled.namespaces() : Namespaces.select(namespaces,
                    compiled.namespaces());
            List<CheckResult> results = new ArrayList<>();
            try (WasmPolicy wasm = new WasmPolicy(compiled, Runtime.getRuntime().availableProcessors(),
                    WasmPolicy.DEFAULT_MAX_PAGES)) {
                ConftestEvaluator conftest = new ConftestEvaluator(compiled, wasm);
                if (combine) {
                    return conftest.check("Combined", selected, ConftestInputs.combined(inputs).toString(), dataDocument);
                }
                // files in parallel (each evaluation borrows an instance of the module), results in file order
                inputs.parallelStream().map(input -> check(conftest, selected, input, dataDocument)).toList()
                        .forEach(results::addAll);
            }
            // as Conftest reports them: namespace by namespace, each with its files in order
            results.sort(Comparator.comparingInt(r -> selected.indexOf(r.namespace())));
            return results;
        }

        /**
         * One Rego v1 directory or a bundle through the {@link PolicyOptions#loader loader} (a directory compiled
         * once and cached by content); several directories, or Rego v0, compiled together as Conftest loads them.
         */
        private CompiledPolicy compile(Terminal terminal) {
            RegoVersion version = RegoVersion.of(regoVersion);
            if (policyDirs.size() == 1 && (version == RegoVersion.V1 || Files.isRegularFile(policyDirs.get(0)))) {
                return PolicyOptions.loader(terminal).load(policyDirs.get(0));
            }
            policyDirs.stream().filter(Files::isRegularFile).findFirst().ifPresent(bundle -> {
                throw new PolicyException(bundle + ": a bundle is already compiled; give it as the only -p");
            });
            return PolicyDirectories.compile(new PolicyCompiler(OpaBinary.locate(terminal.env()), version), policyDirs);
        }

        /** As Conftest does, the documents of one file make one result per namespace. */
        private static List<CheckResult> check(ConftestEvaluator conftest, List<String> namespaces,
                ConftestInputs.Input input, String data) {
            List<List<CheckResult>> perDocument = new ArrayList<>();
            for (JsonNode document : input.documents()) {
                perDocument.add(conftest.check(input.path(), namespaces, document.toString(), data));
            }
            List<CheckResult> results = new ArrayList<>();
            for (int i = 0; i < namespaces.size(); i++) {
                int namespace = i;
                results.add(CheckResult.combine(input.path(), namespaces.get(i),
                        perDocument.stream().map(document -> document.get(namespace)).toList()));
            }
            return results;
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

        /** {@code -o}: a format name, or a usage error that lists the formats. */
        static final class FormatConverter implements CommandLine.ITypeConverter<OutputFormat> {
            @Override
            public OutputFormat convert(String value) {
                try {
                    return OutputFormat.of(value);
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.TypeConversionException(e.getMessage());
                }
            }
        }
    }
}
