package dev.paved.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Conftest's verdicts and counts, on a policy compiled by the real opa and run on Chicory. */
class ConftestEvaluatorTest {

    private static CompiledPolicy compiled;
    private static WasmPolicy wasm;
    private static ConftestEvaluator conftest;

    @BeforeAll
    static void compile() {
        compiled = new PolicyCompiler(OpaBinary.locate(System.getenv()))
                .compile(Path.of("src/test/resources/fixtures/conftest/exceptions"));
        wasm = new WasmPolicy(compiled, 2, WasmPolicy.DEFAULT_MAX_PAGES);
        conftest = new ConftestEvaluator(compiled, wasm);
    }

    @AfterAll
    static void close() {
        wasm.close();
    }

    private static CheckResult check(String input) {
        return conftest.check("app.yaml", "main", input, "{}");
    }

    @Test
    void countsEveryDefinitionOfARuleAsConftestDoes() {
        assertThat(compiled.rules().get("main")).containsEntry("deny_root", 2).containsEntry("deny_latest", 1)
                .containsEntry("warn_replicas", 1).containsEntry("exception", 1);

        CheckResult clean = check("{\"name\": \"api\", \"image\": \"api:1.0\", \"user\": \"app\", \"replicas\": 3}");

        assertThat(clean.failures()).isEmpty();
        assertThat(clean.warnings()).isEmpty();
        assertThat(clean.successes()).isEqualTo(4);
    }

    @Test
    void stringAndObjectResultsAreFailuresAndWarnings() {
        CheckResult result = check("{\"name\": \"api\", \"image\": \"api:latest\", \"user\": \"root\", \"uid\": 0,"
                + " \"replicas\": 1}");

        assertThat(result.failures()).extracting(PolicyResult::message)
                .containsExactlyInAnyOrder("api uses the latest tag", "runs as root", "uid 0");
        assertThat(result.failures()).filteredOn(r -> r.message().equals("runs as root"))
                .singleElement().satisfies(r -> assertThat(r.text("rule")).isEqualTo("SEC-1"));
        assertThat(result.warnings()).extracting(PolicyResult::message).containsExactly("1 replica(s) only");
        assertThat(result.successes()).isZero();
    }

    @Test
    void anExceptionExemptsTheRuleItNamesWithoutItsPrefix() {
        CheckResult result = check("{\"name\": \"legacy\", \"image\": \"legacy:latest\", \"user\": \"app\","
                + " \"replicas\": 2}");

        assertThat(result.failures()).isEmpty();
        assertThat(result.exceptions()).containsExactly("deny_latest");
        assertThat(result.successes()).isEqualTo(3);
    }
}
