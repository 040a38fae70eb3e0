package dev.paved.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.core.parse.Declaration;
import dev.paved.core.parse.LoadLimits;
import dev.paved.core.source.DirectorySnapshot;
import dev.paved.core.testing.Golden;
import dev.paved.core.testing.RepoFixture;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** A validation that reads files back from the cache gives exactly what one that parses every file gives. */
class DeclarationCacheTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ValidationService UNCACHED = new ValidationService(LoadLimits.DEFAULTS);

    @TempDir
    Path temp;

    private Path repo;
    private Path cacheFile;

    @BeforeEach
    void repo() {
        repo = RepoFixture.build(Golden.sourceResource("fixtures/base"), null, temp.resolve("repo"));
        cacheFile = temp.resolve("state/cache/declarations.bin");
    }

    private ValidationResult validate(String build) {
        return new ValidationService(LoadLimits.DEFAULTS, null, new DeclarationCache(cacheFile, build))
                .validate(DirectorySnapshot.open(repo));
    }

    private boolean cached(String build, String file) throws IOException {
        byte[] digest = Digests.of(Files.readAllBytes(repo.resolve(file)));
        return new DeclarationCache(cacheFile, build).open(LoadLimits.DEFAULTS).find(digest).isPresent();
    }

    @Test
    void aSecondRunReadsCleanFilesBackAndGivesTheSameResult() throws IOException {
        ValidationResult first = validate("build-1");
        assertThat(cached("build-1", "services/ledger.yaml")).isTrue();

        ValidationResult second = validate("build-1");

        assertSame(second, first);
        assertSame(second, UNCACHED.validate(DirectorySnapshot.open(repo)));
    }

    @Test
    void aChangedFileIsLoadedAndCheckedAgain() throws IOException {
        validate("build-1");
        RepoFixture.replaceOnce(repo.resolve("services/ledger.yaml"), "  lifecycle: production\n",
                "  lifecycle: forever\n");

        ValidationResult changed = validate("build-1");

        assertThat(changed.valid()).isFalse();
        assertSame(changed, UNCACHED.validate(DirectorySnapshot.open(repo)));
    }

    @Test
    void aFileWithFindingsIsNeverCached() throws IOException {
        RepoFixture.replaceOnce(repo.resolve("services/ledger.yaml"), "  lifecycle: production\n",
                "  lifecycle: forever\n");
        ValidationResult first = validate("build-1");

        assertThat(cached("build-1", "services/ledger.yaml")).isFalse();
        assertThat(cached("build-1", "services/checkout.yaml")).isTrue();
        assertSame(validate("build-1"), first);
    }

    @Test
    void anotherBuildDoesNotUseTheEntries() throws IOException {
        validate("build-1");

        assertThat(cached("build-2", "services/ledger.yaml")).isFalse();
        assertSame(validate("build-2"), UNCACHED.validate(DirectorySnapshot.open(repo)));
        assertThat(cached("build-2", "services/ledger.yaml")).isTrue();
        assertThat(cached("build-1", "services/ledger.yaml")).isFalse();
    }

    @Test
    void aDamagedCacheIsIgnored() throws IOException {
        validate("build-1");
        byte[] whole = Files.readAllBytes(cacheFile);
        Files.write(cacheFile, Arrays.copyOf(whole, whole.length / 2));

        assertSame(validate("build-1"), UNCACHED.validate(DirectorySnapshot.open(repo)));
        assertThat(cached("build-1", "services/ledger.yaml")).isTrue();
    }

    @Test
    void onlyTreesThatJsonGivesBackUnchangedAreCached() {
        assertThat(DeclarationCache.readsBackAsItself(NODES.objectNode().put("a", 1).put("b", "text")
                .put("c", 2.5).put("d", true).putNull("e"))).isTrue();
        assertThat(DeclarationCache.readsBackAsItself(NODES.numberNode(Long.MAX_VALUE))).isTrue();
        assertThat(DeclarationCache.readsBackAsItself(NODES.numberNode(3L))).isFalse();
        assertThat(DeclarationCache.readsBackAsItself(NODES.numberNode(BigInteger.TEN))).isFalse();
        assertThat(DeclarationCache.readsBackAsItself(NODES.numberNode(new BigDecimal("1.50")))).isFalse();
        assertThat(DeclarationCache.readsBackAsItself(NODES.numberNode(Double.NaN))).isFalse();
        assertThat(DeclarationCache.readsBackAsItself(NODES.arrayNode().add("\uD800"))).isFalse();
        assertThat(DeclarationCache.readsBackAsItself(NODES.objectNode().put("\uDC00", 1))).isFalse();
    }

    /** Same findings, same digest, and the same declarations: file, document, kind, name and tree. */
    private static void assertSame(ValidationResult actual, ValidationResult expected) {
        assertThat(actual.findings()).isEqualTo(expected.findings());
        assertThat(actual.digest()).isEqualTo(expected.digest());
        assertThat(actual.files()).isEqualTo(expected.files());
        assertThat(summary(actual.catalog().all())).isEqualTo(summary(expected.catalog().all()));
        for (int i = 0; i < expected.catalog().all().size(); i++) {
            Declaration declaration = actual.catalog().all().get(i);
            assertThat(declaration.location()).isEqualTo(expected.catalog().all().get(i).location());
            assertThat(types(declaration.body())).isEqualTo(types(expected.catalog().all().get(i).body()));
        }
    }

    private static List<String> summary(List<Declaration> declarations) {
        return declarations.stream().map(d -> d.file() + "#" + d.document() + " " + d.ref() + " " + d.body())
                .toList();
    }

    /** The node type of every node, depth first: equal trees of other node types would still differ here. */
    private static String types(JsonNode node) {
        StringBuilder types = new StringBuilder(node.getClass().getSimpleName());
        node.forEach(child -> types.append('(').append(types(child)).append(')'));
        return types.toString();
    }
}
