package dev.paved.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code data.conftest.file} as Conftest sets it, and the compile-time check that spares setting it (and
 * re-sending data per file) for policies that cannot read it.
 */
class ConftestFileDataTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/conftest");

    private static CompiledPolicy compile(String fixture) {
        return new PolicyCompiler(OpaBinary.locate(System.getenv())).compile(FIXTURES.resolve(fixture));
    }

    @Test
    void aPolicyReadingConftestFileSeesTheFileNameAndAbsoluteDirectory() {
        CompiledPolicy compiled = compile("file-info");
        assertThat(compiled.readsConftestData()).isTrue();
        try (WasmPolicy wasm = new WasmPolicy(compiled, 1, WasmPolicy.DEFAULT_MAX_PAGES)) {
            ConftestEvaluator conftest = new ConftestEvaluator(compiled, wasm);
            String data = "{\"limits\": {\"max\": 2}}";

            CheckResult secret = conftest.check("deploy/db.yaml", "main", "{\"kind\": \"Secret\"}", data);
            CheckResult busy = conftest.check("other.yaml", "main", "{\"replicas\": 5}", data);

            String dir = Path.of("deploy").toAbsolutePath().toString();
            assertThat(secret.failures()).extracting(PolicyResult::message).containsExactly("db.yaml in " + dir);
            assertThat(busy.warnings()).extracting(PolicyResult::message).containsExactly("limit 2");
        }
    }

    @Test
    void onlyPoliciesThatMayReadDataConftestGetIt() {
        assertThat(compile("exceptions").readsConftestData()).isFalse();
        assertThat(compile("dynamic-data").readsConftestData()).isTrue();
    }

    @Test
    void theDocumentsOfOneFileShareOneDataString() {
        ConftestFileData fileData = new ConftestFileData();
        String base = "{\"catalog\": {\"a\": 1}}";

        String first = fileData.with("a.yaml", base);
        String again = fileData.with("a.yaml", base);
        String other = fileData.with("b.yaml", base);

        assertThat(again).isSameAs(first);
        assertThat(other).isNotEqualTo(first).contains("\"catalog\":{\"a\":1}").contains("\"name\":\"b.yaml\"");
        assertThat(List.of(first, other)).allMatch(d -> d.contains("\"conftest\":{\"file\":"));
    }
}
