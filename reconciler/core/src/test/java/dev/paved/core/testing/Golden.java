package dev.paved.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: compares output with a file checked into src/test/resources. Run the tests with
 * {@code -Dpaved.updateGolden=true} to rewrite the files, then review the diff before committing.
 */
public final class Golden {

    private Golden() {
    }

    public static void assertMatches(Path golden, String actual) {
        try {
            if (Boolean.getBoolean("paved.updateGolden")) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(golden).as("golden file %s (run with -Dpaved.updateGolden=true to create it)", golden)
                    .exists();
            assertThat(actual).as("output compared with %s", golden)
                    .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The source copy of a test resource, so that updates land in the source tree, not in target/. */
    public static Path sourceResource(String relative) {
        return Path.of("src/test/resources").resolve(relative);
    }
}
