package dev.paved.cli;

import dev.paved.core.PavedException;
import dev.paved.core.config.Durations;
import dev.paved.core.config.LogFormat;
import dev.paved.core.config.ServeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The settings of {@code paved serve}, each taken from the first place that gives it: its flag, its environment
 * variable ({@code PAVED_SERVE_PORT}, …), the {@code serve:} section of {@code paved.yaml}, else the default. A
 * branch and a tag are one setting: the first place that names either decides which ref is followed. Secrets are
 * not settings: they come from the environment only, where the command reads them.
 *
 * @param repo          the platform repo; empty: {@code ./sample-platform-repo}
 * @param branch        the branch to follow; empty with {@code tag}: the checked-out one, or {@code main}
 * @param tag           the tag to follow
 * @param path          the platform repo's folder within a repository given by URL
 * @param resync        time between full cycles
 * @param manual        plan-only environments
 * @param reportDrift   environments where drift is only reported
 * @param trustedKeys   the keys a commit must be signed by to be applied; empty: signatures are not checked
 * @param sshKey        the private key for an ssh remote
 * @param sshKnownHosts the known_hosts file host keys are checked against
 */
record ServeSettings(Optional<String> repo, Optional<String> branch, Optional<String> tag, Optional<String> path,
                     String host, int port, Duration interval, Duration jitter, Duration resync,
                     Set<String> manual, Set<String> reportDrift, Optional<Path> trustedKeys, LogFormat logFormat,
                     Optional<Path> sshKey, Path sshKnownHosts) {

    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_PORT = 8080;
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);
    static final Duration DEFAULT_JITTER = Duration.ofSeconds(10);
    static final Duration DEFAULT_RESYNC = Duration.ofMinutes(10);

    /** What the command line gave; null (or empty, for a list) where it gave nothing. */
    record Flags(String repo, String branch, String tag, String path, String host, Integer port, Duration interval,
                 Duration jitter, Duration resync, List<String> manual, List<String> reportDrift, Path trustedKeys,
                 LogFormat logFormat) {
    }

    /**
     * @throws PavedException naming the flag or variable whose value is wrong (values from the file were checked
     *                        when it was read)
     */
    static ServeSettings resolve(Flags flags, Map<String, String> env, ServeConfig file) {
        Variables variables = new Variables(env);
        Optional<String> branch = Optional.ofNullable(flags.branch());
        Optional<String> tag = Optional.ofNullable(flags.tag());
        if (branch.isPresent() && tag.isPresent()) {
            throw new PavedException("--branch and --tag: follow one or the other");
        }
        if (branch.isEmpty() && tag.isEmpty()) {
            branch = variables.get("PAVED_SERVE_BRANCH");
            tag = variables.get("PAVED_SERVE_TAG");
            if (branch.isPresent() && tag.isPresent()) {
                throw new PavedException("PAVED_SERVE_BRANCH and PAVED_SERVE_TAG: follow one or the other");
            }
        }
        if (branch.isEmpty() && tag.isEmpty()) {
            branch = file.branch();
            tag = file.tag();
        }
        if (flags.port() != null && port(flags.port().toString()) == null) {
            throw new PavedException("--port: " + flags.port() + " is not a port number (0 to 65535)");
        }
        if (flags.interval() != null && !positive(flags.interval())) {
            throw new PavedException("--interval: must be longer than 0");
        }
        if (flags.jitter() != null && flags.jitter().isNegative()) {
            throw new PavedException("--jitter: must be 0 or more");
        }
        if (flags.resync() != null && !positive(flags.resync())) {
            throw new PavedException("--resync: must be longer than 0");
        }
        int port = first(flags.port(), variables.parse("PAVED_SERVE_PORT", ServeSettings::port,
                "is not a port number (0 to 65535)"), file.port()).orElse(DEFAULT_PORT);
        Duration interval = first(flags.interval(), variables.parse("PAVED_SERVE_INTERVAL",
                text -> duration(text, true), "is not a duration longer than 0: use e.g. 90s, 5m, 1h30m"),
                file.interval()).orElse(DEFAULT_INTERVAL);
        Duration jitter = first(flags.jitter(), variables.parse("PAVED_SERVE_JITTER", text -> duration(text, false),
                "is not a duration: use e.g. 0s, 10s, 1m"), file.jitter()).orElse(DEFAULT_JITTER);
        Duration resync = first(flags.resync(), variables.parse("PAVED_SERVE_RESYNC", text -> duration(text, true),
                "is not a duration longer than 0: use e.g. 10m, 1h"), file.resync()).orElse(DEFAULT_RESYNC);
        return new ServeSettings(first(flags.repo(), variables.get("PAVED_SERVE_REPO"), file.repo()), branch, tag,
                first(flags.path(), variables.get("PAVED_SERVE_PATH"), file.path()),
                first(flags.host(), variables.get("PAVED_SERVE_HOST"), file.host()).orElse(DEFAULT_HOST),
                port, interval, jitter, resync,
                environments("--manual", flags.manual(), variables, "PAVED_SERVE_MANUAL", "PAVED_MANUAL_ENVIRONMENTS",
                        file.manual()),
                environments("--report-drift", flags.reportDrift(), variables, "PAVED_SERVE_REPORT_DRIFT",
                        "PAVED_REPORT_DRIFT_ENVIRONMENTS", file.reportDrift()),
                first(flags.trustedKeys(), variables.get("PAVED_SERVE_TRUSTED_KEYS").map(Path::of),
                        variables.get("PAVED_TRUSTED_KEYS").map(Path::of), file.trustedKeys()),
                first(flags.logFormat(), variables.parse("PAVED_SERVE_LOG_FORMAT", n -> LogFormat.of(n).orElse(null),
                        "must be text or json"), file.logFormat()).orElse(LogFormat.TEXT),
                variables.get("PAVED_GIT_SSH_KEY").map(Path::of).or(file::sshKey),
                variables.get("PAVED_GIT_SSH_KNOWN_HOSTS").map(Path::of).or(file::sshKnownHosts)
                        .orElseGet(() -> home(env).resolve(".ssh").resolve("known_hosts")));
    }

    /** The option's names, else the variable's (comma-separated), else its older name's, else the file's. */
    private static Set<String> environments(String option, List<String> flags, Variables variables, String variable,
                                            String olderName, Optional<List<String>> file) {
        String source = option;
        List<String> names = flags;
        for (String name : List.of(variable, olderName)) {
            if (names.isEmpty() && variables.get(name).isPresent()) {
                source = name;
                names = Arrays.asList(variables.get(name).get().split(","));
            }
        }
        if (names.isEmpty()) {
            names = file.orElse(List.of());
        }
        Set<String> environments = new TreeSet<>();
        for (String name : names) {
            String trimmed = name.trim();
            if (!ServeConfig.ENVIRONMENT_NAME.matcher(trimmed).matches()) {
                throw new PavedException(source + ": '" + trimmed + "' is not an environment name");
            }
            environments.add(trimmed);
        }
        return environments;
    }

    /** The duration, or null when it is not one (or not positive, when it must be). */
    private static Duration duration(String text, boolean mustBePositive) {
        try {
            Duration duration = Durations.parse(text);
            return duration.isNegative() || mustBePositive && duration.isZero() ? null : duration;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    private static Integer port(String text) {
        return text.matches("\\d{1,5}") && Integer.parseInt(text) <= 65535 ? Integer.parseInt(text) : null;
    }

    private static Path home(Map<String, String> env) {
        String home = env.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
    }

    @SafeVarargs
    private static <T> Optional<T> first(T flag, Optional<T>... others) {
        if (flag != null) {
            return Optional.of(flag);
        }
        for (Optional<T> other : others) {
            if (other.isPresent()) {
                return other;
            }
        }
        return Optional.empty();
    }

    /** The environment's values; a blank one counts as not set. */
    private record Variables(Map<String, String> env) {

        Optional<String> get(String name) {
            return Optional.ofNullable(env.get(name)).map(String::strip).filter(value -> !value.isEmpty());
        }

        /** {@code convert} answers null for a value it does not take. */
        <T> Optional<T> parse(String name, Function<String, T> convert, String otherwise) {
            Optional<String> text = get(name);
            if (text.isPresent() && convert.apply(text.get()) == null) {
                throw new PavedException(name + ": '" + text.get() + "' " + otherwise);
            }
            return text.map(convert);
        }
    }
}
