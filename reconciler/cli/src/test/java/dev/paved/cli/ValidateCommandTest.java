package dev.paved.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.core.testing.Golden;
import dev.paved.core.testing.RepoFixture;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End to end through the command line: {@code paved validate} on the sample platform repo and on broken
 * copies of it (fixtures/sample-broken/CASE edits the sample repo), compared with golden output.
 */
class ValidateCommandTest {

    static final Path SAMPLE_REPO = Path.of(System.getProperty("paved.repoRoot", "../.."))
            .resolve("sample-platform-repo");
    private static final Path BROKEN = Golden.sourceResource("fixtures/sample-broken");
    private static final Path GOLDEN = Golden.sourceResource("golden/validate");

    @TempDir
    Path temp;

    record Run(int exitCode, String out, String err) {
    }

    static Run run(Terminal terminal, StringWriter out, StringWriter err, String... args) {
        int code = Main.execute(terminal, args);
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * Compiled repo policies (the sample's policy/) are cached here, shared by every test of the module, as a
     * person's cache is shared by their runs: each run would otherwise compile them with opa again.
     */
    static final Map<String, String> CACHED_POLICIES = Map.of("PAVED_CACHE_DIR",
            Path.of("target", "test-policy-cache").toAbsolutePath().toString());

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        return run(new Terminal(new PrintWriter(out), new PrintWriter(err), CACHED_POLICIES, false), out, err, args);
    }

    @Test
    void theSamplePlatformRepoIsValid() {
        Run text = run("validate", SAMPLE_REPO.toString());
        Run json = run("validate", SAMPLE_REPO.toString(), "-o", "json");

        assertThat(text.exitCode()).isZero();
        assertThat(json.exitCode()).isZero();
        assertThat(text.err()).isEmpty();
        Golden.assertMatches(GOLDEN.resolve("sample.txt"), text.out());
        Golden.assertMatches(GOLDEN.resolve("sample.json"), json.out());
    }

    static Stream<String> brokenCases() throws IOException {
        try (Stream<Path> dirs = Files.list(BROKEN)) {
            return dirs.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCases")
    void aBrokenCopyIsReportedWithFileLineAndRule(String name) {
        Path repo = RepoFixture.build(SAMPLE_REPO, BROKEN.resolve(name), temp.resolve("repo"));

        Run text = run("validate", repo.toString());
        Run json = run("validate", repo.toString(), "--output=json");

        boolean warningsOnly = name.equals("warnings-only");
        assertThat(text.exitCode()).isEqualTo(warningsOnly ? ExitCodes.OK : ExitCodes.FINDINGS);
        assertThat(json.exitCode()).isEqualTo(text.exitCode());
        Golden.assertMatches(GOLDEN.resolve(name + ".txt"), text.out());
        Golden.assertMatches(GOLDEN.resolve(name + ".json"), json.out());
    }

    @Test
    void failOnWarnTurnsWarningsIntoAFailure() {
        Path repo = RepoFixture.build(SAMPLE_REPO, BROKEN.resolve("warnings-only"), temp.resolve("repo"));

        assertThat(run("validate", repo.toString(), "--fail-on-warn").exitCode()).isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void aPathThatDoesNotExistCannotBeValidated() {
        Run result = run("validate", temp.resolve("nowhere").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("nowhere: no such directory");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Run result = run("validate", "--frobnicate");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Unknown option: '--frobnicate'");
    }

    @Test
    void colourOnlyOnATerminalAndNeverWithNoColor() {
        Path repo = RepoFixture.build(SAMPLE_REPO, BROKEN.resolve("owner-typo"), temp.resolve("repo"));
        String esc = "\u001b[";

        assertThat(runOn(Map.of(), true, repo).out()).contains(esc);
        assertThat(runOn(Map.of("NO_COLOR", "1"), true, repo).out()).doesNotContain(esc);
        assertThat(runOn(Map.of("TERM", "dumb"), true, repo).out()).doesNotContain(esc);
        assertThat(runOn(Map.of(), false, repo).out()).doesNotContain(esc);
        assertThat(runOn(Map.of(), false, repo, "--color=always").out()).contains(esc);
        assertThat(runOn(Map.of(), true, repo, "--color=never").out()).doesNotContain(esc);
    }

    private static Run runOn(Map<String, String> env, boolean interactive, Path repo, String... extra) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> withCache = new HashMap<>(CACHED_POLICIES);
        withCache.putAll(env);
        Terminal terminal = new Terminal(new PrintWriter(out), new PrintWriter(err), withCache, interactive);
        String[] args = Stream.concat(Stream.of("validate", repo.toString()), Stream.of(extra)).toArray(String[]::new);
        return run(terminal, out, err, args);
    }

    @Test
    void loadLimitsAreConfigurable() {
        Run result = run("validate", SAMPLE_REPO.toString(), "--max-file-size", "200");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(result.out()).contains("load.file-too-large").contains("over the limit of 200 bytes");
    }
}
