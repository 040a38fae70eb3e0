package dev.paved.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.core.PavedException;
import dev.paved.core.config.LogFormat;
import dev.paved.core.config.ServeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Precedence of {@code paved serve}'s settings: flag, then environment variable, then paved.yaml, then default. */
class ServeSettingsTest {

    private static final ServeSettings.Flags NO_FLAGS = flags(null, null, null, null, List.of(), null);
    private static final ServeConfig FILE = new ServeConfig(Optional.of("/srv/platform"), Optional.empty(),
            Optional.of("v1"), Optional.of("platform"), Optional.of("0.0.0.0"), Optional.of(9000),
            Optional.of(Duration.ofMinutes(5)), Optional.of(Duration.ZERO), Optional.of(Duration.ofHours(1)),
            Optional.of(List.of("prod")), Optional.of(List.of("preview")), Optional.of(Path.of("/etc/paved/trusted")),
            Optional.of(LogFormat.JSON), Optional.of(Path.of("/etc/paved/id_ed25519")),
            Optional.of(Path.of("/etc/paved/known_hosts")));

    @Test
    void withNothingGivenEverySettingHasItsDefault() {
        ServeSettings settings = ServeSettings.resolve(NO_FLAGS, Map.of("HOME", "/home/paved"), ServeConfig.NONE);

        assertThat(settings).isEqualTo(new ServeSettings(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), "127.0.0.1", 8080, Duration.ofSeconds(60), Duration.ofSeconds(10),
                Duration.ofMinutes(10), Set.of(), Set.of(), Optional.empty(), LogFormat.TEXT, Optional.empty(),
                Path.of("/home/paved/.ssh/known_hosts")));
    }

    @Test
    void theFileGivesWhatNothingElseDoes() {
        ServeSettings settings = ServeSettings.resolve(NO_FLAGS, Map.of(), FILE);

        assertThat(settings).isEqualTo(new ServeSettings(Optional.of("/srv/platform"), Optional.empty(),
                Optional.of("v1"), Optional.of("platform"), "0.0.0.0", 9000, Duration.ofMinutes(5), Duration.ZERO,
                Duration.ofHours(1), Set.of("prod"), Set.of("preview"), Optional.of(Path.of("/etc/paved/trusted")),
                LogFormat.JSON,
                Optional.of(Path.of("/etc/paved/id_ed25519")),
                Path.of("/etc/paved/known_hosts")));
    }

    @Test
    void environmentVariablesOverrideTheFile() {
        Map<String, String> env = Map.ofEntries(Map.entry("PAVED_SERVE_REPO", "https://git.example/p.git"),
                Map.entry("PAVED_SERVE_BRANCH", "release"), Map.entry("PAVED_SERVE_PATH", " "),
                Map.entry("PAVED_SERVE_HOST", "10.0.0.1"), Map.entry("PAVED_SERVE_PORT", "9100"),
                Map.entry("PAVED_SERVE_INTERVAL", "30s"), Map.entry("PAVED_SERVE_JITTER", "2s"),
                Map.entry("PAVED_SERVE_RESYNC", "30m"), Map.entry("PAVED_SERVE_MANUAL", "staging, prod"),
                Map.entry("PAVED_SERVE_REPORT_DRIFT", "prod"), Map.entry("PAVED_SERVE_LOG_FORMAT", "TEXT"),
                Map.entry("PAVED_SERVE_TRUSTED_KEYS", "/run/trusted"),
                Map.entry("PAVED_GIT_SSH_KEY", "/run/secrets/deploy-key"),
                Map.entry("PAVED_GIT_SSH_KNOWN_HOSTS", "/run/secrets/known_hosts"));

        ServeSettings settings = ServeSettings.resolve(NO_FLAGS, env, FILE);

        assertThat(settings).isEqualTo(new ServeSettings(Optional.of("https://git.example/p.git"),
                Optional.of("release"), Optional.empty(), Optional.of("platform"), "10.0.0.1", 9100,
                Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofMinutes(30), Set.of("prod", "staging"),
                Set.of("prod"), Optional.of(Path.of("/run/trusted")), LogFormat.TEXT,
                Optional.of(Path.of("/run/secrets/deploy-key")),
                Path.of("/run/secrets/known_hosts")));
    }

    @Test
    void flagsOverrideEnvironmentVariablesAndTheFile() {
        Map<String, String> env = Map.of("PAVED_SERVE_PORT", "9100", "PAVED_SERVE_TAG", "v2",
                "PAVED_SERVE_INTERVAL", "30s", "PAVED_MANUAL_ENVIRONMENTS", "staging", "PAVED_SERVE_RESYNC", "1h",
                "PAVED_REPORT_DRIFT_ENVIRONMENTS", "staging", "PAVED_SERVE_LOG_FORMAT", "json",
                "PAVED_TRUSTED_KEYS", "/run/trusted");
        ServeSettings.Flags flags = new ServeSettings.Flags("/work/platform", "main", null, "sub", "::1", 0,
                Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMinutes(2), List.of("preview"),
                List.of("prod"), Path.of("keys"), LogFormat.TEXT);

        ServeSettings settings = ServeSettings.resolve(flags, env, FILE);

        assertThat(settings.repo()).contains("/work/platform");
        assertThat(settings.branch()).contains("main");
        assertThat(settings.tag()).as("a branch flag overrides a tag from anywhere below").isEmpty();
        assertThat(settings.path()).contains("sub");
        assertThat(settings.host()).isEqualTo("::1");
        assertThat(settings.port()).isZero();
        assertThat(settings.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.jitter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.resync()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.manual()).containsExactly("preview");
        assertThat(settings.reportDrift()).containsExactly("prod");
        assertThat(settings.trustedKeys()).contains(Path.of("keys"));
        assertThat(settings.logFormat()).isEqualTo(LogFormat.TEXT);
    }

    @Test
    void eachSettingIsTakenFromItsOwnFirstSource() {
        ServeSettings.Flags flags = flags(null, 7000, null, null, List.of(), null);

        ServeSettings settings = ServeSettings.resolve(flags, Map.of("PAVED_SERVE_INTERVAL", "2m",
                "PAVED_SERVE_TAG", "v3", "PAVED_MANUAL_ENVIRONMENTS", "staging",
                "PAVED_REPORT_DRIFT_ENVIRONMENTS", "staging", "PAVED_TRUSTED_KEYS", "/run/trusted"), FILE);

        assertThat(settings.port()).as("flag").isEqualTo(7000);
        assertThat(settings.interval()).as("variable").isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.tag()).as("variable").contains("v3");
        assertThat(settings.manual()).as("the older variable name").containsExactly("staging");
        assertThat(settings.reportDrift()).as("the older variable name").containsExactly("staging");
        assertThat(settings.resync()).as("file").isEqualTo(Duration.ofHours(1));
        assertThat(settings.trustedKeys()).as("the older variable name").contains(Path.of("/run/trusted"));
        assertThat(settings.host()).as("file").isEqualTo("0.0.0.0");
        assertThat(settings.jitter()).as("file").isZero();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            PAVED_SERVE_PORT          | http        | PAVED_SERVE_PORT: 'http' is not a port number (0 to 65535)
            PAVED_SERVE_PORT          | 65536       | PAVED_SERVE_PORT: '65536' is not a port number (0 to 65535)
            PAVED_SERVE_INTERVAL      | 5 minutes   | PAVED_SERVE_INTERVAL: '5 minutes' is not a duration longer than 0: use e.g. 90s, 5m, 1h30m
            PAVED_SERVE_INTERVAL      | 0s          | PAVED_SERVE_INTERVAL: '0s' is not a duration longer than 0: use e.g. 90s, 5m, 1h30m
            PAVED_SERVE_JITTER        | soon        | PAVED_SERVE_JITTER: 'soon' is not a duration: use e.g. 0s, 10s, 1m
            PAVED_SERVE_LOG_FORMAT    | xml         | PAVED_SERVE_LOG_FORMAT: 'xml' must be text or json
            PAVED_SERVE_MANUAL        | prod,Stage  | PAVED_SERVE_MANUAL: 'Stage' is not an environment name
            PAVED_MANUAL_ENVIRONMENTS | prod/x      | PAVED_MANUAL_ENVIRONMENTS: 'prod/x' is not an environment name
            PAVED_SERVE_REPORT_DRIFT  | Prod        | PAVED_SERVE_REPORT_DRIFT: 'Prod' is not an environment name
            PAVED_SERVE_RESYNC        | 0s          | PAVED_SERVE_RESYNC: '0s' is not a duration longer than 0: use e.g. 10m, 1h
            """)
    void aBadVariableIsNamedInTheError(String variable, String value, String expected) {
        assertThatThrownBy(() -> ServeSettings.resolve(NO_FLAGS, Map.of(variable, value), FILE))
                .isInstanceOf(PavedException.class).hasMessage(expected);
    }

    @Test
    void badFlagsAndContradictionsAreNamed() {
        assertThatThrownBy(() -> ServeSettings.resolve(flags("main", null, null, null, List.of(), "v1"), Map.of(),
                ServeConfig.NONE)).hasMessage("--branch and --tag: follow one or the other");
        assertThatThrownBy(() -> ServeSettings.resolve(NO_FLAGS, Map.of("PAVED_SERVE_BRANCH", "main",
                "PAVED_SERVE_TAG", "v1"), ServeConfig.NONE))
                .hasMessage("PAVED_SERVE_BRANCH and PAVED_SERVE_TAG: follow one or the other");
        assertThatThrownBy(() -> ServeSettings.resolve(flags(null, 70000, null, null, List.of(), null), Map.of(),
                ServeConfig.NONE)).hasMessage("--port: 70000 is not a port number (0 to 65535)");
        assertThatThrownBy(() -> ServeSettings.resolve(flags(null, null, Duration.ZERO, null, List.of(), null),
                Map.of(), ServeConfig.NONE)).hasMessage("--interval: must be longer than 0");
        assertThatThrownBy(() -> ServeSettings.resolve(flags(null, null, null, null, List.of("Prod"), null),
                Map.of("PAVED_SERVE_MANUAL", "staging"), ServeConfig.NONE))
                .hasMessage("--manual: 'Prod' is not an environment name");
    }

    private static ServeSettings.Flags flags(String branch, Integer port, Duration interval, Duration jitter,
                                             List<String> manual, String tag) {
        return new ServeSettings.Flags(null, branch, tag, null, null, port, interval, jitter, null, manual, List.of(),
                null, null);
    }
}
