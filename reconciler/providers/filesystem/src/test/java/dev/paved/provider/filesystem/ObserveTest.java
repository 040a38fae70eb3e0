package dev.paved.provider.filesystem;

import static dev.paved.provider.filesystem.TestResources.desired;
import static dev.paved.provider.filesystem.TestResources.failed;
import static dev.paved.provider.filesystem.TestResources.file;
import static dev.paved.provider.filesystem.TestResources.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.paved.provider.DesiredResource;
import dev.paved.provider.LiveResource;
import dev.paved.provider.ProviderError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What observe reports, and what it passes over. */
class ObserveTest extends OpenProviderTest {

    private static final DesiredResource API =
            desired("prod", "workload", "payments-api", "{\"replicas\": 2, \"port\": 8080}");
    private static final DesiredResource DB = desired("prod", "postgres", "payments-api-db", "{\"size\": \"small\"}");

    @Test
    void reportsOwnedResourcesInKeyOrderWithOutputs() {
        ok(provider.create(API));
        ok(provider.create(DB));
        ok(provider.create(desired("staging", "workload", "payments-api", "{}")));

        List<LiveResource> observed = ok(provider.observe("prod"));

        assertThat(observed).extracting(LiveResource::key).containsExactly(DB.key(), API.key());
        assertThat(observed.get(1).owner()).isEqualTo("Service/payments-api");
        assertThat(observed.get(1).outputs()).isEqualTo(Map.of("host", "payments-api.prod.local", "port", "8080",
                "path", file(root, API.key()).toString()));
        assertThat(observed.get(0).outputs()).containsEntry("port", "0")
                .containsEntry("host", "payments-api-db.prod.local");
    }

    @Test
    void createReportsWhatObserveWillReport() {
        LiveResource created = ok(provider.create(API));

        assertThat(ok(provider.observe("prod"))).containsExactly(created);
    }

    @Test
    void anEnvironmentWithoutADirectoryIsEmpty() {
        assertThat(ok(provider.observe("qa"))).isEmpty();
        assertThat(Files.exists(root.resolve("qa"))).as("observe changes nothing").isFalse();
    }

    @Test
    void aMissingRootIsCreated(@TempDir Path scratch) {
        Path missing = scratch.resolve("not/yet/there");
        try (FilesystemProvider fresh = TestResources.open(missing)) {
            assertThat(Files.isDirectory(missing)).isTrue();
            ok(fresh.create(API));
            assertThat(ok(fresh.observe("prod"))).hasSize(1);
        }
    }

    @Test
    void passesOverEverythingThatIsNotAResourceFile() throws IOException {
        ok(provider.create(API));
        Path workloads = root.resolve("prod/workload");
        Files.writeString(root.resolve("prod/README.md"), "a file beside the type directories");
        Files.writeString(workloads.resolve("notes.txt"), "not json");
        Files.writeString(workloads.resolve("payments-api.json.bak"), Files.readString(file(root, API.key())));
        Files.writeString(workloads.resolve(".hidden.json"), Files.readString(file(root, API.key())));
        Files.createDirectories(workloads.resolve("a-directory.json"));
        Files.createDirectories(root.resolve("prod/.git"));
        Files.writeString(root.resolve("prod/.git/x.json"), Files.readString(file(root, API.key())));
        Files.createSymbolicLink(workloads.resolve("dangling.json"), workloads.resolve("nowhere"));

        assertThat(ok(provider.observe("prod"))).extracting(LiveResource::key).containsExactly(API.key());
    }

    @Test
    void aResourceFileThatCannotBeReadIsARetryableError() throws IOException {
        Path memory = Path.of("/proc/self/mem"); // reading it from offset 0 is a real EIO on Linux
        assumeTrue(Files.isRegularFile(memory), "needs Linux /proc");
        ok(provider.create(API));
        Files.createSymbolicLink(root.resolve("prod/workload/orders-api.json"), memory);

        ProviderError error = failed(provider.observe("prod"));

        assertThat(error.retryable()).isTrue();
        assertThat(error.message()).startsWith("observe local-files/prod/workload/orders-api: ");
    }

    @Test
    void anEnvironmentThatCannotBeADirectoryNameIsRefused() {
        for (String environment : List.of("..", "../etc", ".", "", "a/b", ".hidden")) {
            ProviderError error = failed(provider.observe(environment));
            assertThat(error.retryable()).as(environment).isFalse();
            assertThat(error.message()).as(environment).startsWith("observe local-files/" + environment + ": ");
        }
    }

    @Test
    void observingChangesNoFile() throws IOException {
        ok(provider.create(API));
        Path file = file(root, API.key());
        var before = Files.getLastModifiedTime(file);
        byte[] bytes = Files.readAllBytes(file);

        ok(provider.observe("prod"));

        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(before);
    }
}
