package dev.paved.provider.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test cluster helper fails loudly, with the fix, when the server is not installed; it never skips. */
class TestPostgresTest {

    @Test
    void missingServerBinariesFailWithTheInstallCommand(@TempDir Path empty) {
        assertThatThrownBy(() -> TestPostgres.serverBinaries(empty)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("apt-get install -y postgresql");
    }

    @Test
    void theNewestInstalledVersionIsUsed(@TempDir Path root) throws Exception {
        for (String version : new String[] {"9", "15", "13"}) {
            Path initdb = Files.createDirectories(root.resolve(version).resolve("bin")).resolve("initdb");
            Files.createFile(initdb).toFile().setExecutable(true);
        }

        assertThat(TestPostgres.serverBinaries(root)).isEqualTo(root.resolve("15/bin"));
    }
}
