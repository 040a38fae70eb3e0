package dev.paved.cli.dev;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.core.catalog.Catalog;
import dev.paved.core.parse.Kind;
import dev.paved.core.parse.LoadLimits;
import dev.paved.core.pipeline.ValidationResult;
import dev.paved.core.pipeline.ValidationService;
import dev.paved.core.source.DirectorySnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticRepoGeneratorTest {

    @TempDir
    Path temp;

    @Test
    void generatedRepoValidatesCleanAndMatchesItsSummary() throws IOException {
        Path repo = temp.resolve("repo");
        SyntheticRepoGenerator.Summary summary = SyntheticRepoGenerator.generate(repo, 300, 42);

        ValidationResult result = new ValidationService(LoadLimits.DEFAULTS).validate(DirectorySnapshot.open(repo));

        assertThat(result.findings()).isEmpty();
        Catalog catalog = result.catalog();
        assertThat(summary.services()).isEqualTo(300);
        assertThat(catalog.count(Kind.SERVICE)).isEqualTo(summary.services());
        assertThat(catalog.count(Kind.TEAM)).isEqualTo(summary.teams()).isGreaterThanOrEqualTo(3);
        assertThat(catalog.count(Kind.ENVIRONMENT)).isEqualTo(summary.environments()).isEqualTo(4);
        assertThat(catalog.count(Kind.RESOURCE)).isEqualTo(summary.resources()).isGreaterThanOrEqualTo(2);
        assertThat(result.files()).isEqualTo(summary.files()).isLessThan(catalog.size());
        assertThat(yamlFiles(repo).values().stream().mapToLong(bytes -> bytes.length).sum())
                .isEqualTo(summary.bytes());
        assertThat(SyntheticRepoGenerator.summarize(300, 42)).isEqualTo(summary);
    }

    @Test
    void sameSeedGivesIdenticalBytesAndAnotherSeedDiffers() throws IOException {
        SyntheticRepoGenerator.generate(temp.resolve("a"), 120, 7);
        SyntheticRepoGenerator.generate(temp.resolve("b"), 120, 7);
        SyntheticRepoGenerator.generate(temp.resolve("c"), 120, 8);

        Map<String, byte[]> first = yamlFiles(temp.resolve("a"));
        Map<String, byte[]> second = yamlFiles(temp.resolve("b"));
        Map<String, byte[]> other = yamlFiles(temp.resolve("c"));

        assertThat(second.keySet()).containsExactlyElementsOf(first.keySet());
        first.forEach((path, bytes) -> assertThat(second.get(path)).as(path).isEqualTo(bytes));
        assertThat(other.keySet()).isNotEqualTo(first.keySet());
    }

    @Test
    void everyFileStartsWithTheEditorSchemaLine() throws IOException {
        Path repo = temp.resolve("repo");
        SyntheticRepoGenerator.generate(repo, 60, 3);

        yamlFiles(repo).forEach((path, bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8)).as(path)
                .startsWith("# yaml-language-server: $schema=").contains("schema/paved.schema.json\n"));
        assertThat(repo.resolve("schema/paved.schema.json")).isRegularFile();
    }

    /** Repo-relative path → content of every YAML file, sorted by path. */
    private static Map<String, byte[]> yamlFiles(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                files.put(root.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
            }
        }
        return files;
    }
}
