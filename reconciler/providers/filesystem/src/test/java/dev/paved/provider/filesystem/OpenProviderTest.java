package dev.paved.provider.filesystem;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A filesystem provider opened on a fresh temporary root for each test, and closed after it. */
abstract class OpenProviderTest {

    @TempDir
    Path root;

    FilesystemProvider provider;

    @BeforeEach
    void open() {
        provider = TestResources.open(root);
    }

    @AfterEach
    void close() {
        provider.close();
    }
}
