package dev.paved.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.core.catalog.Catalog;
import dev.paved.core.finding.Finding;
import dev.paved.core.parse.LoadLimits;
import dev.paved.core.pipeline.ValidationMemory;
import dev.paved.core.pipeline.ValidationService;
import dev.paved.core.source.DirectorySnapshot;
import dev.paved.core.testing.RepoFixture;
import dev.paved.policy.BuiltInLibrary;
import dev.paved.policy.CompiledPolicy;
import dev.paved.policy.PolicyData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policies' data document changed by patches inside the module (the daemon's way) gives exactly the findings
 * the document built whole gives, for a catalog that changed a team, lost a service and gained a team.
 */
class CatalogDataTest {

    private static final Path SAMPLE = Path.of(System.getProperty("paved.repoRoot", "../.."))
            .resolve("sample-platform-repo").toAbsolutePath().normalize();
    private static final CompiledPolicy BUILT_IN = BuiltInLibrary.load().policy();

    @TempDir
    Path temp;

    @Test
    void patchedDataGivesTheFindingsOfWholeData() throws IOException {
        Path repo = RepoFixture.build(SAMPLE, null, temp.resolve("repo"));
        Catalog before = catalog(repo);
        RepoFixture.replaceOnce(repo.resolve("teams/checkout.yaml"), "    pager: pagerduty:CHECKOUT\n", "");
        Files.delete(repo.resolve("services/nightly-sales-report.yaml"));
        Files.delete(repo.resolve("services/order-events-sink.yaml"));
        Files.writeString(repo.resolve("teams/ghost.yaml"), """
                apiVersion: paved.dev/v1alpha1
                kind: Team
                metadata:
                  name: ghost
                spec:
                  displayName: Ghost
                  contacts:
                    email: ghost@acme.example
                """);
        Catalog after = catalog(repo);

        CatalogData data = new CatalogData(BUILT_IN);
        PolicyData first = data.of(before, true);
        PolicyData patched = data.of(after, true);
        assertThat(patched.base()).as("the same base, patched").isSameAs(first.base());
        assertThat(patched.patches()).isNotEmpty().hasSizeLessThan(12);

        List<Finding> incremental;
        try (PolicyStage stage = new PolicyStage(BUILT_IN)) {
            stage.check(before);
            incremental = sorted(stage.check(after));
        }
        List<Finding> whole;
        try (PolicyStage stage = new PolicyStage(BUILT_IN)) {
            whole = sorted(stage.check(after));
        }

        assertThat(incremental).isEqualTo(whole);
        assertThat(incremental).filteredOn(f -> f.ruleId().equals("PAVED-SVC-003"))
                .extracting(f -> f.location().file()).contains("services/cart.yaml", "services/checkout-api.yaml");
        assertThat(incremental).filteredOn(f -> f.ruleId().equals("PAVED-TEAM-002"))
                .extracting(f -> f.location().file()).contains("teams/data.yaml", "teams/ghost.yaml");
    }

    private static Catalog catalog(Path repo) {
        return new ValidationService(LoadLimits.DEFAULTS, new ValidationMemory()).validate(DirectorySnapshot.open(repo))
                .catalog();
    }

    private static List<Finding> sorted(List<Finding> findings) {
        List<Finding> copy = new ArrayList<>(findings);
        copy.sort(null);
        return copy;
    }
}
