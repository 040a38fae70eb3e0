package dev.paved.policy.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.policy.CheckResult;
import dev.paved.policy.PolicyResult;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The renderers on hand-made results, for the cases the Conftest parity test's fixtures do not reach; what they
 * print for real policies is compared with the real Conftest in the cli module's ConftestParityTest.
 */
class OutputFormatTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RenderOptions PLAIN = new RenderOptions(false, Path.of("/work"));

    private static PolicyResult result(String rule, String message, String metadata) {
        return new PolicyResult(rule, message, (ObjectNode) JSON.readTree(metadata));
    }

    private static CheckResult check(String file, int successes, List<PolicyResult> failures,
                                     List<PolicyResult> warnings, List<String> exceptions) {
        return new CheckResult(file, "main", successes, failures, warnings, exceptions);
    }

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void everyFormatRendersNoResults(OutputFormat format) {
        String out = format.render(List.of(), PLAIN);

        switch (format) {
            case STDOUT -> assertThat(out).isEqualTo("\n0 tests, 0 passed, 0 warnings, 0 failures, 0 exceptions\n");
            case JSON -> assertThat(out).isEqualTo("[]\n");
            case TAP, TABLE -> assertThat(out).isEmpty();
            case JUNIT -> assertThat(out).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<testsuites></testsuites>\n");
            case GITHUB, AZUREDEVOPS -> assertThat(out)
                    .isEqualTo("0 tests, 0 passed, 0 warnings, 0 failures, 0 exceptions\n");
            case SARIF -> assertThat(out).contains("\"rules\":null").contains("\"results\":[]")
                    .contains("\"exitCode\":0,\"exitCodeDescription\":\"No policy violations found\"");
            case MARKDOWN -> assertThat(out).isEqualTo("### ✅ Policy check passed\n\n"
                    + "0 tests, 0 passed, 0 warnings, 0 failures, 0 exceptions in 0 files.\n");
        }
    }

    @Test
    void formatsAreNamedAsConftestNamesThem() {
        assertThat(OutputFormat.ids()).isEqualTo("stdout, json, tap, table, junit, github, azuredevops, sarif, markdown");
        assertThat(OutputFormat.of("azuredevops")).isEqualTo(OutputFormat.AZUREDEVOPS);
        assertThatThrownBy(() -> OutputFormat.of("JSON")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown output format 'JSON': use one of " + OutputFormat.ids());
    }

    @Test
    void metadataObjectsAreSortedAndEscapedAsGoWritesThem() {
        PolicyResult failure = result("deny_x", "a <b> & c", """
                {"z": 1, "a": {"y": [2.5, true, null], "b": "\\u2028"}, "_loc": {"file": "f.yaml", "line": 7}}""");
        String json = OutputFormat.JSON.render(List.of(check("f.yaml", 0, List.of(failure), List.of(), List.of())),
                PLAIN);

        assertThat(json).isEqualTo("""
                [
                \t{
                \t\t"filename": "f.yaml",
                \t\t"namespace": "main",
                \t\t"successes": 0,
                \t\t"failures": [
                \t\t\t{
                \t\t\t\t"msg": "a \\u003cb\\u003e \\u0026 c",
                \t\t\t\t"loc": {
                \t\t\t\t\t"file": "f.yaml",
                \t\t\t\t\t"line": 7
                \t\t\t\t},
                \t\t\t\t"metadata": {
                \t\t\t\t\t"a": {
                \t\t\t\t\t\t"b": "\\u2028",
                \t\t\t\t\t\t"y": [
                \t\t\t\t\t\t\t2.5,
                \t\t\t\t\t\t\ttrue,
                \t\t\t\t\t\t\tnull
                \t\t\t\t\t\t]
                \t\t\t\t\t},
                \t\t\t\t\t"query": "data.main.deny_x",
                \t\t\t\t\t"z": 1
                \t\t\t\t}
                \t\t\t}
                \t\t]
                \t}
                ]
                """);
    }

    @Test
    void onlyWarningsColourTheSummaryYellow() {
        CheckResult warned = check("a.yaml", 1, List.of(), List.of(result("warn", "careful", "{}")), List.of());

        assertThat(OutputFormat.STDOUT.render(List.of(warned), PLAIN.withColour(true))).isEqualTo(
                "\u001b[33mWARN\u001b[0m - a.yaml - main - careful\n\n"
                        + "\u001b[33m2 tests, 1 passed, 1 warning, 0 failures, 0 exceptions\u001b[0m\n");
        assertThat(OutputFormat.MARKDOWN.render(List.of(warned), PLAIN)).startsWith(
                "### ⚠️ Policy check passed with 1 warning\n");
    }

    @Test
    void exceptionsAreReportedByTheQueryThatFoundThem() {
        CheckResult excepted = check("a.yaml", 2, List.of(), List.of(), List.of("deny_latest", "warn_owner", "deny"));

        assertThat(OutputFormat.TAP.render(List.of(excepted), PLAIN)).isEqualTo("""
                1..5
                # exceptions
                ok 1 - a.yaml - main - data.main.exception[_][_] == "latest"
                ok 2 - a.yaml - main - data.main.exception[_][_] == "owner"
                ok 3 - a.yaml - main - data.main.exception[_][_] == ""
                # successes
                ok 4 - a.yaml - main - SUCCESS
                ok 5 - a.yaml - main - SUCCESS
                """);
        assertThat(OutputFormat.SARIF.render(List.of(excepted), PLAIN))
                .contains("{\"id\":\"main/allow\",\"shortDescription\":{\"text\":\"Policy exception\"}}")
                .contains("\"ruleId\":\"main/success\"");
    }

    @Test
    void githubKeepsAPercentAndAMultiLineMessageInOneAnnotation() {
        PolicyResult failure = result("deny", "100% of\nreplicas", "{\"_loc\": {\"file\": \"/work/other,x.yaml\","
                + " \"line\": 4}}");
        String out = OutputFormat.GITHUB.render(List.of(check("a.yaml", 0, List.of(failure), List.of(), List.of())),
                PLAIN);

        assertThat(out).isEqualTo("""
                ::group::Testing "a.yaml" against 1 policies in namespace "main"
                ::error file=other%2Cx.yaml,line=4::100%25 of%0Areplicas
                ::error file=a.yaml,line=1::(ORIGINATING FROM other,x.yaml L4) 100%25 of%0Areplicas
                ::notice file=a.yaml,line=1::Number of successful checks: 0
                ::endgroup::
                1 test, 0 passed, 0 warnings, 1 failure, 0 exceptions
                """);
    }

    @Test
    void junitEscapesAsGoAndNamesATestByTheFirstLine() {
        PolicyResult failure = result("deny", "a \"b\"\n\tc", "{}");
        String out = OutputFormat.JUNIT.render(List.of(check("a.yaml", 1, List.of(failure), List.of(), List.of())),
                PLAIN);

        assertThat(out).contains("<testsuite tests=\"2\" failures=\"1\" time=\"0.000\" name=\"conftest.main\">")
                .contains("<testcase classname=\"conftest.main\" name=\"a.yaml - a &#34;b&#34;\" time=\"0.000\">\n"
                        + "\t\t\t<failure message=\"Failed\" type=\"\">a &#34;b&#34;&#xA;&#x9;c</failure>")
                .contains("<testcase classname=\"conftest.main\" name=\"a.yaml\" time=\"0.000\"></testcase>");
    }

    @Test
    void tableCellsSpreadOverLinesAndWideCharactersTakeTwoColumns() {
        PolicyResult failure = result("deny", "所有者\n\tsecond", "{}");
        String out = OutputFormat.TABLE.render(List.of(check("a.yaml", 0, List.of(failure), List.of(), List.of())),
                PLAIN);

        assertThat(out).isEqualTo("""
                ┌─────────┬────────┬───────────┬────────────────┐
                │ RESULT  │  FILE  │ NAMESPACE │    MESSAGE     │
                ├─────────┼────────┼───────────┼────────────────┤
                │ failure │ a.yaml │ main      │ 所有者         │
                │         │        │           │         second │
                └─────────┴────────┴───────────┴────────────────┘
                """);
    }

    @Test
    void markdownShowsFailuresThenWarningsWithEscapedText() {
        List<CheckResult> results = List.of(
                check("apps|prod.yaml", 3, List.of(result("deny_image", "uses `latest` | <script>\nsee *docs*",
                        "{\"rule\": \"IMG-1\", \"_loc\": {\"file\": \"apps|prod.yaml\", \"line\": 12}}")),
                        List.of(result("warn", "few replicas", "{}")), List.of()),
                check("db.yaml", 1, List.of(result("violation_owner", "no owner", "{\"id\": \"OWN_2\"}")), List.of(),
                        List.of("deny_size")));

        assertThat(OutputFormat.MARKDOWN.render(results, PLAIN)).isEqualTo("""
                ### ❌ Policy check failed: 2 failures, 1 warning

                8 tests, 4 passed, 1 warning, 2 failures, 1 exception in 2 files.

                | Result | File | Namespace | Rule | Message |
                |---|---|---|---|---|
                | ❌ failure | apps\\|prod.yaml:12 | `main` | `deny_image` IMG-1 | uses \\`latest\\` \\| &lt;script&gt;<br>see \\*docs\\* |
                | ❌ failure | db.yaml | `main` | `violation_owner` OWN\\_2 | no owner |
                | ⚠️ warning | apps\\|prod.yaml | `main` | `warn` | few replicas |

                <details><summary>1 exception exempted a rule</summary>

                | File | Namespace | Rule |
                |---|---|---|
                | db.yaml | `main` | `deny_size` |

                </details>
                """);
    }

    @Test
    void markdownShowsAtMostAHundredRows() {
        List<PolicyResult> failures = Stream.iterate(0, i -> i + 1).limit(MarkdownRenderer.MAX_ROWS + 5)
                .map(i -> result("deny", "failure " + i, "{}")).toList();
        String out = OutputFormat.MARKDOWN.render(List.of(check("a.yaml", 0, failures, List.of(), List.of())), PLAIN);

        assertThat(out.lines().filter(line -> line.startsWith("| ❌"))).hasSize(MarkdownRenderer.MAX_ROWS);
        assertThat(out).endsWith("\n… and 5 more (see the job's log).\n");
    }
}
