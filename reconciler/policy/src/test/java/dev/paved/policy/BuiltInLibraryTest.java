package dev.paved.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in library in rego/, compiled by the real opa to WebAssembly and evaluated in-process on Chicory with
 * Paved's host builtins, over the sample platform repo's declarations with the whole catalog as data.
 */
class BuiltInLibraryTest {

    private static final Path ROOT = Path.of("../..");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> KIND_TO_NAMESPACE = Map.of("Service", "paved.services",
            "Environment", "paved.environments", "Team", "paved.teams", "Resource", "paved.resources");

    private static CompiledPolicy compiled;
    private static List<JsonNode> declarations;
    private static String data;

    @BeforeAll
    static void compileLibraryAndLoadSample() throws IOException {
        compiled = new PolicyCompiler(OpaBinary.locate(System.getenv())).compile(ROOT.resolve("rego"));
        declarations = new ArrayList<>();
        YAMLMapper yaml = new YAMLMapper();
        Path sample = ROOT.resolve("sample-platform-repo");
        try (Stream<Path> files = Files.walk(sample)) {
            // the declarations as Paved reads them: templates/ holds golden-path templates, not declarations
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> !sample.relativize(f).startsWith("templates")).sorted().toList()) {
                try (var documents = yaml.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
                    documents.forEachRemaining(declarations::add);
                }
            }
        }
        ObjectNode catalog = JSON.createObjectNode();
        for (JsonNode declaration : declarations) {
            String kind = declaration.path("kind").asText().toLowerCase(Locale.ROOT) + "s";
            catalog.with(kind).set(declaration.path("metadata").path("name").asText(), declaration);
        }
        ObjectNode merged = (ObjectNode) JSON.readTree(compiled.data());
        merged.with("paved").set("catalog", catalog);
        data = JSON.writeValueAsString(merged);
    }

    private static List<JsonNode> denials(WasmPolicy policy, JsonNode declaration) throws IOException {
        String namespace = KIND_TO_NAMESPACE.get(declaration.path("kind").asText());
        List<JsonNode> results = new ArrayList<>();
        for (String rule : compiled.rules().getOrDefault(namespace, Map.of()).keySet()) {
            if (rule.startsWith("deny") || rule.startsWith("violation")) {
                String out = policy.evaluate(CompiledPolicy.entrypoint(namespace, rule),
                        JSON.writeValueAsString(declaration), data);
                for (JsonNode set : JSON.readTree(out)) {
                    set.path("result").forEach(results::add);
                }
            }
        }
        return results;
    }

    @Test
    void findsEveryConftestRuleOfEveryNamespace() {
        assertThat(compiled.rules()).containsKeys("paved.services", "paved.environments", "paved.teams",
                "paved.resources");
        assertThat(compiled.rules().get("paved.services")).containsEntry("deny_image_pinned", 1);
        assertThat(compiled.rules().values().stream().mapToInt(Map::size).sum()).isGreaterThanOrEqualTo(29);
    }

    @Test
    void theLibraryDoesNotReadDataConftestSoTheCatalogIsSentOncePerInstance() {
        assertThat(compiled.readsConftestData()).isFalse();
    }

    @Test
    void theSamplePlatformRepoPassesEveryDenyRule() throws IOException {
        try (WasmPolicy policy = new WasmPolicy(compiled, 2, WasmPolicy.DEFAULT_MAX_PAGES)) {
            for (JsonNode declaration : declarations) {
                assertThat(denials(policy, declaration)).as(declaration.path("metadata").path("name").asText())
                        .isEmpty();
            }
        }
    }

    @Test
    void anImageWithoutAPinnedVersionIsDeniedWithItsRuleId() throws IOException {
        ObjectNode service = (ObjectNode) declarations.stream()
                .filter(d -> d.path("metadata").path("name").asText().equals("payments-api")).findFirst()
                .orElseThrow().deepCopy();
        ((ObjectNode) service.at("/spec/workload/containers/0")).put("image",
                "registry.acme.example/payments/payments-api:latest");

        List<JsonNode> denied;
        try (WasmPolicy policy = new WasmPolicy(compiled, 1, WasmPolicy.DEFAULT_MAX_PAGES)) {
            denied = denials(policy, service);
        }

        assertThat(denied).singleElement().satisfies(result -> {
            assertThat(result.path("msg").asText()).contains("latest");
            assertThat(result.path("rule").asText()).startsWith("PAVED-SVC-");
        });
    }

    @Test
    void aPolicyNeedingABuiltinPavedDoesNotProvideIsRefusedWhenBuilt(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("policy.rego"), """
                package main

                deny contains msg if {
                    crypto.md5(input.name) == "x"
                    msg := "never"
                }
                """);

        assertThatThrownBy(() -> new PolicyCompiler(OpaBinary.locate(System.getenv())).compile(dir))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("builtins Paved does not provide: crypto.md5");
    }
}
