package dev.paved.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.core.PavedException;
import dev.paved.provider.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PavedConfigTest {

    @TempDir
    Path dir;

    @Test
    void readsInstancesSecretsAndStateDirRelativeToTheFile() throws IOException {
        Path file = dir.resolve("paved.yaml");
        Files.writeString(file, """
                stateDir: state
                unconfiguredInstances: error
                providers:
                  pg-prod:
                    type: postgres
                    settings: {host: 127.0.0.1, port: 5432}
                    secrets:
                      password: env:PG_PASSWORD
                """);

        PavedConfig config = PavedConfig.load(file);

        assertThat(config.stateDir()).isEqualTo(dir.resolve("state"));
        InstanceConfig pg = config.instance("pg-prod");
        assertThat(pg.type()).isEqualTo("postgres");
        assertThat(pg.settings().path("port").asInt()).isEqualTo(5432);
        assertThat(pg.secrets()).containsEntry("password", "env:PG_PASSWORD");
        assertThatThrownBy(() -> config.instance("pg-dev")).isInstanceOf(PavedException.class)
                .hasMessage("provider instance 'pg-dev' is not configured in paved.yaml");
    }

    @Test
    void withoutAFileEveryInstanceIsAFilesystemUnderTheStateDir() {
        InstanceConfig instance = PavedConfig.defaults(dir).instance("pg-prod");

        assertThat(instance.type()).isEqualTo("filesystem");
        assertThat(instance.settings().path("root").asString()).isEqualTo(dir.resolve("live/pg-prod").toString());
    }

    @Test
    void aBrokenFileIsNamedInTheError() throws IOException {
        Path file = dir.resolve("paved.yaml");
        Files.writeString(file, "providers:\n  pg: {settings: {}}\n");

        assertThatThrownBy(() -> PavedConfig.load(file)).isInstanceOf(PavedException.class)
                .hasMessage(file + ":2: providers.pg.type is required");
    }

    @Test
    void secretsComeFromTheEnvironmentOrFilesAndNeverShowTheirValue() throws IOException {
        Path file = dir.resolve("token");
        Files.writeString(file, "s3cr3t-from-file\n");
        SecretSource source = new SecretSource(Map.of("PG_PASSWORD", "s3cr3t-from-env"));

        Secret fromEnv = source.read("pg", "password", "env:PG_PASSWORD");
        Secret fromFile = source.read("git", "token", "file:" + file);

        assertThat(fromEnv.reveal()).isEqualTo("s3cr3t-from-env");
        assertThat(fromFile.reveal()).isEqualTo("s3cr3t-from-file");
        assertThat(fromEnv.toString()).isEqualTo("(sensitive)");
        assertThatThrownBy(() -> source.read("pg", "password", "env:MISSING")).isInstanceOf(PavedException.class)
                .hasMessage("provider instance pg: secret 'password': environment variable MISSING is not set");
    }
}
