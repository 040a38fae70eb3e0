package dev.paved.policy.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.styra.opa.wasm.OpaPolicy;
import java.io.IOException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
  * The host builtins inside a real evaluation: a policy compiled by the real {@code opa build -t wasm}, run by
  * the OPA Java WebAssembly SDK on Chicory with {@link HostBuiltins#forSdk()}. Shows that sets and number text
  * survive the trip (the value dump), that a failing builtin makes its rule undefined, and what
  * {@link HostBuiltins#importedBy(byte[])} reads. Fails, naming the install command, when no {@code opa} is
  * installed (the parity test needs none).
  */
class SdkBridgeTest {

    private static final String POLICY = """
            package paved.hosttest

            formatted := sprintf("%v|%v|%d|%v", [{2, 1}, [1.0, {"b": 1, "a": "x"}], input.n, input.f])
            subset_sets := object.subset({1, 2, 3}, {1, 3})
            subset_array_empty_set := object.subset([], set())
            duration := time.parse_duration_ns(input.d)
            bad_duration := time.parse_duration_ns("nope")
            bytes := units.parse_bytes("8EiB")
            now := time.now_ns()
            same_now if time.now_ns() == time.now_ns()
            replaced := regex.replace("John Smith", `(?P<first>\\w+)\\s(?P<last>\\w+)`, "${last}, ${first}")
            parts := regex.split(`\\s*,\\s*`, input.csv)
            prefixed := strings.any_prefix_match({"a/b", "c/d"}, "c/")
            newer := semver.compare("1.10.0", "1.9.0")
            valid := semver.is_valid("v1.2.3")
            parsed := time.parse_rfc3339_ns("2024-01-15T10:30:00+02:00")
            yaml_text := yaml.marshal({"a": [1, 2]})
            """;

    private static final String NEEDS_MD5 = """
            package paved.md5
            digest := crypto.md5(input.s)
            trimmed := trim_space(input.s)
            """;

    private static Path opa;

    @BeforeAll
    static void findOpa() {
        opa = locateOpa();
        if (opa == null) {
            throw new IllegalStateException("opa is not installed: scripts/test installs it into .tools/bin (or run"
                    + " 'go install github.com/open-policy-agent/opa@v1.22.3' and put it on PATH, or set OPA)");
        }
    }

    @Test
    void evaluatesHostBuiltinsInsideWasm(@TempDir Path dir) throws Exception {
        byte[] wasm = compile(dir, POLICY, "paved/hosttest");
        var builtins = HostBuiltins.create(
                new EvaluationClock(Clock.fixed(Instant.parse("2024-01-15T10:30:00Z"), ZoneOffset.UTC)));
        var policy = OpaPolicy.builder().withPolicy(wasm).withDefaultBuiltins(false)
                .addBuiltins(builtins.forSdk()).build();

        builtins.startEvaluation();
        String json = policy.evaluate("{\"n\": 7, \"f\": 2.50, \"d\": \"1h30m\", \"csv\": \"a , b,c\"}");

        var result = new ObjectMapper().readTree(json).get(0).get("result");
        assertThat(result.get("formatted").textValue()).isEqualTo("{1, 2}|[1.0, {\"a\": \"x\", \"b\": 1}]|7|2.5");
        assertThat(result.get("subset_sets").booleanValue()).isTrue();
        assertThat(result.get("subset_array_empty_set").booleanValue()).isFalse();
        assertThat(result.get("duration").longValue()).isEqualTo(5_400_000_000_000L);
        assertThat(result.has("bad_duration")).as("a builtin error makes the rule undefined").isFalse();
        assertThat(result.get("bytes").bigIntegerValue()).hasToString("9223372036854775808");
        assertThat(result.get("now").longValue()).isEqualTo(1_705_314_600_000_000_000L);
        assertThat(result.get("same_now").booleanValue()).isTrue();
        assertThat(result.get("replaced").textValue()).isEqualTo("Smith, John");
        assertThat(result.get("parts")).hasToString("[\"a\",\"b\",\"c\"]");
        assertThat(result.get("prefixed").booleanValue()).isTrue();
        assertThat(result.get("newer").intValue()).isEqualTo(1);
        assertThat(result.get("valid").booleanValue()).isTrue();
        assertThat(result.get("parsed").longValue()).isEqualTo(1_705_307_400_000_000_000L);
        assertThat(result.get("yaml_text").textValue()).contains("a:");
    }

    @Test
    void readsWhichHostBuiltinsAModuleImports(@TempDir Path dir) throws Exception {
        byte[] hosted = compile(dir.resolve("hosted"), POLICY, "paved/hosttest");
        byte[] md5 = compile(dir.resolve("md5"), NEEDS_MD5, "paved/md5");

        assertThat(HostBuiltins.importedBy(hosted)).containsExactlyInAnyOrder("sprintf", "object.subset",
                "time.parse_duration_ns", "units.parse_bytes", "time.now_ns", "regex.replace", "regex.split",
                "strings.any_prefix_match", "semver.compare", "semver.is_valid", "time.parse_rfc3339_ns",
                "yaml.marshal");
        assertThat(HostBuiltins.missing(HostBuiltins.importedBy(hosted))).isEmpty();
        assertThat(HostBuiltins.importedBy(md5)).containsExactly("crypto.md5");
        assertThat(HostBuiltins.missing(HostBuiltins.importedBy(md5))).containsExactly("crypto.md5");
    }

    private static byte[] compile(Path dir, String rego, String entrypoint) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("policy.rego"), rego);
        run(dir, opa.toString(), "build", "-t", "wasm", "-e", entrypoint, "-o", "bundle.tar.gz", "policy.rego");
        run(dir, "tar", "-xzf", "bundle.tar.gz", "/policy.wasm");
        return Files.readAllBytes(dir.resolve("policy.wasm"));
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static Path locateOpa() {
        var candidates = new ArrayList<Path>();
        if (System.getenv("OPA") != null) {
            candidates.add(Path.of(System.getenv("OPA")));
        }
        candidates.add(Path.of("../../.tools/bin/opa"));
        for (var entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            candidates.add(Path.of(entry, "opa"));
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().map(Path::toAbsolutePath).orElse(null);
    }
}
