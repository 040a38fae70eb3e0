package dev.paved.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundles of policies compiled by the real opa: written, read back, and refused when they are not Paved's. */
class PolicyBundleTest {

    private static final Path SOURCES = Path.of("src/test/resources/fixtures/conftest/exceptions");

    private static OpaBinary opa;
    private static PolicyBundle bundle;

    @TempDir
    Path temp;

    @BeforeAll
    static void build() {
        opa = OpaBinary.locate(System.getenv());
        bundle = new BundleBuilder(opa).build(SOURCES);
    }

    @Test
    void aBundleReadsBackAsWrittenAndEvaluatesTheSame() throws IOException {
        PolicyBundle read = BundleReader.read(new ByteArrayInputStream(BundleWriter.write(bundle)), "test");

        assertThat(read.policy().wasm()).isEqualTo(bundle.policy().wasm());
        assertThat(read.policy().rules()).isEqualTo(bundle.policy().rules())
                .containsEntry("main", Map.of("deny_latest", 1, "deny_root", 2, "warn_replicas", 1, "exception", 1));
        assertThat(read.policy().data()).isEqualTo(bundle.policy().data());
        assertThat(read.policy().readsConftestData()).isEqualTo(bundle.policy().readsConftestData());
        assertThat(read.sourceHash()).isEqualTo(PolicySources.hash(SOURCES)).startsWith("sha256:");
        assertThat(read.opaVersion()).isEqualTo(opa.version()).isEqualTo(OpaBinary.VERSION);
        String input = "{\"name\": \"api\", \"image\": \"api:latest\", \"user\": \"root\", \"replicas\": 1}";
        assertThat(check(read.policy(), input)).isEqualTo(check(bundle.policy(), input)).contains("latest tag");
    }

    @Test
    void theSameBundleIsTheSameBytes() throws IOException {
        assertThat(BundleWriter.write(bundle)).isEqualTo(BundleWriter.write(bundle));
    }

    @Test
    void opaReadsTheBundleAndItsManifestCarriesPavedsMetadata() throws IOException {
        Path file = temp.resolve("policy.tar.gz");
        Files.write(file, BundleWriter.write(bundle));

        String inspected = opa.run(temp, List.of("inspect", "--format", "json", file.toString()))
                .replaceAll("\\s", "");

        assertThat(inspected).contains("\"formatVersion\":2").contains("\"regoVersion\":\"v1\"")
                .contains("\"opaVersion\":\"" + OpaBinary.VERSION + "\"").contains(bundle.sourceHash())
                .contains("main/deny_root");
    }

    @Test
    void aDamagedBundleIsRefusedWithAClearError() throws IOException {
        byte[] bytes = BundleWriter.write(bundle);
        byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x55;

        for (byte[] damaged : List.of(truncated, flipped, "not a bundle".getBytes(StandardCharsets.UTF_8))) {
            assertThatThrownBy(() -> BundleReader.read(new ByteArrayInputStream(damaged), "b.tar.gz"))
                    .isInstanceOf(InvalidBundleException.class)
                    .hasMessageStartingWith("b.tar.gz: not a policy bundle, or a damaged one")
                    .hasMessageContaining("paved policy build");
        }
    }

    @Test
    void anOpaBundleThatPavedDidNotBuildIsRefused() throws IOException {
        Path built = temp.resolve("opa.tar.gz");
        opa.run(SOURCES, List.of("build", "-t", "wasm", "-e", "main/deny_root", "-o", built.toString(), "."));

        assertThatThrownBy(() -> BundleReader.read(built))
                .isInstanceOf(InvalidBundleException.class)
                .hasMessageContaining("an OPA bundle that Paved did not build (no metadata.paved");
    }

    @Test
    void aBundleOfAnotherFormatVersionIsRefused() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>(Tar.read(
                new ByteArrayInputStream(BundleWriter.write(bundle)), Long.MAX_VALUE));
        String manifest = new String(files.get(".manifest"), StandardCharsets.UTF_8);
        files.put(".manifest", manifest.replace("\"formatVersion\":2", "\"formatVersion\":99")
                .getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> BundleReader.read(new ByteArrayInputStream(Tar.write(files)), "old.tar.gz"))
                .isInstanceOf(InvalidBundleException.class)
                .hasMessage("old.tar.gz: bundle format version 99, but this Paved reads version 2; build it again"
                        + " with this Paved: paved policy build");
    }

    @Test
    void theSourceHashCoversModulesDataAndTests() throws IOException {
        Path copy = temp.resolve("policy");
        Files.createDirectories(copy);
        Files.copy(SOURCES.resolve("policy.rego"), copy.resolve("policy.rego"));
        String before = PolicySources.hash(copy);

        assertThat(PolicySources.hash(copy)).isEqualTo(before);
        Files.writeString(copy.resolve("policy_test.rego"), "package main_test\n");
        assertThat(PolicySources.hash(copy)).isNotEqualTo(before);
        before = PolicySources.hash(copy);

        Files.writeString(copy.resolve("data.yaml"), "limits: {replicas: 2}\n");
        String withData = PolicySources.hash(copy);
        assertThat(withData).isNotEqualTo(before);

        Files.writeString(copy.resolve("policy.rego"), Files.readString(copy.resolve("policy.rego")) + "\n");
        assertThat(PolicySources.hash(copy)).isNotEqualTo(withData);
    }

    @Test
    void theBuiltInLibraryOnTheClassPathIsBuiltFromTheCurrentRegoSources() {
        PolicyBundle library = BuiltInLibrary.load();

        assertThat(library.sourceHash()).isEqualTo(PolicySources.hash(Path.of("../../rego")));
        assertThat(library.opaVersion()).isEqualTo(OpaBinary.VERSION);
        assertThat(library.policy().rules()).hasEntrySatisfying("paved.lib", rules -> assertThat(rules).isEmpty())
                .hasEntrySatisfying("paved.services", rules -> assertThat(rules).containsKey("deny_image_pinned"));
    }

    private static String check(CompiledPolicy policy, String input) {
        try (WasmPolicy wasm = new WasmPolicy(policy, 1, WasmPolicy.DEFAULT_MAX_PAGES)) {
            return new ConftestEvaluator(policy, wasm).check("app.yaml", "main", input, policy.data()).toString();
        }
    }
}
