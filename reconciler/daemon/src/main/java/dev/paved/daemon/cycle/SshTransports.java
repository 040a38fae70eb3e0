package dev.paved.daemon.cycle;

import dev.paved.core.source.SourceException;
import dev.paved.provider.Secret;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.sshd.JGitKeyCache;
import org.eclipse.jgit.transport.sshd.KeyPasswordProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * JGit's ssh transport on Apache MINA sshd, set up from {@link SshSettings} alone: the one key, strict checking
 * against the one known_hosts file ({@link KnownHosts}), public-key authentication only, and no ssh config file,
 * default keys or agent from the home directory. Keeps why the last connection failed, when it knows better than
 * the transport's own message.
 */
final class SshTransports implements AutoCloseable {

    private final SshdSessionFactory factory;
    private final Path key;
    private final KnownHosts knownHosts;
    private final AtomicReference<String> keyProblem = new AtomicReference<>();

    private SshTransports(SshSettings settings, Path key) {
        this.key = key;
        this.knownHosts = new KnownHosts(settings.knownHosts());
        Path sshDirectory = settings.knownHosts().toAbsolutePath().getParent();
        this.factory = new SshdSessionFactoryBuilder()
                .setHomeDirectory(new File(System.getProperty("user.home")))
                .setSshDirectory(sshDirectory.toFile())
                .setConfigStoreFactory((home, configFile, user) -> null)
                .setDefaultIdentities(directory -> List.of(key))
                .setDefaultKnownHostsFiles(directory -> List.of(settings.knownHosts()))
                .setServerKeyDatabase((home, directory) -> knownHosts)
                .setKeyPasswordProvider(credentials -> new Passphrase(key, settings.passphrase(), keyProblem))
                .setPreferredAuthentications("publickey")
                .build(new JGitKeyCache());
    }

    /** Whether JGit fetches {@code remote} over ssh: {@code ssh://…} or scp-like {@code user@host:path}. */
    static boolean isSsh(String remote) {
        try {
            URIish uri = new URIish(remote);
            String scheme = uri.getScheme();
            return scheme == null ? uri.getHost() != null
                    : scheme.equals("ssh") || scheme.equals("ssh+git") || scheme.equals("git+ssh");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** @throws SourceException when there is no key, or its file cannot be read */
    static SshTransports open(String remote, SshSettings settings) {
        Path key = settings.key().orElseThrow(() -> new SourceException("the ssh remote " + remote + " needs a private"
                + " key: set PAVED_GIT_SSH_KEY (or serve.ssh.key in paved.yaml) to the key's file"));
        if (!Files.isRegularFile(key) || !Files.isReadable(key)) {
            throw new SourceException("the ssh key " + key + " is not a readable file");
        }
        return new SshTransports(settings, key);
    }

    /** For a fetch's {@code setTransportConfigCallback}: ssh transports use this key and known_hosts. */
    void configure(Transport transport) {
        if (transport instanceof SshTransport ssh) {
            ssh.setSshSessionFactory(factory);
        }
    }

    /**
     * Why the last connection failed, on one line: a refused host key, a key that did not load, a key the server
     * refused, else the transport's {@code message}.
     */
    String explain(String message) {
        Optional<String> hostKey = knownHosts.takeRefusal();
        Optional<String> keyLoad = Optional.ofNullable(keyProblem.getAndSet(null));
        Optional<String> refused = message.contains("server refused") ? Optional.of("the server refused the ssh key "
                + key + ": add its public key to the Git host (a deploy key of the repository, say)") : Optional.empty();
        return hostKey.or(() -> keyLoad).or(() -> refused).orElse(String.join("; ", message.lines().toList()));
    }

    @Override
    public void close() {
        factory.close();
    }

    /** The passphrase, offered once; a key that does not load with it is not tried again. */
    private record Passphrase(Path key, Optional<Secret> secret, AtomicReference<String> problem)
            implements KeyPasswordProvider {

        @Override
        public char[] getPassphrase(URIish uri, int attempt) {
            if (secret.isEmpty()) {
                problem.set("the ssh key " + key + " could not be loaded: it is encrypted, and"
                        + " PAVED_GIT_SSH_PASSPHRASE is not set");
            }
            return attempt == 0 ? secret.map(s -> s.reveal().toCharArray()).orElse(null) : null;
        }

        @Override
        public void setAttempts(int attempts) {
            // one attempt: the passphrase is configured, not typed
        }

        @Override
        public boolean keyLoaded(URIish uri, int attempt, Exception error) {
            if (error != null) {
                problem.set("the ssh key " + key + " could not be loaded: " + (secret.isPresent()
                        ? "the passphrase in PAVED_GIT_SSH_PASSPHRASE does not open it"
                        : "it is encrypted, and PAVED_GIT_SSH_PASSPHRASE is not set"));
            }
            return false;
        }
    }
}
