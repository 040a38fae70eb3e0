package dev.paved.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCommandTest {

    private static final Path SCHEMA_DIR = Path.of(System.getProperty("paved.repoRoot", "../.."))
            .resolve("schema/v1alpha1");

    @Test
    void printsTheSchemaOfAKindAsShippedInSchemaDir() throws IOException {
        ValidateCommandTest.Run result = ValidateCommandTest.run("schema", "service");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(Files.readString(SCHEMA_DIR.resolve("service.schema.json")));
    }

    @Test
    void exportsEveryFileForEditors(@TempDir Path temp) throws IOException {
        ValidateCommandTest.Run result = ValidateCommandTest.run("schema", "--export", temp.toString());

        assertThat(result.exitCode()).isZero();
        try (var files = Files.list(SCHEMA_DIR)) {
            for (Path shipped : files.toList()) {
                assertThat(temp.resolve(shipped.getFileName().toString())).hasSameTextualContentAs(shipped);
            }
        }
    }

    @Test
    void anUnknownKindIsAUsageError() {
        ValidateCommandTest.Run result = ValidateCommandTest.run("schema", "Servise");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("unknown kind 'Servise'");
    }
}
