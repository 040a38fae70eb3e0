package dev.paved.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.paved.core.PavedException;
import dev.paved.core.config.PavedConfig;
import dev.paved.core.providers.ProviderInstances;
import dev.paved.core.source.GitRepository;
import dev.paved.daemon.Daemon;
import dev.paved.daemon.cycle.RepoSource;
import dev.paved.daemon.http.HttpSettings;
import dev.paved.daemon.http.WebhookForge;
import dev.paved.daemon.rules.ApplyRules;
import dev.paved.daemon.signing.CommitSignatures;
import dev.paved.daemon.signing.TrustedKeys;
import dev.paved.daemon.store.StateStore;
import dev.paved.daemon.store.StateStores;
import dev.paved.provider.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ParentCommand;

/**
 * {@code paved serve}: the daemon. Keeps live state equal to the last good commit of the platform repo until it is
 * stopped (SIGTERM or Ctrl-C stop it gracefully: a running cycle ends first).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the daemon: fetch the platform repo on a schedule and on webhooks, refuse commits with"
                + " errors, apply good ones, and serve health, metrics and a JSON API over HTTP.",
                "Without --repo it serves sample-platform-repo/ of the checkout it runs in, on the embedded defaults.",
                "Secrets come from the environment: PAVED_GIT_TOKEN, PAVED_API_TOKEN, PAVED_WEBHOOK_SECRET_GITHUB,"
                        + " PAVED_WEBHOOK_SECRET_GITLAB, PAVED_WEBHOOK_SECRET_GITEA, PAVED_STORE_URL,"
                        + " PAVED_STORE_USER, PAVED_STORE_PASSWORD (see docs/daemon.md).",
                "With --trusted-keys, a commit not signed by a trusted key is refused like one with errors."})
final class ServeCommand implements Callable<Integer> {

    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Path SAMPLE = Path.of("sample-platform-repo");

    @ParentCommand
    private PavedCommand root;

    @Option(names = "--repo", paramLabel = "URL|PATH", description = "The platform repo: an https or file URL, or"
            + " a folder in a Git work tree (default: ./sample-platform-repo).")
    private String repo;

    @Option(names = "--branch", paramLabel = "BRANCH", description = "The branch to follow (default: the one checked"
            + " out, for a folder; main, for a URL).")
    private String branch;

    @Option(names = "--tag", paramLabel = "TAG", description = "Follow a tag instead of a branch.")
    private String tag;

    @Option(names = "--path", paramLabel = "FOLDER", description = "The platform repo's folder within the Git"
            + " repository, for a URL (default: its top).")
    private String folder;

    @Option(names = "--manual", paramLabel = "ENV", description = "An environment that is plan-only: its changes"
            + " apply only after the commit is approved (POST /api/approvals/ENV). Repeatable; default:"
            + " PAVED_MANUAL_ENVIRONMENTS, comma-separated.")
    private List<String> manual = new ArrayList<>();

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "The address to listen on (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N",
            description = "The HTTP port; 0 takes a free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--interval", defaultValue = "60s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time between scheduled cycles, e.g. 30s, 5m (default: ${DEFAULT-VALUE}).")
    private Duration interval;

    @Option(names = "--jitter", defaultValue = "10s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Up to this much more, at random, so replicas do not fetch in lockstep (default:"
                    + " ${DEFAULT-VALUE}).")
    private Duration jitter;

    @Option(names = "--resync", defaultValue = "10m", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time between full cycles, which check and plan everything and find drift (default:"
                    + " ${DEFAULT-VALUE}).")
    private Duration resync;

    @Option(names = "--report-drift", paramLabel = "ENV", description = "An environment where drift is only"
            + " reported (status, metric, log), not corrected. Repeatable; default: PAVED_REPORT_DRIFT_ENVIRONMENTS,"
            + " comma-separated.")
    private List<String> reportDrift = new ArrayList<>();

    @Option(names = "--trusted-keys", paramLabel = "PATH", description = "Apply only commits signed by one of these"
            + " keys: a file or a directory of *.asc (OpenPGP), *.pub (SSH) and allowed_signers files (default:"
            + " PAVED_TRUSTED_KEYS; without either, signatures are not checked).")
    private Path trustedKeys;

    @Mixin
    private RuntimeOptions runtime;

    @Override
    public Integer call() throws InterruptedException {
        Terminal terminal = root.terminal();
        Map<String, String> env = terminal.env();
        Logger rootLogger = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (!rootLogger.isDebugEnabled()) {
            rootLogger.setLevel(Level.INFO); // a daemon says what each cycle did
        }
        if (branch != null && tag != null) {
            throw new PavedException("--branch and --tag: follow one or the other");
        }
        PavedConfig config = runtime.load(env);
        RepoSource.Settings source = source(env, config.stateDir());
        String ref = source.ref().startsWith("refs/") ? source.ref()
                : (tag != null ? "refs/tags/" : "refs/heads/") + source.ref();
        Daemon.Settings settings = new Daemon.Settings(source, http(env, ref), interval, jitter,
                new ApplyRules(environments(manual, "--manual", env, "PAVED_MANUAL_ENVIRONMENTS"),
                        environments(reportDrift, "--report-drift", env, "PAVED_REPORT_DRIFT_ENVIRONMENTS")), resync,
                signatures(env));
        StateStore store = store(env, config.stateDir());
        ProviderInstances instances = runtime.instances(config, env);
        CountDownLatch stopped = new CountDownLatch(1);
        Daemon daemon = new Daemon(settings, config, instances, store, PolicyOptions.loader(terminal)).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            daemon.close();
            stopped.countDown();
        }, "paved-shutdown"));
        terminal.err().println("Serving " + source.remote() + (source.folder().isEmpty() ? "" : " (" + source.folder()
                + ")") + " at " + ref + " on http://" + host + ":" + daemon.port() + "; state in "
                + config.stateDir() + ". Stop with Ctrl-C.");
        terminal.err().flush();
        stopped.await();
        return ExitCodes.OK;
    }

    /** Environment names given by a repeatable option, or else by a variable (comma-separated). */
    private static Set<String> environments(List<String> given, String option, Map<String, String> env,
                                            String variable) {
        List<String> names = given.isEmpty() && present(env, variable) ? List.of(env.get(variable).split(","))
                : given;
        Set<String> environments = new TreeSet<>();
        for (String name : names) {
            String trimmed = name.trim();
            if (!ENVIRONMENT_NAME.matcher(trimmed).matches()) {
                throw new PavedException((given.isEmpty() ? variable : option) + ": '" + trimmed
                        + "' is not an environment name");
            }
            environments.add(trimmed);
        }
        return environments;
    }

    /** {@code --trusted-keys}, or else {@code PAVED_TRUSTED_KEYS}: only commits signed by those keys apply. */
    private CommitSignatures signatures(Map<String, String> env) {
        Path keys = trustedKeys != null ? trustedKeys
                : present(env, "PAVED_TRUSTED_KEYS") ? Path.of(env.get("PAVED_TRUSTED_KEYS")) : null;
        return keys == null ? CommitSignatures.ANY : CommitSignatures.trusting(TrustedKeys.load(keys));
    }

    /** A folder in a work tree is fetched from its repository; a URL as it is. */
    private RepoSource.Settings source(Map<String, String> env, Path stateDir) {
        String remote = repo != null ? repo : SAMPLE.toString();
        Optional<String> token = Optional.ofNullable(env.get("PAVED_GIT_TOKEN")).filter(t -> !t.isBlank());
        String ref = tag != null ? tag : branch;
        Path local = Path.of(remote);
        if (!remote.contains("://") && Files.isDirectory(local)) {
            try (GitRepository git = GitRepository.open(local)) {
                String name = ref != null ? ref : git.branch().orElseThrow(() -> new PavedException(remote
                        + " is on a detached HEAD: say which branch to follow with --branch"));
                return new RepoSource.Settings(git.top().toString(), name, folder != null ? folder : git.folder(),
                        token, stateDir.resolve("source.git"));
            }
        }
        if (repo == null) {
            throw new PavedException("no ./sample-platform-repo here: say which platform repo to serve with --repo");
        }
        return new RepoSource.Settings(remote, ref != null ? ref : "main", folder != null ? folder : "", token,
                stateDir.resolve("source.git"));
    }

    private HttpSettings http(Map<String, String> env, String trackedRef) {
        HttpSettings http = HttpSettings.of(host, port, trackedRef);
        if (present(env, "PAVED_API_TOKEN")) {
            http = http.withApiToken(env.get("PAVED_API_TOKEN"));
        }
        for (WebhookForge forge : WebhookForge.values()) {
            String variable = "PAVED_WEBHOOK_SECRET_" + forge.name();
            if (present(env, variable)) {
                http = http.withWebhookSecret(forge, env.get(variable));
            }
        }
        return http;
    }

    /** PostgreSQL when {@code PAVED_STORE_URL} says so (several replicas), else the embedded H2 file. */
    private static StateStore store(Map<String, String> env, Path stateDir) {
        if (!present(env, "PAVED_STORE_URL")) {
            return StateStores.embedded(stateDir);
        }
        return StateStores.postgres(env.get("PAVED_STORE_URL"), env.getOrDefault("PAVED_STORE_USER", "paved"),
                Secret.of(env.getOrDefault("PAVED_STORE_PASSWORD", "")));
    }

    private static boolean present(Map<String, String> env, String name) {
        return env.get(name) != null && !env.get(name).isBlank();
    }
}
