package dev.paved.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.core.PavedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServeConfigTest {

    @TempDir
    Path dir;

    @Test
    void readsEverySettingOfTheServeSectionWithPathsRelativeToTheFile() throws IOException {
        PavedConfig config = load("""
                stateDir: state
                serve:
                  repo: ../platform
                  tag: v1.2.0
                  path: platform
                  host: 0.0.0.0
                  port: 9090
                  interval: 5m
                  jitter: 0s
                  resync: 1h
                  manual: [prod, staging]
                  reportDrift: preview
                  trustedKeys: keys/trusted
                  logFormat: json
                  ssh:
                    key: keys/id_ed25519
                    knownHosts: /etc/paved/known_hosts
                """);

        ServeConfig serve = config.serve();
        assertThat(serve.repo()).contains(dir.getParent().resolve("platform").toString());
        assertThat(serve.branch()).isEmpty();
        assertThat(serve.tag()).contains("v1.2.0");
        assertThat(serve.path()).contains("platform");
        assertThat(serve.host()).contains("0.0.0.0");
        assertThat(serve.port()).contains(9090);
        assertThat(serve.interval()).contains(Duration.ofMinutes(5));
        assertThat(serve.jitter()).contains(Duration.ZERO);
        assertThat(serve.resync()).contains(Duration.ofHours(1));
        assertThat(serve.manual()).contains(List.of("prod", "staging"));
        assertThat(serve.reportDrift()).contains(List.of("preview"));
        assertThat(serve.trustedKeys()).contains(dir.resolve("keys/trusted"));
        assertThat(serve.logFormat()).contains(LogFormat.JSON);
        assertThat(serve.sshKey()).contains(dir.resolve("keys/id_ed25519"));
        assertThat(serve.sshKnownHosts()).contains(Path.of("/etc/paved/known_hosts"));
        assertThat(config.withStateDir(dir.resolve("elsewhere")).serve()).isEqualTo(serve);
    }

    @Test
    void aUrlIsKeptAsWrittenAndManualMayBeCommaSeparated() throws IOException {
        ServeConfig serve = load("""
                serve:
                  repo: git@git.example:acme/platform.git
                  port: "8081"
                  manual: prod, preview
                """).serve();

        assertThat(serve.repo()).contains("git@git.example:acme/platform.git");
        assertThat(serve.port()).contains(8081);
        assertThat(serve.manual()).contains(List.of("prod", "preview"));
        assertThat(ServeConfig.isUrl("https://git.example/acme/platform.git")).isTrue();
        assertThat(ServeConfig.isUrl("file:///srv/git/platform.git")).isTrue();
        assertThat(ServeConfig.isUrl("ssh://git@git.example:2222/acme/platform.git")).isTrue();
        assertThat(ServeConfig.isUrl("./platform")).isFalse();
        assertThat(ServeConfig.isUrl("/srv/a:b")).isFalse();
    }

    @Test
    void withoutAServeSectionNothingIsSet() throws IOException {
        assertThat(load("stateDir: state\n").serve()).isEqualTo(ServeConfig.NONE);
        assertThat(load("serve:\n").serve()).isEqualTo(ServeConfig.NONE);
        assertThat(PavedConfig.defaults(dir).serve()).isEqualTo(ServeConfig.NONE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown key               | prot: 8080                 | 3: serve.prot: unknown setting (known: branch, host, interval, jitter, logFormat, manual, path, port, repo, reportDrift, resync, ssh, tag, trustedKeys)
            port not a number         | port: http                 | 3: serve.port: 'http' is not a port number (0 to 65535)
            port out of range         | port: 70000                | 3: serve.port: '70000' is not a port number (0 to 65535)
            bad duration              | interval: 5 minutes        | 3: serve.interval: '5 minutes' is not a duration: use e.g. 90s, 5m, 1h30m
            zero interval             | interval: 0s               | 3: serve.interval: must be longer than 0, not 0s
            negative resync           | resync: PT-1M              | 3: serve.resync: must be longer than 0, not PT-1M
            a list for a value        | branch: [main]             | 3: serve.branch: must be a single value, not a list
            an empty value            | host: ''                   | 3: serve.host: is empty
            log format                | logFormat: xml             | 3: serve.logFormat: 'xml' must be text or json
            branch and tag            | branch: main\\n  tag: v1   | 4: serve.tag: follow a branch or a tag, not both
            environment name          | manual: [prod, Staging]    | 3: serve.manual.1: 'Staging' is not an environment name
            drift environment name    | reportDrift: prod, x_y     | 3: serve.reportDrift: 'x_y' is not an environment name
            a token                   | token: ghp_abc             | 3: serve.token: secrets are never read from paved.yaml: set PAVED_GIT_TOKEN in the environment
            an ssh passphrase         | ssh:\\n    passphrase: x   | 4: serve.ssh.passphrase: secrets are never read from paved.yaml: set PAVED_GIT_SSH_PASSPHRASE in the environment
            unknown ssh key           | ssh:\\n    identity: id    | 4: serve.ssh.identity: unknown setting (known: key, knownHosts)
            """)
    void aBadSettingIsAnErrorNamingTheFileLineAndKey(String problem, String setting, String expected)
            throws IOException {
        Path file = write("stateDir: state\nserve:\n  " + setting.replace("\\n", "\n") + "\n");

        assertThatThrownBy(() -> PavedConfig.load(file)).isInstanceOf(PavedException.class)
                .hasMessage(file + ":" + expected);
    }

    @Test
    void theSecretIsNotInTheMessage() throws IOException {
        Path file = write("serve:\n  token: ghp_s3cr3t\n");

        assertThatThrownBy(() -> PavedConfig.load(file)).isInstanceOf(PavedException.class)
                .message().doesNotContain("ghp_s3cr3t");
    }

    private PavedConfig load(String text) throws IOException {
        return PavedConfig.load(write(text));
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("paved.yaml");
        Files.writeString(file, text);
        return file;
    }
}
