package dev.paved.cli;

import dev.paved.core.PavedException;
import dev.paved.core.config.LogFormat;
import dev.paved.core.config.PavedConfig;
import dev.paved.core.config.ServeConfig;
import dev.paved.core.providers.ProviderInstances;
import dev.paved.core.source.GitRepository;
import dev.paved.daemon.Daemon;
import dev.paved.daemon.cycle.CycleResult;
import dev.paved.daemon.cycle.RepoSource;
import dev.paved.daemon.cycle.SshSettings;
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
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code paved serve}: the daemon. Keeps live state equal to the last good commit of the platform repo until it is
 * stopped (SIGTERM or Ctrl-C stop it gracefully: a running cycle ends first).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the daemon: fetch the platform repo on a schedule and on webhooks, refuse commits with"
                + " errors, apply good ones, and serve health, metrics and a JSON API over HTTP.",
                "Without --repo it serves sample-platform-repo/ of the checkout it runs in, on the embedded defaults.",
                "Each setting comes from its flag, else its PAVED_SERVE_* variable (PAVED_SERVE_PORT, ...), else the"
                        + " serve: section of paved.yaml, else its default (see docs/configuration.md).",
                "Secrets come from the environment: PAVED_GIT_TOKEN, PAVED_GIT_SSH_PASSPHRASE, PAVED_API_TOKEN,"
                        + " PAVED_WEBHOOK_SECRET_GITHUB, PAVED_WEBHOOK_SECRET_GITLAB, PAVED_WEBHOOK_SECRET_GITEA,"
                        + " PAVED_STORE_URL, PAVED_STORE_USER, PAVED_STORE_PASSWORD (see docs/daemon.md).",
                "With --trusted-keys, a commit not signed by a trusted key is refused like one with errors."})
final class ServeCommand implements Callable<Integer> {

    private static final Path SAMPLE = Path.of("sample-platform-repo");

    @ParentCommand
    private PavedCommand root;

    @Option(names = "--repo", paramLabel = "URL|PATH", description = "The platform repo: an https, ssh or file URL,"
            + " or a folder in a Git work tree (default: ./sample-platform-repo).")
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
            + " apply only after the commit is approved (POST /api/approvals/ENV). Repeatable.")
    private List<String> manual = new ArrayList<>();

    @Option(names = "--host", paramLabel = "HOST", description = "The address to listen on (default: "
            + ServeSettings.DEFAULT_HOST + ").")
    private String host;

    @Option(names = "--port", paramLabel = "N", description = "The HTTP port; 0 takes a free one (default: "
            + ServeSettings.DEFAULT_PORT + ").")
    private Integer port;

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time between scheduled cycles, e.g. 30s, 5m (default: 60s).")
    private Duration interval;

    @Option(names = "--jitter", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Up to this much more, at random, so replicas do not fetch in lockstep (default: 10s).")
    private Duration jitter;

    @Option(names = "--resync", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time between full cycles, which check and plan everything and find drift (default: 10m).")
    private Duration resync;

    @Option(names = "--report-drift", paramLabel = "ENV", description = "An environment where drift is only"
            + " reported (status, metric, log), not corrected. Repeatable.")
    private List<String> reportDrift = new ArrayList<>();

    @Option(names = "--trusted-keys", paramLabel = "PATH", description = "Apply only commits signed by one of these"
            + " keys: a file or a directory of *.asc (OpenPGP), *.pub (SSH) and allowed_signers files (default: none,"
            + " signatures are not checked).")
    private Path trustedKeys;

    @Option(names = "--once", description = "Run one full cycle (fetch, check, plan, apply) and exit: 0 when the"
            + " commit is good (applied, or held by its rules), 1 when it is refused or the cycle failed. No HTTP"
            + " server.")
    private boolean once;

    @Option(names = "--log-format", paramLabel = "text|json", description = "Log lines as text, or as one JSON"
            + " object a line (default: text).")
    private LogFormat logFormat;

    @Mixin
    private RuntimeOptions runtime;

    @Override
    public Integer call() throws InterruptedException {
        Terminal terminal = root.terminal();
        Map<String, String> env = terminal.env();
        PavedConfig config = runtime.load(env);
        ServeSettings serve = ServeSettings.resolve(new ServeSettings.Flags(repo, branch, tag, folder, host, port,
                interval, jitter, resync, manual, reportDrift, trustedKeys, logFormat), env, config.serve());
        ServeLogging.use(serve.logFormat());
        try {
            return serve(serve, config, terminal);
        } catch (PavedException e) {
            if (serve.logFormat() != LogFormat.JSON) {
                throw e;
            }
            ServeLogging.failed(e); // in JSON too, once the log format is known
            return ExitCodes.USAGE;
        }
    }

    private int serve(ServeSettings serve, PavedConfig config, Terminal terminal) throws InterruptedException {
        Map<String, String> env = terminal.env();
        RepoSource.Settings source = source(serve, env, config.stateDir());
        String ref = source.ref().startsWith("refs/") ? source.ref()
                : (serve.tag().isPresent() ? "refs/tags/" : "refs/heads/") + source.ref();
        Daemon.Settings settings = new Daemon.Settings(source, http(serve, env, ref), serve.interval(),
                serve.jitter(), new ApplyRules(serve.manual(), serve.reportDrift()), serve.resync(),
                signatures(serve));
        StateStore store = store(env, config.stateDir());
        ProviderInstances instances = runtime.instances(config, env);
        if (once) {
            try (Daemon daemon = new Daemon(settings, config, instances, store, PolicyOptions.loader(terminal))) {
                CycleResult result = daemon.once();
                return result.outcome() == CycleResult.Outcome.REFUSED
                        || result.outcome() == CycleResult.Outcome.FAILED ? ExitCodes.FINDINGS : ExitCodes.OK;
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Daemon daemon = new Daemon(settings, config, instances, store, PolicyOptions.loader(terminal)).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            daemon.close();
            stopped.countDown();
        }, "paved-shutdown"));
        ServeLogging.announce(terminal, serve.logFormat(), "Serving " + source.remote() + (source.folder().isEmpty()
                ? "" : " (" + source.folder() + ")") + " at " + ref + " on http://" + serve.host() + ":"
                + daemon.port() + "; state in " + config.stateDir() + ". Stop with Ctrl-C.");
        stopped.await();
        return ExitCodes.OK;
    }

    /** With trusted keys (from any place a setting comes from), only commits signed by one of them apply. */
    private static CommitSignatures signatures(ServeSettings serve) {
        return serve.trustedKeys().map(keys -> CommitSignatures.trusting(TrustedKeys.load(keys)))
                .orElse(CommitSignatures.ANY);
    }

    /** A folder in a work tree is fetched from its repository; a URL as it is. */
    private static RepoSource.Settings source(ServeSettings serve, Map<String, String> env, Path stateDir) {
        String remote = serve.repo().orElse(SAMPLE.toString());
        Optional<String> token = Optional.ofNullable(env.get("PAVED_GIT_TOKEN")).filter(t -> !t.isBlank());
        Optional<String> ref = serve.tag().or(serve::branch);
        Path local = Path.of(remote);
        if (!ServeConfig.isUrl(remote) && Files.isDirectory(local)) {
            try (GitRepository git = GitRepository.open(local)) {
                String name = ref.orElseGet(() -> git.branch().orElseThrow(() -> new PavedException(remote
                        + " is on a detached HEAD: say which branch to follow with --branch")));
                return new RepoSource.Settings(git.top().toString(), name, serve.path().orElse(git.folder()), token,
                        stateDir.resolve("source.git"));
            }
        }
        if (serve.repo().isEmpty()) {
            throw new PavedException("no ./sample-platform-repo here: say which platform repo to serve with --repo");
        }
        Optional<Secret> passphrase = Optional.ofNullable(env.get("PAVED_GIT_SSH_PASSPHRASE"))
                .filter(p -> !p.isEmpty()).map(Secret::of);
        return new RepoSource.Settings(remote, ref.orElse("main"), serve.path().orElse(""), token,
                stateDir.resolve("source.git"), new SshSettings(serve.sshKey(), passphrase, serve.sshKnownHosts()));
    }

    private static HttpSettings http(ServeSettings serve, Map<String, String> env, String trackedRef) {
        HttpSettings http = HttpSettings.of(serve.host(), serve.port(), trackedRef);
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
