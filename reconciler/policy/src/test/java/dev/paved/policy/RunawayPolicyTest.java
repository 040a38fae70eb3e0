package dev.paved.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A runaway policy fails its evaluation, bounded in time and memory, and the policy stays usable. */
class RunawayPolicyTest {

    private static WasmPolicy wasm;
    private static WasmPolicy small;

    @BeforeAll
    static void compile() {
        CompiledPolicy compiled = new PolicyCompiler(OpaBinary.locate(System.getenv()))
                .compile(Path.of("src/test/resources/fixtures/conftest/runaway"));
        wasm = new WasmPolicy(compiled, 1, WasmPolicy.DEFAULT_MAX_PAGES, Duration.ofMillis(500));
        small = new WasmPolicy(compiled, 1, 512, Duration.ofSeconds(30));
    }

    @AfterAll
    static void close() {
        wasm.close();
        small.close();
    }

    @Test
    void anEvaluationThatRunsTooLongIsStopped() {
        assertThatThrownBy(() -> wasm.evaluate("main/deny_forever", "{\"mode\": \"cpu\"}", "{}"))
                .isInstanceOf(PolicyException.class)
                .hasMessage("evaluate main/deny_forever: stopped after 500 ms, the bound on one evaluation");
        assertThat(Thread.currentThread().isInterrupted()).as("the watchdog's interrupt is cleared").isFalse();
        assertThat(wasm.evaluate("main/warn_fine", "{\"mode\": \"fine\"}", "{}")).contains("fine");
    }

    @Test
    void anEvaluationThatNeedsTooMuchMemoryIsStopped() {
        assertThatThrownBy(() -> small.evaluate("main/deny_hungry", "{\"mode\": \"memory\"}", "{}"))
                .isInstanceOf(PolicyException.class)
                .hasMessage("evaluate main/deny_hungry: ran out of its 32 MiB of memory");
        assertThat(small.evaluate("main/warn_fine", "{\"mode\": \"fine\"}", "{}")).contains("fine");
    }
}
