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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Differential test: the real Conftest and {@code paved policy test} on the same policies, inputs and flags
 * (fixtures/conftest-parity/CASE: policy/, input files, flags.txt, and data* files for --data and policy-*
 * directories for further -p) must agree on every verdict — per file and
 * namespace the successes, the failure, warning and exception messages with their metadata, as multisets — and
 * on the exit code; and in every output format the two must print the same text. Conftest is installed by
 * scripts/test (scripts/lib/conftest.sh); without it this fails.
 *
 * <p>The text is compared exactly, but for the differences docs/cli.md documents: Conftest's junit records the Go
 * version it was built with and its sarif its own build version ({@code dev} from source), where Paved records the
 * Conftest version it reproduces; Paved's github format escapes a multi-line message as GitHub asks, and keeps a
 * {@code %} that Conftest's mangles (those messages are left out of the comparison). And Conftest
 * visits files and, with --all-namespaces or a glob, namespaces in Go's random map order (and junit's test suites
 * too), where Paved keeps the command line's files and the policy files' namespaces: Conftest is run again, up to
 * {@link #TRIES} times, until it happens to use that order.
 */
class ConftestParityTest {

    private static final Path CASES = Golden.sourceResource("fixtures/conftest-parity");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * Conftest runs until its random orders are Paved's. Go walks a small map from a random slot, so Conftest's
     * order of n files or namespaces is one of the n rotations of Paved's; the fixtures keep to orders that one run
     * in eight or more matches, and a hundred runs all miss with a chance of about one in a million.
     */
    private static final int TRIES = 100;

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(CASES)) {
            return dirs.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pavedAgreesWithConftest(String name) throws Exception {
        Path dir = CASES.resolve(name).toAbsolutePath();
        List<String> common = new ArrayList<>(List.of("-o", "json"));
        common.addAll(arguments(dir));

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

    /**
     * The policy, flags and inputs of a case, the same for both tools, which run in this process's working
     * directory on absolute paths, so that file names, data.conftest.file and --combine's Combined agree. "./x" in
     * flags.txt (also after a data prefix, "a.b:./x") is x in the case's directory; data* files are for --data and
     * policy-* directories for further -p.
     */
    private static List<String> arguments(Path dir) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("-p", dir.resolve("policy").toString()));
        Files.readAllLines(dir.resolve("flags.txt")).stream().filter(l -> !l.isBlank()).map(String::strip)
                .map(f -> f.startsWith("./") ? dir.resolve(f.substring(2)).toString() : f.replace(":./", ":" + dir + "/"))
                .forEach(arguments::add);
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(f -> !f.startsWith("policy") && !f.equals("flags.txt") && !f.startsWith("data"))
                    .sorted().map(f -> dir.resolve(f).toString()).forEach(arguments::add);
        }
        return arguments;
    }

    static Stream<Arguments> outputs() throws IOException {
        List<String> formats = List.of("stdout", "stdout --no-color", "json", "tap", "table", "junit", "github",
                "azuredevops", "sarif");
        return cases().flatMap(name -> formats.stream().map(format -> Arguments.of(name, format)));
    }

    @ParameterizedTest(name = "{0} -o {1}")
    @MethodSource("outputs")
    void pavedPrintsWhatConftestPrints(String name, String format) throws Exception {
        Path dir = CASES.resolve(name).toAbsolutePath();
        List<String> args = new ArrayList<>(List.of("-o"));
        args.addAll(List.of(format.split(" ")));
        args.addAll(arguments(dir));

        List<String> paved = new ArrayList<>(List.of("policy", "test"));
        paved.addAll(args);
        ValidateCommandTest.Run ours = ValidateCommandTest.run(paved.toArray(String[]::new));
        String expected = unescaped(format, ours.out());
        List<Integer> percent = percentMessages(format, expected);
        expected = messagesLeftOut(expected, percent);

        List<String> conftest = new ArrayList<>(List.of(conftest().toString(), "test"));
        conftest.addAll(args);
        String theirs = null;
        int exitCode = -1;
        for (int i = 0; i < TRIES && !expected.equals(theirs); i++) {
            Process process = new ProcessBuilder(conftest).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            theirs = messagesLeftOut(versionsReplaced(format, new String(process.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8)), percent);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            exitCode = process.exitValue();
        }

        assertThat(expected).as("paved policy test -o %s vs conftest (%s)", format, name).isEqualTo(theirs);
        assertThat(ours.exitCode()).as("exit code").isEqualTo(exitCode);
    }

    /** Paved's github output with its message escaping undone, as Conftest prints (messages without a %). */
    private static String unescaped(String format, String output) {
        if (!format.equals("github")) {
            return output;
        }
        StringBuilder out = new StringBuilder();
        for (String line : output.split("\n", -1)) {
            int data = line.matches("::(error|warning|notice) .*") ? line.indexOf("::", 2) + 2 : line.length();
            out.append(line, 0, data).append(line.substring(data).replace("%0A", "\n").replace("%0D", "\r")
                    .replace("%25", "%")).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    /** github: the annotations whose message has a %, which Conftest mangles through Sprintf (docs/cli.md). */
    private static List<Integer> percentMessages(String format, String output) {
        List<Integer> lines = new ArrayList<>();
        String[] all = output.split("\n", -1);
        for (int i = 0; format.equals("github") && i < all.length; i++) {
            if (all[i].matches("::(error|warning|notice) .*") && all[i].indexOf('%', all[i].indexOf("::", 2)) >= 0) {
                lines.add(i);
            }
        }
        return lines;
    }

    /** The output with the messages of these annotation lines left out, the rest of those lines kept. */
    private static String messagesLeftOut(String output, List<Integer> lines) {
        String[] all = output.split("\n", -1);
        for (int i : lines) {
            if (i < all.length && all[i].indexOf("::", 2) > 0) {
                all[i] = all[i].substring(0, all[i].indexOf("::", 2) + 2) + "(a message with %)";
            }
        }
        return String.join("\n", all);
    }

    /** Conftest's output with its build's versions replaced by the Conftest version Paved records. */
    private static String versionsReplaced(String format, String output) {
        return switch (format) {
            case "junit" -> output.replaceAll("<property name=\"go\\.version\" value=\"[^\"]*\">",
                    "<property name=\"conftest.version\" value=\"0.71.1\">");
            case "sarif" -> output.replace("\"version\":\"dev\"}}", "\"version\":\"0.71.1\"}}");
            default -> output;
        };
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
