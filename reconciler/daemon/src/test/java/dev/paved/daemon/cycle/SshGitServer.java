package dev.paved.daemon.cycle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.command.CommandFactory;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.UploadPack;

/**
 * A real SSH server for Git on 127.0.0.1 (Apache MINA sshd, as the client side uses): one user, {@code git}, who
 * signs in with one public key and may fetch one repository, served by JGit's {@link UploadPack} for
 * {@code git-upload-pack '/NAME'}. JGit's own {@code SshTestGitServer} is not published to Maven Central, hence
 * this one; it refuses passwords and every other command.
 */
final class SshGitServer implements AutoCloseable {

    private final SshServer server;
    private final KeyPair hostKey;
    private final AtomicInteger fetches = new AtomicInteger();

    /**
     * @param name       the path the repository is served at, e.g. {@code acme/platform.git}
     * @param repository the repository's {@code .git} directory
     * @param client     the only key that may sign in
     */
    SshGitServer(String name, Path repository, PublicKey client) throws IOException {
        this(name, repository, client, generate());
    }

    /** @param hostKey the server's key pair */
    SshGitServer(String name, Path repository, PublicKey client, KeyPair hostKey) throws IOException {
        this.hostKey = hostKey;
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setPublickeyAuthenticator((user, key, session) -> "git".equals(user) && KeyUtils.compareKeys(key, client));
        server.setCommandFactory((channel, command) -> {
            List<String> words = CommandFactory.split(command);
            String path = words.size() == 2 ? words.get(1).replaceFirst("^/", "") : "";
            if (!words.get(0).equals("git-upload-pack") || !path.equals(name)) {
                throw new IOException("refused: " + command);
            }
            return new UploadPackCommand(repository);
        });
        server.start();
    }

    /** A fresh EC P-256 key pair ({@code ecdsa-sha2-nistp256}). */
    static KeyPair generate() {
        return generate("EC");
    }

    /** A fresh Ed25519 key pair ({@code ssh-ed25519}), as sshd makes them (with BouncyCastle). */
    static KeyPair generateEd25519() {
        return generate(SecurityUtils.EDDSA);
    }

    private static KeyPair generate(String algorithm) {
        try {
            KeyPairGenerator generator = SecurityUtils.getKeyPairGenerator(algorithm);
            generator.initialize(256);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return server.getPort();
    }

    /** The server's line in a known_hosts file: {@code [127.0.0.1]:PORT ecdsa-sha2-nistp256 AAAA…}. */
    String knownHostsLine() {
        return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(hostKey.getPublic());
    }

    /** How many fetches were served to the end. */
    int fetches() {
        return fetches.get();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** {@code git-upload-pack} on its own thread, over the channel's streams. */
    private final class UploadPackCommand implements Command {
        private final Path repository;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;

        UploadPackCommand(Path repository) {
            this.repository = repository;
        }

        @Override
        public void start(ChannelSession channel, Environment environment) {
            Thread thread = new Thread(this::serve, "ssh-upload-pack");
            thread.setDaemon(true);
            thread.start();
        }

        private void serve() {
            try (Repository repo = new FileRepositoryBuilder().setGitDir(repository.toFile()).setMustExist(true)
                    .build()) {
                new UploadPack(repo).upload(in, out, err);
                out.flush();
                fetches.incrementAndGet();
                exit.onExit(0);
            } catch (IOException | RuntimeException e) {
                try {
                    err.write((e + "\n").getBytes(StandardCharsets.UTF_8));
                    err.flush();
                } catch (IOException ignored) {
                    // the client is gone
                }
                exit.onExit(1, String.valueOf(e.getMessage()));
            }
        }

        @Override
        public void destroy(ChannelSession channel) {
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }
    }
}
