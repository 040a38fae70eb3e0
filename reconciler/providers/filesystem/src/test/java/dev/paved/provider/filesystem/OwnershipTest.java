package dev.paved.provider.filesystem;

import static dev.paved.provider.filesystem.TestResources.desired;
import static dev.paved.provider.filesystem.TestResources.failed;
import static dev.paved.provider.filesystem.TestResources.file;
import static dev.paved.provider.filesystem.TestResources.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.provider.DesiredResource;
import dev.paved.provider.LiveResource;
import dev.paved.provider.ProviderError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A file at a resource's path that is not Paved's is invisible, and never overwritten or deleted. */
class OwnershipTest extends OpenProviderTest {

    private static final DesiredResource API = desired("prod", "workload", "payments-api", "{\"replicas\": 2}");

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        // another tool's mark
        "{\"key\": \"prod/workload/payments-api\", \"managedBy\": \"terraform\", \"owner\": \"x\", \"properties\": {}}",
        // no mark at all
        "{\"key\": \"prod/workload/payments-api\", \"owner\": \"Service/payments-api\", \"properties\": {}}",
        // Paved's mark, but for another key: a copied file
        "{\"key\": \"staging/workload/payments-api\", \"managedBy\": \"paved\", \"owner\": \"x\", \"properties\": {}}",
        // Paved's mark, but not shaped like a resource document
        "{\"key\": \"prod/workload/payments-api\", \"managedBy\": \"paved\", \"owner\": \"x\", \"properties\": [1]}",
        "[\"managedBy\", \"paved\"]",
        "{\"key\": \"prod/workload/payments-api\", \"managedBy\": \"pav",
        "not json at all",
        ""
    })
    void aForeignFileIsInvisibleAndNeverOverwrittenOrDeleted(String content) throws IOException {
        Path file = file(root, API.key());
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);

        assertThat(ok(provider.observe("prod"))).as("invisible").isEmpty();
        ProviderError created = failed(provider.create(API));
        ProviderError updated = failed(provider.update(API, impostor()));
        ProviderError deleted = failed(provider.delete(impostor()));

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).as("untouched").isEqualTo(content);
        assertThat(created.retryable()).isFalse();
        assertThat(created.message()).startsWith("create local-files/prod/workload/payments-api: ")
                .contains("not Paved's");
        assertThat(updated.retryable()).isFalse();
        assertThat(deleted.message()).startsWith("delete local-files/prod/workload/payments-api: ")
                .contains("left in place");
        assertThat(deleted.retryable()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"create", "update"})
    void aFileReplacedBehindPavedsBackIsNotTakenOver(String step) throws IOException {
        LiveResource live = ok(provider.create(API));
        Files.writeString(file(root, API.key()), "{\"managedBy\": \"someone-else\"}");

        var outcome = step.equals("create") ? provider.create(API) : provider.update(API, live);

        assertThat(failed(outcome).message()).contains("not Paved's");
        assertThat(Files.readString(file(root, API.key()))).isEqualTo("{\"managedBy\": \"someone-else\"}");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"create", "update", "delete"})
    void filesBesidePavedsAreLeftAlone(String step) throws IOException {
        Path notes = root.resolve("prod/workload/README.md");
        Path theirs = root.resolve("prod/workload/theirs.json");
        Files.createDirectories(notes.getParent());
        Files.writeString(notes, "hand-written");
        Files.writeString(theirs, "{\"managedBy\": \"someone-else\"}");
        LiveResource live = ok(provider.create(API));

        switch (step) {
            case "create" -> ok(provider.create(API));
            case "update" -> ok(provider.update(desired("prod", "workload", "payments-api", "{}"), live));
            default -> ok(provider.delete(live));
        }

        assertThat(Files.readString(notes)).isEqualTo("hand-written");
        assertThat(Files.readString(theirs)).isEqualTo("{\"managedBy\": \"someone-else\"}");
    }

    @Test
    void updatingWhatIsGoneFailsWithoutCreatingIt() {
        ProviderError error = failed(provider.update(API, impostor()));

        assertThat(error.message()).startsWith("update local-files/prod/workload/payments-api: ")
                .contains("does not exist");
        assertThat(Files.exists(file(root, API.key()))).isFalse();
    }

    private static LiveResource impostor() {
        return new LiveResource(API.key(), "Service/payments-api", API.properties(), Map.of());
    }
}
