package dev.paved.provider.filesystem;

import static dev.paved.provider.filesystem.TestResources.desired;
import static dev.paved.provider.filesystem.TestResources.failed;
import static dev.paved.provider.filesystem.TestResources.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.provider.LiveResource;
import dev.paved.provider.ProviderError;
import dev.paved.provider.ProviderException;
import dev.paved.provider.ProviderSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** Opening instances, refusing keys that are not file names, and failing fast once closed. */
class FilesystemProviderTypeTest {

    @TempDir
    Path scratch;

    @Test
    void refusesSettingsWithoutAUsableRoot() throws IOException {
        Path aFile = Files.writeString(scratch.resolve("a-file"), "x");
        FilesystemProviderType type = new FilesystemProviderType();

        assertThatThrownBy(() -> type.open(settings(TestResources.JSON.createObjectNode())))
                .isInstanceOf(ProviderException.class).hasMessageContaining("local-files").hasMessageContaining("root");
        assertThatThrownBy(() -> type.open(settings(
                TestResources.JSON.createObjectNode().put("root", aFile.toString()))))
                .isInstanceOf(ProviderException.class).hasMessageContaining("not a directory");
        assertThatThrownBy(() -> type.open(settings(TestResources.JSON.createObjectNode().put("root", "a\0b"))))
                .isInstanceOf(ProviderException.class).hasMessageContaining("not a valid path");
    }

    @Test
    void aRelativeRootIsResolvedOnceAtOpen() {
        try (var provider = (FilesystemProvider) new FilesystemProviderType()
                .open(settings(TestResources.JSON.createObjectNode().put("root", "target/relative-root")))) {
            assertThat(provider.toString()).isEqualTo("filesystem provider local-files at "
                    + Path.of("target/relative-root").toAbsolutePath().normalize());
        }
    }

    @Test
    void keysThatAreNotFileNamesAreRefusedAndNothingIsWrittenOutsideTheRoot() throws IOException {
        Path root = scratch.resolve("root");
        try (FilesystemProvider provider = TestResources.open(root)) {
            for (var key : List.of(new String[] {"..", "workload", "escape"}, new String[] {"prod", "..", "escape"},
                    new String[] {"prod", "workload", "../../escape"}, new String[] {"prod", "work/load", "x"},
                    new String[] {"prod", "workload", ""}, new String[] {"prod", "workload", ".hidden"},
                    new String[] {"prod", "workload", "line\nbreak"})) {
                ProviderError error = failed(provider.create(desired(key[0], key[1], key[2], "{}")));
                assertThat(error.retryable()).as(String.join("/", key)).isFalse();
                assertThat(error.message()).startsWith("create local-files/");
            }
        }
        try (Stream<Path> everything = Files.walk(scratch)) {
            assertThat(everything.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void everyCallAfterCloseThrowsAtOnce() {
        FilesystemProvider provider = TestResources.open(scratch);
        LiveResource live = ok(provider.create(desired("prod", "workload", "payments-api", "{}")));
        provider.close();
        provider.close();

        assertThatThrownBy(() -> provider.observe("prod")).isInstanceOf(ProviderException.class)
                .hasMessage("observe local-files: the provider instance is closed");
        assertThatThrownBy(() -> provider.create(desired("prod", "workload", "x", "{}")))
                .isInstanceOf(ProviderException.class);
        assertThatThrownBy(() -> provider.update(desired("prod", "workload", "payments-api", "{}"), live))
                .isInstanceOf(ProviderException.class);
        assertThatThrownBy(() -> provider.delete(live)).isInstanceOf(ProviderException.class);
    }

    private static ProviderSettings settings(ObjectNode values) {
        return new ProviderSettings("local-files", values, Map.of());
    }
}
