package dev.paved.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.core.finding.Finding;
import dev.paved.core.finding.Severity;
import dev.paved.core.parse.LoadLimits;
import dev.paved.core.pipeline.ValidationResult;
import dev.paved.core.pipeline.ValidationService;
import dev.paved.core.source.DirectorySnapshot;
import dev.paved.core.testing.Golden;
import dev.paved.policy.OpaBinary;
import dev.paved.policy.PolicyCompiler;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Policies as a validation stage: results at file:line, and a runaway policy as a finding, not a hang. */
class PolicyStageTest {

    @Test
    void aRunawayPolicyIsAFindingAboutTheDocumentAndTheOthersStillRun() {
        var compiled = new PolicyCompiler(OpaBinary.locate(System.getenv()))
                .compile(Golden.sourceResource("fixtures/policies/runaway"));
        ValidationResult result;
        try (PolicyStage policies = new PolicyStage(compiled, Duration.ofMillis(300))) {
            result = new ValidationService(LoadLimits.DEFAULTS, policies)
                    .validate(DirectorySnapshot.open(Golden.sourceResource("fixtures/base")));
        }

        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals("policy.evaluation"))
                .extracting(f -> f.location().file()).containsExactly("teams/payments.yaml", "teams/platform.yaml");
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals("policy.evaluation")).first()
                .extracting(Finding::message).asString()
                .contains("namespace paved.teams").contains("Team/payments").contains("stopped after 300 ms");
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals("T-1"))
                .allSatisfy(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.location().line()).isEqualTo(3);
                    assertThat(f.pointer()).isEqualTo("/metadata");
                }).hasSize(2);
    }

    @Test
    void policiesAreToldWhoRefersToEachDeclaration() {
        var compiled = new PolicyCompiler(OpaBinary.locate(System.getenv()))
                .compile(Golden.sourceResource("fixtures/policies/referrers"));
        ValidationResult result;
        try (PolicyStage policies = new PolicyStage(compiled)) {
            result = new ValidationService(LoadLimits.DEFAULTS, policies)
                    .validate(DirectorySnapshot.open(Golden.sourceResource("fixtures/base")));
        }

        assertThat(result.findings()).filteredOn(f -> f.ruleId().startsWith("policy.paved.probe"))
                .extracting(f -> f.location().file() + " " + f.message()).containsExactlyInAnyOrder(
                        "teams/platform.yaml {\"resources\":[\"events\"],\"teams\":[\"payments\"]}",
                        "teams/payments.yaml {\"services\":[\"checkout\",\"ledger\"]}",
                        "services/ledger.yaml {\"services\":[\"checkout\"]}",
                        "services/checkout.yaml {}",
                        "resources/events.yaml {\"services\":[\"checkout\"]}");
    }
}
