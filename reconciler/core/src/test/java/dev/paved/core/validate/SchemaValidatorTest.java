package dev.paved.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.core.finding.Finding;
import dev.paved.core.parse.DeclarationReader;
import dev.paved.core.parse.FileDeclarations;
import dev.paved.core.parse.LoadLimits;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaValidatorTest {

    private static final SchemaValidator SCHEMAS = SchemaValidator.load();
    private static final DeclarationReader READER = new DeclarationReader(LoadLimits.DEFAULTS);

    private static final String SERVICE = """
            apiVersion: paved.dev/v1alpha1
            kind: Service
            metadata:
              name: payments
            spec:
              owner: payments
              lifecycle: production
              criticality: tier-1
              workload:
                containers:
                  - name: api
                    image: registry.example.com/payments/api:1.0.0
                    ports:
                      - name: http
                        port: 8080
              dependencies:
                - name: db
                  type: postgres
              deployments:
                prod:
                  replicas: 3
            """;

    private static List<Finding> validate(String yaml) {
        FileDeclarations file = READER.read("services/payments.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertThat(file.findings()).isEmpty();
        return SCHEMAS.validate(file.declarations().get(0));
    }

    @Test
    void aValidServiceHasNoFindings() {
        assertThat(validate(SERVICE)).isEmpty();
    }

    static Stream<Arguments> invalidServices() {
        return Stream.of(
                Arguments.of("  lifecycle: production\n", "  lifecycle: prodution\n", "schema.enum",
                        "services/payments.yaml:7:14 spec.lifecycle: 'prodution' is not one of experimental,"
                                + " production, deprecated (did you mean 'production'?)"),
                Arguments.of("      replicas: 3\n", "      replicaz: 3\n", "schema.unknown-field",
                        "services/payments.yaml:21:17 spec.deployments.prod.replicaz: unknown field 'replicaz'"
                                + " (did you mean 'replicas'?); allowed here: replicas, resources, env, images,"
                                + " paused (extension data belongs in metadata.annotations)"),
                Arguments.of("  owner: payments\n", "", "schema.required",
                        "services/payments.yaml:5:1 spec: required field 'owner' is missing"),
                Arguments.of("  name: payments\n", "  name: Payments\n", "schema.pattern",
                        "services/payments.yaml:4:9 metadata.name: 'Payments' is not valid here: a DNS label:"
                                + " lower-case letters, digits and '-', starting with a letter, at most 63"
                                + " characters."),
                Arguments.of("port: 8080", "port: http", "schema.type",
                        "services/payments.yaml:15:19 spec.workload.containers[0].ports[0].port: expected an"
                                + " integer but found a string ('http')"),
                Arguments.of("port: 8080", "port: 80800", "schema.maximum",
                        "services/payments.yaml:15:19 spec.workload.containers[0].ports[0].port: must be at most"
                                + " 65535, not 80800"),
                Arguments.of("      type: postgres\n", "      type: postgres\n      service: ledger\n",
                        "schema.one-of", "services/payments.yaml:17:7 spec.dependencies[0]: a dependency names"
                                + " exactly one of 'type' (provisioned for this service), 'service' or 'resource'"
                                + " (a shared Resource)"),
                Arguments.of("api:1.0.0", "api:1.0.0 latest", "schema.pattern",
                        "services/payments.yaml:12:16 spec.workload.containers[0].image: 'registry.example.com/"
                                + "payments/api:1.0.0 latest' is not valid here: an OCI image reference with"
                                + " a tag, a digest or both, e.g. registry.example.com/team/app:1.4.2."),
                Arguments.of("  workload:\n", "  workload:\n    kind: cron\n", "schema.required",
                        "services/payments.yaml:9:3 spec.workload: required field 'schedule' is missing"),
                Arguments.of("api:1.0.0", "api", "schema.pattern",
                        "services/payments.yaml:12:16 spec.workload.containers[0].image: 'registry.example.com/"
                                + "payments/api' is not valid here: an OCI image reference with a tag, a digest or"
                                + " both, e.g. registry.example.com/team/app:1.4.2."));
    }

    @ParameterizedTest(name = "{2}: {1}")
    @MethodSource("invalidServices")
    void explainsEachProblemInPlainWords(String old, String replacement, String ruleId, String expected) {
        List<Finding> findings = validate(SERVICE.replace(old, replacement));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo(ruleId);
            assertThat(finding.location() + " " + finding.path() + ": " + finding.message()).isEqualTo(expected);
        });
    }

    @Test
    void reportsEveryProblemNotOnlyTheFirst() {
        String yaml = SERVICE.replace("tier-1", "tier-9").replace("  lifecycle: production\n", "")
                .replace("replicas: 3", "replicas: -1");

        assertThat(validate(yaml)).extracting(Finding::ruleId)
                .containsExactlyInAnyOrder("schema.enum", "schema.required", "schema.minimum");
    }

    @Test
    void checksDateTimeFormats() {
        String environment = """
                apiVersion: paved.dev/v1alpha1
                kind: Environment
                metadata:
                  name: prod
                spec:
                  tier: production
                  placement: {region: eu-west-1, cluster: prod-1}
                  provisioners: [{type: workload, provider: files}]
                  changeWindows:
                    - type: deny
                      from: "2026-12-24"
                      until: "2026-12-27T00:00:00Z"
                    - type: allow
                      days: [mon]
                """;

        assertThat(validate(environment)).extracting(f -> f.ruleId() + " " + f.path() + ": " + f.message())
                .containsExactly(
                        "schema.format spec.changeWindows[0].from: '2026-12-24' is not a valid date-time"
                                + " (e.g. 2026-12-24T00:00:00Z)",
                        "schema.any-of spec.changeWindows[1]: a change window needs either days, start and end"
                                + " (recurring) or from and until (one-off)");
    }
}
