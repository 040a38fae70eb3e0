package dev.paved.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.core.testing.Golden;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Differential test: the real Conftest and {@code paved policy test} on the same policies, inputs and flags
 * (fixtures/conftest-parity/CASE: policy/, input files, flags.txt, and data* files for --data and policy-*
 * directories for further -p) must agree on every verdict — per file and
 * namespace the successes, the failure, warning and exception messages with their metadata, as multisets — and
 * on the exit code. Conftest is installed by scripts/test (scripts/lib/conftest.sh); without it this fails.
 */
class ConftestParityTest {

    private static final Path CASES = Golden.sourceResource("fixtures/conftest-parity");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(CASES)) {
            return dirs.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pavedAgreesWithConftest(String name) throws Exception {
        Path dir = CASES.resolve(name).toAbsolutePath();
        // both run in this process's working directory on absolute paths, so that file names, data.conftest.file
        // and --combine's Combined agree; "./x" in flags.txt (also after a data prefix, "a.b:./x") is x in the
        // case's directory
        List<String> flags = Files.readAllLines(dir.resolve("flags.txt")).stream().filter(l -> !l.isBlank())
                .map(String::strip).map(f -> f.startsWith("./") ? dir.resolve(f.substring(2)).toString()
                        : f.replace(":./", ":" + dir + "/")).toList();
        List<String> inputs;
        try (Stream<Path> files = Files.list(dir)) {
            inputs = files.map(p -> p.getFileName().toString())
                    .filter(f -> !f.startsWith("policy") && !f.equals("flags.txt") && !f.startsWith("data"))
                    .sorted().map(f -> dir.resolve(f).toString()).toList();
        }
        List<String> common = new ArrayList<>(List.of("-p", dir.resolve("policy").toString(), "-o", "json"));
        common.addAll(flags);
        common.addAll(inputs);

        List<String> conftest = new ArrayList<>(List.of(conftest().toString(), "test"));
        conftest.addAll(common);
        Process process = new ProcessBuilder(conftest).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String theirs = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        List<String> paved = new ArrayList<>(List.of("policy", "test"));
        paved.addAll(common);
        ValidateCommandTest.Run ours = ValidateCommandTest.run(paved.toArray(String[]::new));

        assertThat(verdicts(ours.out())).as("paved policy test vs conftest test (%s)", name)
                .isEqualTo(verdicts(theirs));
        assertThat(ours.exitCode()).as("exit code (paved said: %s)", ours.err()).isEqualTo(process.exitValue());
    }

    /** (file name, namespace) → successes and the sorted messages with metadata, Conftest's query left out. */
    private static Map<String, String> verdicts(String json) {
        Map<String, String> verdicts = new TreeMap<>();
        if (json.isBlank()) {
            return verdicts; // an error: nothing on standard output, only the exit code
        }
        for (JsonNode result : JSON.readTree(json)) {
            String file = Path.of(result.path("filename").asString()).getFileName().toString();
            StringBuilder verdict = new StringBuilder("successes=" + result.path("successes").asInt());
            for (String kind : List.of("failures", "warnings", "exceptions")) {
                List<String> entries = new ArrayList<>();
                for (JsonNode entry : result.path(kind)) {
                    ObjectNode metadata = entry.path("metadata").isObject()
                            ? ((ObjectNode) entry.path("metadata")).deepCopy() : JSON.createObjectNode();
                    metadata.remove("query");
                    entries.add(entry.path("msg").asString() + " " + metadata);
                }
                entries.sort(null);
                verdict.append(' ').append(kind).append('=').append(entries);
            }
            verdicts.merge(file + " " + result.path("namespace").asString(), verdict.toString(), (a, b) -> a + " | " + b);
        }
        return verdicts;
    }

    private static Path conftest() {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(entry, "conftest");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        Path local = Path.of(System.getProperty("paved.repoRoot", "../..")).resolve(".tools/bin/conftest");
        if (Files.isExecutable(local)) {
            return local;
        }
        throw new IllegalStateException("conftest is not installed: scripts/test installs it into .tools/bin"
                + " (go install github.com/open-policy-agent/conftest@v0.71.1)");
    }
}
