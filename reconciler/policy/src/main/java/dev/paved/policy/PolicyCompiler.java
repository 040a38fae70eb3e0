package dev.paved.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paved.policy.builtins.HostBuiltins;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compiles a Conftest-style policy directory with the real {@code opa build -t wasm}: one module with an
 * entrypoint for every deny, violation, warn and exception rule of every namespace found in the sources. A
 * policy that needs a host builtin Paved does not provide is refused here, naming the builtin, rather than
 * failing when it first runs.
 */
public final class PolicyCompiler {

    /** Rule names that count under Conftest's semantics. */
    static final Pattern CONFTEST_RULE = Pattern.compile("^(deny|violation|warn)(_[A-Za-z0-9_]+)?$|^exception$");

    /** A module's package line, enough to know a test's namespace. */
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([A-Za-z_][A-Za-z0-9_.]*)",
            Pattern.MULTILINE);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpaBinary opa;
    private final RegoVersion regoVersion;

    public PolicyCompiler(OpaBinary opa) {
        this(opa, RegoVersion.V1);
    }

    public PolicyCompiler(OpaBinary opa, RegoVersion regoVersion) {
        this.opa = opa;
        this.regoVersion = regoVersion;
    }

    public CompiledPolicy compile(Path directory) {
        Sources sources = parse(directory);
        Map<String, Map<String, Integer>> rules = sources.rules();
        if (rules.values().stream().allMatch(Map::isEmpty)) {
            throw new PolicyException(directory + ": no deny, violation, warn or exception rules in any .rego file");
        }
        try {
            Path out = Files.createTempFile("paved-policy", ".tar.gz");
            Path wrappers = Files.createTempDirectory("paved-conftest");
            try {
                List<String> arguments = new ArrayList<>(List.of("build", "-t", "wasm", "--ignore", "*_test.rego",
                        "-o", out.toString()));
                arguments.addAll(regoVersion.opaFlags());
                for (Map.Entry<String, Map<String, Integer>> namespace : rules.entrySet()) {
                    if (namespace.getValue().isEmpty()) {
                        continue; // a namespace of helpers or tests: nothing to evaluate
                    }
                    Files.writeString(wrappers.resolve(Wrappers.packageOf(namespace.getKey()) + ".rego"),
                            Wrappers.module(namespace.getKey(), namespace.getValue()));
                    arguments.add("-e");
                    arguments.add("paved_conftest/" + Wrappers.packageOf(namespace.getKey()) + "/results");
                    namespace.getValue().keySet().forEach(rule -> {
                        arguments.add("-e");
                        arguments.add(CompiledPolicy.entrypoint(namespace.getKey(), rule));
                    });
                }
                List<String> evaluated = rules.entrySet().stream().filter(namespace -> !namespace.getValue().isEmpty())
                        .map(Map.Entry::getKey).toList();
                Files.writeString(wrappers.resolve("all.rego"), Wrappers.allModule(evaluated));
                arguments.add("-e");
                arguments.add(Wrappers.ALL.replace('.', '/') + "/results");
                arguments.add(".");
                arguments.add(wrappers.toString());
                opa.run(directory, arguments);
                Map<String, byte[]> files = Tar.read(Files.newInputStream(out), Long.MAX_VALUE);
                byte[] wasm = files.get("policy.wasm");
                if (wasm == null) {
                    throw new PolicyException(directory + ": opa build produced no policy.wasm");
                }
                List<String> missing = HostBuiltins.missing(HostBuiltins.importedBy(wasm));
                if (!missing.isEmpty()) {
                    throw new PolicyException(directory + ": the policies call builtins Paved does not provide: "
                            + String.join(", ", missing));
                }
                byte[] data = files.getOrDefault("data.json", "{}".getBytes(StandardCharsets.UTF_8));
                return new CompiledPolicy(wasm, rules, new String(data, StandardCharsets.UTF_8),
                        sources.readsConftestData());
            } finally {
                Files.deleteIfExists(out);
                try (Stream<Path> generated = Files.list(wrappers)) {
                    for (Path file : generated.toList()) {
                        Files.deleteIfExists(file);
                    }
                }
                Files.deleteIfExists(wrappers);
            }
        } catch (IOException e) {
            throw new PolicyException("compile " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * What the compiler needs from the sources: namespace → Conftest rule name → how many times it is defined,
     * and whether any module may read {@code data.conftest} (which Conftest sets per input file).
     */
    private record Sources(Map<String, Map<String, Integer>> rules, boolean readsConftestData) {
    }

    /** Reads every policy source through {@code opa parse}; of tests, only the package line. */
    private Sources parse(Path directory) {
        // namespaces and their rules in the order of the sources, files in path order, as Conftest meets them
        Map<String, Map<String, Integer>> found = new LinkedHashMap<>();
        boolean readsConftestData = false;
        List<Path> sources;
        try (Stream<Path> files = Files.walk(directory)) {
            sources = files.filter(f -> f.toString().endsWith(".rego")).sorted().toList();
        } catch (IOException e) {
            throw new PolicyException("list " + directory + ": " + e.getMessage(), e);
        }
        for (Path source : sources) {
            if (source.toString().endsWith("_test.rego")) {
                // Conftest lists the namespaces of tests too; only their package line is needed, not opa parse
                testPackage(source).ifPresent(namespace -> found.computeIfAbsent(namespace, k -> new LinkedHashMap<>()));
                continue;
            }
            JsonNode module;
            List<String> arguments = new ArrayList<>(List.of("parse", "--format", "json"));
            arguments.addAll(regoVersion.opaFlags());
            arguments.add(directory.relativize(source).toString());
            try {
                module = JSON.readTree(opa.run(directory, arguments));
            } catch (IOException e) {
                throw new PolicyException("parse " + source + ": " + e.getMessage(), e);
            }
            List<String> path = new ArrayList<>();
            module.path("package").path("path").forEach(term -> path.add(term.path("value").asText()));
            String namespace = String.join(".", path.subList(1, path.size()));
            found.computeIfAbsent(namespace, k -> new LinkedHashMap<>()); // a package of helpers is a namespace too
            readsConftestData |= DataReferences.readsConftest(module);
            for (JsonNode rule : module.path("rules")) {
                String name = rule.path("head").path("name").asText(
                        rule.path("head").path("ref").path(0).path("value").asText(""));
                if (CONFTEST_RULE.matcher(name).matches()) {
                    found.computeIfAbsent(namespace, k -> new LinkedHashMap<>()).merge(name, 1, Integer::sum);
                }
            }
        }
        Map<String, Map<String, Integer>> rules = new LinkedHashMap<>();
        found.forEach((namespace, names) -> rules.put(namespace, Collections.unmodifiableMap(names)));
        return new Sources(rules, readsConftestData);
    }

    private static java.util.Optional<String> testPackage(Path source) {
        try {
            var matcher = PACKAGE.matcher(Files.readString(source, StandardCharsets.UTF_8));
            return matcher.find() ? java.util.Optional.of(matcher.group(1)) : java.util.Optional.empty();
        } catch (IOException e) {
            throw new PolicyException("read " + source + ": " + e.getMessage(), e);
        }
    }
}
