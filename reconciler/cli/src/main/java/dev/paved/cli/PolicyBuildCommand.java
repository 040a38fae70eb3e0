package dev.paved.cli;

import dev.paved.core.PavedException;
import dev.paved.policy.BundleBuilder;
import dev.paved.policy.BundleWriter;
import dev.paved.policy.CompiledPolicy;
import dev.paved.policy.OpaBinary;
import dev.paved.policy.PolicyBundle;
import dev.paved.policy.PolicyException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code paved policy build DIR [-o FILE]}: compiles a policy directory into a bundle that runs without opa. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Compile Conftest-style policies with opa into a bundle (policy.wasm, data.json and a"
                + " manifest) that 'paved validate --policy' and 'paved policy test -p' run without opa.",
                "Exit status: 0 built, 2 the policies do not compile or opa is missing."})
final class PolicyBuildCommand implements Callable<Integer> {

    @ParentCommand
    private PolicyCommand policy;

    @Parameters(index = "0", paramLabel = "DIR", description = "The policy directory (tests, *_test.rego, are"
            + " left out).")
    private Path directory;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "bundle.tar.gz",
            description = "The bundle to write (default: ${DEFAULT-VALUE}).")
    private Path output;

    @Override
    public Integer call() throws IOException {
        Terminal terminal = policy.root.terminal();
        PolicyBundle bundle;
        try {
            bundle = new BundleBuilder(OpaBinary.locate(terminal.env())).build(directory);
        } catch (PolicyException e) {
            throw new PavedException(e.getMessage(), e);
        }
        BundleWriter.write(bundle, output);
        CompiledPolicy compiled = bundle.policy();
        // namespaces of helpers and tests define no rules: not worth naming
        List<String> withRules = compiled.namespaces().stream().filter(ns -> !compiled.rules().get(ns).isEmpty())
                .toList();
        long rules = compiled.rules().values().stream().mapToLong(Map::size).sum();
        terminal.out().printf("built %s: %d rules in %d namespaces (%s), from %s, opa %s%n", output, rules,
                withRules.size(), String.join(", ", withRules), bundle.sourceHash(), bundle.opaVersion());
        return ExitCodes.OK;
    }
}
