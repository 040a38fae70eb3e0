package dev.paved.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.core.finding.Finding;
import dev.paved.core.parse.LoadLimits;
import dev.paved.core.pipeline.ValidationResult;
import dev.paved.core.pipeline.ValidationService;
import dev.paved.core.source.DirectorySnapshot;
import dev.paved.core.testing.Golden;
import dev.paved.core.testing.RepoFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven tests of the reference rules: each case under fixtures/rules/ edits the base repo in
 * fixtures/base/, and its expected.txt lists every finding. A {@code -pass} case must have none.
 */
class ReferenceRulesTest {

    private static final Path FIXTURES = Golden.sourceResource("fixtures");
    private static final ValidationService SERVICE = new ValidationService(LoadLimits.DEFAULTS);

    @TempDir
    Path temp;

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(FIXTURES.resolve("rules"))) {
            return dirs.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @Test
    void theBaseRepoIsValid() {
        ValidationResult result = validate(RepoFixture.build(FIXTURES.resolve("base"), null, temp));

        assertThat(result.findings()).isEmpty();
        assertThat(result.catalog().size()).isEqualTo(7);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findingsMatchTheCase(String name) {
        Path caseDir = FIXTURES.resolve("rules").resolve(name);
        ValidationResult result = validate(RepoFixture.build(FIXTURES.resolve("base"), caseDir, temp));

        String actual = result.findings().stream().map(ReferenceRulesTest::line).collect(Collectors.joining());
        if (name.endsWith("-pass")) {
            assertThat(actual).as("a passing case has no findings").isEmpty();
        } else {
            String rule = "ref." + name.substring(0, name.length() - "-fail".length());
            assertThat(result.findings()).as("the case exercises its rule").extracting(Finding::ruleId).contains(rule);
        }
        Golden.assertMatches(caseDir.resolve(RepoFixture.EXPECTED_FILE), actual);
    }

    private static ValidationResult validate(Path repo) {
        return SERVICE.validate(DirectorySnapshot.open(repo));
    }

    static String line(Finding f) {
        String path = f.path().isEmpty() ? "" : f.path() + ": ";
        return f.location() + " " + f.severity().label() + " " + f.ruleId() + " " + path + f.message() + "\n";
    }
}
