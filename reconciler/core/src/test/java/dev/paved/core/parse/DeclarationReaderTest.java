package dev.paved.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.core.finding.Finding;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeclarationReaderTest {

    private final DeclarationReader reader = new DeclarationReader(LoadLimits.DEFAULTS);

    private static final String SERVICE = """
            # yaml-language-server: $schema=paved.schema.json
            apiVersion: paved.dev/v1alpha1
            kind: Service
            metadata:
              name: payments
            spec:
              owner: payments
              dependencies:
                - name: db
                  type: postgres
                - name: ledger
                  service: ledger
              deployments:
                prod:
                  replicas: 3
            """;

    private FileDeclarations read(String yaml) {
        return reader.read("services/x.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keepsThePositionOfEveryNode() {
        FileDeclarations file = read(SERVICE);

        assertThat(file.findings()).isEmpty();
        Declaration service = file.declarations().get(0);
        assertThat(service.kind()).isEqualTo(Kind.SERVICE);
        assertThat(service.name()).isEqualTo("payments");
        assertThat(service.location().line()).isEqualTo(2);
        assertThat(service.locate("/spec/owner")).satisfies(at -> {
            assertThat(at.line()).isEqualTo(7);
            assertThat(at.column()).isEqualTo(10);
        });
        assertThat(service.locate("/spec/dependencies/1/service").toString()).isEqualTo("services/x.yaml:12:16");
        assertThat(service.locate("/spec/dependencies/1").line()).isEqualTo(11);
        // a mapping that is the value of a key is located at the key
        assertThat(service.locate("/spec/deployments/prod").toString()).isEqualTo("services/x.yaml:14:5");
        assertThat(service.locate("/spec/deployments/prod/replicas").toString()).isEqualTo("services/x.yaml:15:17");
        // a node that does not exist is located at its nearest ancestor
        assertThat(service.locate("/spec/deployments/prod/env/X").line()).isEqualTo(14);
    }

    @Test
    void readsEveryDocumentOfAFileWithItsIndex() {
        String two = SERVICE + "---\n" + SERVICE.replace("name: payments\n", "name: refunds\n") + "---\n";

        FileDeclarations file = read(two);

        assertThat(file.findings()).isEmpty();
        assertThat(file.declarations()).extracting(Declaration::name).containsExactly("payments", "refunds");
        Declaration second = file.declarations().get(1);
        assertThat(second.document()).isEqualTo(1);
        assertThat(second.locate("/metadata/name").line()).isEqualTo(21);
    }

    @Test
    void expandsAnchorsAliasesAndMergeKeys() {
        String yaml = """
                apiVersion: paved.dev/v1alpha1
                kind: Environment
                metadata:
                  name: prod
                spec:
                  defaults: &defaults
                    replicas: 2
                    env:
                      LOG_LEVEL: info
                  other:
                    <<: *defaults
                    replicas: 5
                  copy: *defaults
                """;

        Declaration environment = read(yaml).declarations().get(0);

        assertThat(environment.spec().path("other").path("replicas").asInt()).isEqualTo(5);
        assertThat(environment.spec().path("other").path("env").path("LOG_LEVEL").asString()).isEqualTo("info");
        assertThat(environment.spec().path("copy").path("replicas").asInt()).isEqualTo(2);
        assertThat(environment.locate("/spec/copy").line()).isEqualTo(13);
    }

    @Test
    void skipsEmptyDocuments() {
        FileDeclarations file = read("---\n# nothing here\n---\n" + SERVICE);

        assertThat(file.findings()).isEmpty();
        assertThat(file.declarations()).hasSize(1);
    }

    static Stream<Arguments> refusedInputs() {
        String deepFlow = "apiVersion: paved.dev/v1alpha1\nkind: Service\nspec: " + "[".repeat(80) + "]".repeat(80);
        StringBuilder bomb = new StringBuilder("apiVersion: paved.dev/v1alpha1\nkind: Service\n");
        bomb.append("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            bomb.append("]\n");
        }
        return Stream.of(
                Arguments.of("duplicate key", "apiVersion: paved.dev/v1alpha1\nkind: Team\nmetadata:\n  name: a\n"
                        + "  name: b\n", "load.duplicate-key", "services/x.yaml:5:3", "duplicate key 'name'"),
                Arguments.of("duplicate merge key", "apiVersion: paved.dev/v1alpha1\nkind: Team\nbase: &b {x: 1}\n"
                        + "spec:\n  <<: *b\n  <<: *b\n", "load.duplicate-key", "services/x.yaml:6:3",
                        "duplicate key '<<'"),
                Arguments.of("alias bomb", bomb.toString(), "load.too-many-nodes", "services/x.yaml:", "alias"),
                Arguments.of("deep nesting", deepFlow, "load.too-deep", "services/x.yaml:3:", "deeper than 64"),
                Arguments.of("not a mapping", "- a\n- b\n", "load.not-a-mapping", "services/x.yaml:1:1",
                        "not a sequence"),
                Arguments.of("scalar document", "just text\n", "load.not-a-mapping", "services/x.yaml:1:1",
                        "not a string"),
                Arguments.of("unknown kind", "apiVersion: paved.dev/v1alpha1\nkind: Servce\n", "load.unknown-kind",
                        "services/x.yaml:2:7", "'Servce' is not a kind (did you mean 'Service'?)"),
                Arguments.of("missing kind", "apiVersion: paved.dev/v1alpha1\nmetadata: {}\n", "load.unknown-kind",
                        "services/x.yaml:1:1", "kind is missing"),
                Arguments.of("unknown apiVersion", "apiVersion: paved.dev/v2\nkind: Team\n",
                        "load.unknown-api-version", "services/x.yaml:1:13", "'paved.dev/v2' is not supported"),
                Arguments.of("syntax error", "apiVersion: paved.dev/v1alpha1\nkind: Team\nmetadata:\n  name: [a\n",
                        "load.syntax", "services/x.yaml:", "invalid YAML"),
                Arguments.of("undefined alias", "apiVersion: paved.dev/v1alpha1\nkind: Team\nspec: *nothing\n",
                        "load.syntax", "services/x.yaml:", "refers to no anchor"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedInputs")
    void refusesBadInputWithAFindingAtFileAndLine(String name, String yaml, String ruleId, String at, String message) {
        FileDeclarations file = read(yaml);

        assertThat(file.declarations()).isEmpty();
        assertThat(file.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo(ruleId);
            assertThat(finding.isError()).isTrue();
            assertThat(finding.location().toString()).startsWith(at);
            assertThat(finding.message()).contains(message);
        });
    }

    @Test
    void refusesInvalidUtf8NamingLineAndByte() {
        byte[] bytes = "apiVersion: paved.dev/v1alpha1\nkind: Team\nmetadata:\n  name: caf\u00e9\n"
                .getBytes(StandardCharsets.ISO_8859_1);

        Finding finding = reader.read("teams/cafe.yaml", bytes).findings().get(0);

        assertThat(finding.ruleId()).isEqualTo("load.invalid-utf8");
        assertThat(finding.location().toString()).isEqualTo("teams/cafe.yaml:4:12");
        assertThat(finding.message()).contains("0xE9");
    }

    @Test
    void refusesFilesOverTheSizeLimitWithoutParsingThem() {
        DeclarationReader small = new DeclarationReader(new LoadLimits(100, 64, 1000));

        Finding finding = small.read("services/big.yaml", SERVICE.getBytes(StandardCharsets.UTF_8)).findings().get(0);

        assertThat(finding.ruleId()).isEqualTo("load.file-too-large");
        assertThat(finding.location().line()).isZero();
        assertThat(finding.message()).contains("over the limit of 100 bytes");
    }

    @Test
    void keepsTheDocumentsBeforeAProblem() {
        String yaml = SERVICE + "---\nkind: Service\nkind: Team\n";

        FileDeclarations file = read(yaml);

        assertThat(file.declarations()).extracting(Declaration::name).containsExactly("payments");
        assertThat(file.findings()).extracting(Finding::ruleId).containsExactly("load.duplicate-key");
        assertThat(file.findings().get(0).location().document()).isEqualTo(1);
    }

    @Test
    void remembersTheNameOfADeclarationThatCouldNotBeLoaded() {
        String yaml = "apiVersion: paved.dev/v1alpha1\nkind: Environment\nmetadata:\n  name: prod\n"
                + "spec:\n  tier: production\n  tier: staging\n";

        FileDeclarations file = read(yaml);

        assertThat(file.declarations()).isEmpty();
        assertThat(file.unloaded()).containsExactly(new DeclaredName(Kind.ENVIRONMENT, "prod", "services/x.yaml"));
    }

    @Test
    void acceptsAByteOrderMark() {
        byte[] withBom = ("\ufeff" + SERVICE).getBytes(StandardCharsets.UTF_8);

        assertThat(reader.read("services/x.yaml", withBom).declarations()).hasSize(1);
    }
}
