package dev.paved.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.core.testing.Golden;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code paved policy test}, a drop-in for {@code conftest test}, with the real opa and wasm on Chicory. */
class PolicyTestCommandTest {

    private static final Path FIXTURE = Golden.sourceResource("fixtures/policy-test");
    private static final Path GOLDEN = Golden.sourceResource("golden/policy-test");

    private static ValidateCommandTest.Run test(String... extra) {
        String[] args = new String[extra.length + 6];
        args[0] = "policy";
        args[1] = "test";
        args[2] = "-p";
        args[3] = FIXTURE.resolve("policy").toString();
        args[4] = FIXTURE.resolve("apps.yaml").toString();
        args[5] = FIXTURE.resolve("clean.json").toString();
        System.arraycopy(extra, 0, args, 6, extra.length);
        return ValidateCommandTest.run(args);
    }

    @Test
    void failuresWarningsAndExceptionsAsConftestReportsThem() {
        ValidateCommandTest.Run stdout = test("--no-color");
        ValidateCommandTest.Run json = test("-o", "json");

        assertThat(stdout.exitCode()).as(stdout.err()).isEqualTo(ExitCodes.FINDINGS);
        Golden.assertMatches(GOLDEN.resolve("stdout.txt"), stdout.out().replace(FIXTURE.toString(), "FIXTURE"));
        Golden.assertMatches(GOLDEN.resolve("results.json"), json.out().replace(FIXTURE.toString(), "FIXTURE"));
    }

    @Test
    void exitCodesFollowConftest() {
        assertThat(test("--no-fail").exitCode()).isEqualTo(ExitCodes.OK);
        ValidateCommandTest.Run clean = ValidateCommandTest.run("policy", "test", "--no-color", "-p",
                FIXTURE.resolve("policy").toString(), FIXTURE.resolve("clean.json").toString());
        assertThat(clean.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(clean.out()).isEqualTo("\n4 tests, 4 passed, 0 warnings, 0 failures, 0 exceptions\n");
    }

    @Test
    void stdoutIsColouredAsConftestColoursItUnlessTurnedOff() {
        String red = "\u001b[31m";

        assertThat(test().out()).contains(red + "FAIL\u001b[0m - ").contains("\u001b[33mWARN\u001b[0m - ")
                .endsWith(red + "12 tests, 8 passed, 1 warning, 2 failures, 1 exception\u001b[0m\n");
        assertThat(test("--no-color").out()).doesNotContain("\u001b[");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Terminal noColour = new Terminal(new PrintWriter(out), new PrintWriter(err), Map.of("NO_COLOR", "1"), true);
        ValidateCommandTest.run(noColour, out, err, "policy", "test", "-p", FIXTURE.resolve("policy").toString(),
                FIXTURE.resolve("apps.yaml").toString());
        assertThat(out.toString()).contains("FAIL - ").doesNotContain("\u001b[");
    }

    @Test
    void aPullRequestCommentInMarkdown() {
        ValidateCommandTest.Run markdown = test("-o", "markdown");

        assertThat(markdown.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        Golden.assertMatches(GOLDEN.resolve("comment.md"), markdown.out().replace(FIXTURE.toString(), "FIXTURE"));
    }

    @Test
    void anUnknownFormatIsAUsageErrorThatListsTheFormats() {
        ValidateCommandTest.Run result = test("-o", "xml");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("unknown output format 'xml': use one of stdout, json, tap, table, junit,"
                + " github, azuredevops, sarif, markdown");
    }

    @Test
    void aMissingPolicyDirectoryIsAnErrorWithConftestsExitCode() {
        ValidateCommandTest.Run result = ValidateCommandTest.run("policy", "test", "-p", "/nonexistent/policies",
                FIXTURE.resolve("clean.json").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("/nonexistent/policies");
    }

    private static final Path PARITY = Golden.sourceResource("fixtures/conftest-parity");

    @Test
    void anInvalidYamlFileIsAnErrorNamingFileAndLine() throws Exception {
        Path broken = Files.createTempFile("paved-broken", ".yaml");
        try {
            Files.writeString(broken, "kind: Pod\n---\nspec:\n  image: nginx\n   tag: [unclosed\n");
            ValidateCommandTest.Run result = ValidateCommandTest.run("policy", "test", "-p",
                    PARITY.resolve("invalid-yaml/policy").toString(), broken.toString());

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.out()).isEmpty();
            assertThat(result.err()).startsWith("paved: parse " + broken + ":5:").doesNotContain("\tat ");
        } finally {
            Files.delete(broken);
        }
    }

    @Test
    void aRegoSyntaxErrorIsAnErrorNamingFileAndLine() {
        ValidateCommandTest.Run result = ValidateCommandTest.run("policy", "test", "-p",
                PARITY.resolve("rego-syntax-error/policy").toString(),
                PARITY.resolve("rego-syntax-error/pod.yaml").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("policy.rego:").contains("rego_parse_error").doesNotContain("\tat ");
    }

    @Test
    void aSyntaxErrorInOneOfSeveralPolicyDirectoriesNamesTheOriginalFile() {
        Path broken = PARITY.resolve("rego-syntax-error/policy");
        ValidateCommandTest.Run result = ValidateCommandTest.run("policy", "test", "-p",
                PARITY.resolve("no-fail/policy").toString(), "-p", broken.toString(),
                PARITY.resolve("rego-syntax-error/pod.yaml").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains(broken.resolve("policy.rego") + ":8:1: rego_parse_error").doesNotContain("paved-policies");
    }

    @Test
    void aDirectoryWithAFileConftestWouldParseButPavedCannotIsAnError(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("app.yaml"), "spec: {image: nginx}\n");
        Files.writeString(dir.resolve("main.tf"), "resource \"x\" \"y\" {}\n");
        Files.writeString(dir.resolve("README.md"), "not an input, for either tool\n");

        ValidateCommandTest.Run result = ValidateCommandTest.run("policy", "test", "-p",
                PARITY.resolve("no-fail/policy").toString(), dir.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains(dir.resolve("main.tf").toString()).contains("Paved reads YAML and JSON")
                .doesNotContain("README");
    }
}
