package dev.paved.daemon.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.core.source.SourceException;
import dev.paved.core.testing.GitFixture;
import dev.paved.provider.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fetching the platform repo over ssh from a real SSH server on 127.0.0.1 ({@link SshGitServer}), with keys made
 * for each test: the right key and a known host fetch; a wrong key, an unknown host, a changed host key or a key
 * that will not open fail with a message that says why, and never holds the passphrase.
 */
class RepoSourceSshTest {

    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path temp;

    private GitFixture remote;
    private KeyPair client;
    private SshGitServer server;
    private Path knownHosts;
    private String url;

    @BeforeEach
    void server() throws IOException {
        Path work = Files.createDirectories(temp.resolve("remote"));
        Files.writeString(work.resolve("README.md"), "the platform repo\n");
        remote = GitFixture.init(work);
        remote.commit("first");
        client = SshGitServer.generate();
        server = new SshGitServer("acme/platform.git", work.resolve(".git"), client.getPublic());
        knownHosts = temp.resolve("known_hosts");
        Files.writeString(knownHosts, "# the test server\n" + server.knownHostsLine() + "\n");
        url = "ssh://git@127.0.0.1:" + server.port() + "/acme/platform.git";
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        remote.close();
    }

    @Test
    void fetchesWithTheRightKeyFromAKnownHost() throws Exception {
        try (RepoSource source = open(url, ssh(privateKey(client, null), null))) {
            assertThat(source.fetch()).isEqualTo(head());

            Files.writeString(remote.workTree().resolve("README.md"), "changed\n");
            String second = remote.commit("second");
            assertThat(source.fetch()).isEqualTo(second);
            assertThat(source.snapshot(second).revision()).isEqualTo(second);
        }
        assertThat(server.fetches()).isEqualTo(2);
    }

    @Test
    void ed25519KeysOnBothSidesWork() throws Exception {
        KeyPair ed25519 = SshGitServer.generateEd25519();
        try (SshGitServer modern = new SshGitServer("acme/platform.git", remote.workTree().resolve(".git"),
                ed25519.getPublic(), SshGitServer.generateEd25519())) {
            assertThat(modern.knownHostsLine()).contains(" ssh-ed25519 ");
            Files.writeString(knownHosts, modern.knownHostsLine() + "\n");
            String modernUrl = "ssh://git@127.0.0.1:" + modern.port() + "/acme/platform.git";
            try (RepoSource source = open(modernUrl, ssh(privateKey(ed25519, PASSPHRASE), PASSPHRASE))) {
                assertThat(source.fetch()).isEqualTo(head());
            }
            assertThat(modern.fetches()).isEqualTo(1);
        }
    }

    @Test
    void aHashedKnownHostsLineCounts() throws Exception {
        byte[] salt = new byte[20];
        new SecureRandom().nextBytes(salt);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(salt, "HmacSHA1"));
        byte[] hash = mac.doFinal(("[127.0.0.1]:" + server.port()).getBytes(StandardCharsets.UTF_8));
        String key = server.knownHostsLine().substring(server.knownHostsLine().indexOf(' ') + 1);
        Base64.Encoder base64 = Base64.getEncoder();
        Files.writeString(knownHosts, "|1|" + base64.encodeToString(salt) + "|" + base64.encodeToString(hash) + " "
                + key + "\n");

        try (RepoSource source = open(url, ssh(privateKey(client, null), null))) {
            assertThat(source.fetch()).isEqualTo(head());
        }
    }

    @Test
    void anEncryptedKeyOpensWithItsPassphrase() throws Exception {
        Path key = privateKey(client, PASSPHRASE);
        assertThat(Files.readString(key)).contains("BEGIN OPENSSH PRIVATE KEY");

        try (RepoSource source = open(url, ssh(key, PASSPHRASE))) {
            assertThat(source.fetch()).isEqualTo(head());
        }
    }

    @Test
    void aKeyTheServerDoesNotKnowIsRefused() throws Exception {
        Path stranger = privateKey(SshGitServer.generate(), null);
        try (RepoSource source = open(url, ssh(stranger, null))) {
            assertThatThrownBy(source::fetch).isInstanceOf(SourceException.class)
                    .hasMessage("fetch main from " + url + ": the server refused the ssh key " + stranger + ": add its"
                            + " public key to the Git host (a deploy key of the repository, say)");
        }
        assertThat(server.fetches()).isZero();
    }

    @Test
    void anUnknownHostIsRefusedAndNothingIsAddedToKnownHosts() throws Exception {
        Files.writeString(knownHosts, "# nothing known yet\n");
        try (RepoSource source = open(url, ssh(privateKey(client, null), null))) {
            assertThatThrownBy(source::fetch).isInstanceOf(SourceException.class)
                    .hasMessageContaining("the ssh host key of [127.0.0.1]:" + server.port() + " (ecdsa-sha2-nistp256"
                            + " SHA256:")
                    .hasMessageContaining("is not in " + knownHosts + ": an unknown host is never trusted")
                    .hasMessageContaining("ssh-keyscan -p " + server.port() + " 127.0.0.1 >> " + knownHosts);
        }
        assertThat(Files.readString(knownHosts)).isEqualTo("# nothing known yet\n");
        assertThat(server.fetches()).isZero();
    }

    @Test
    void withoutAKnownHostsFileEveryHostIsUnknown() throws Exception {
        Path missing = temp.resolve("no-such/known_hosts");
        SshSettings settings = new SshSettings(Optional.of(privateKey(client, null)), Optional.empty(), missing);
        try (RepoSource source = open(url, settings)) {
            assertThatThrownBy(source::fetch).isInstanceOf(SourceException.class)
                    .hasMessageContaining("is not in " + missing + " (no such file): an unknown host is never trusted");
        }
        assertThat(missing).doesNotExist();
    }

    @Test
    void aChangedHostKeyIsRefused() throws Exception {
        String impostor = "[127.0.0.1]:" + server.port() + " " + PublicKeyEntry.toString(SshGitServer.generate()
                .getPublic());
        Files.writeString(knownHosts, impostor + "\n");
        try (RepoSource source = open(url, ssh(privateKey(client, null), null))) {
            assertThatThrownBy(source::fetch).isInstanceOf(SourceException.class)
                    .hasMessageContaining("does not match the key " + knownHosts + " has for it: the host's key"
                            + " changed, or something is between Paved and the host; the fetch is refused");
        }
        assertThat(server.fetches()).isZero();
    }

    @Test
    void aKeyThatDoesNotOpenSaysWhyAndNeverShowsThePassphrase() throws Exception {
        Path key = privateKey(client, PASSPHRASE);
        try (RepoSource wrong = open(url, ssh(key, "not the passphrase"))) {
            assertThatThrownBy(wrong::fetch).isInstanceOf(SourceException.class)
                    .hasMessageContaining("the ssh key " + key + " could not be loaded: the passphrase in"
                            + " PAVED_GIT_SSH_PASSPHRASE does not open it")
                    .satisfies(e -> assertThat(e.toString()).doesNotContain("not the passphrase"));
        }
        try (RepoSource none = open(url, ssh(key, null))) {
            assertThatThrownBy(none::fetch).isInstanceOf(SourceException.class)
                    .hasMessageContaining("it is encrypted, and PAVED_GIT_SSH_PASSPHRASE is not set")
                    .satisfies(e -> assertThat(e.toString()).doesNotContain(PASSPHRASE));
        }
        SshSettings settings = ssh(key, PASSPHRASE);
        assertThat(settings.toString()).doesNotContain(PASSPHRASE).contains("passphrase=***");
    }

    @Test
    void anSshRemoteNeedsAReadableKey() {
        SshSettings none = new SshSettings(Optional.empty(), Optional.empty(), knownHosts);
        assertThatThrownBy(() -> open(url, none)).isInstanceOf(SourceException.class).hasMessage("the ssh remote "
                + url + " needs a private key: set PAVED_GIT_SSH_KEY (or serve.ssh.key in paved.yaml) to the key's file");
        Path missing = temp.resolve("id_missing");
        assertThatThrownBy(() -> open(url, ssh(missing, null))).isInstanceOf(SourceException.class)
                .hasMessage("the ssh key " + missing + " is not a readable file");
    }

    @Test
    void sshRemotesAreTheSshAndScpLikeUrls() {
        assertThat(SshTransports.isSsh("ssh://git@git.example:2222/acme/platform.git")).isTrue();
        assertThat(SshTransports.isSsh("git@git.example:acme/platform.git")).isTrue();
        assertThat(SshTransports.isSsh("git.example:acme/platform.git")).isTrue();
        assertThat(SshTransports.isSsh("https://git.example/acme/platform.git")).isFalse();
        assertThat(SshTransports.isSsh("file:///srv/git/platform.git")).isFalse();
        assertThat(SshTransports.isSsh("/srv/git/platform.git")).isFalse();
        assertThat(SshTransports.isSsh(temp.toString())).isFalse();
    }

    private RepoSource open(String remote, SshSettings ssh) {
        return RepoSource.open(new RepoSource.Settings(remote, "main", "", Optional.empty(), temp.resolve("clone.git"),
                ssh));
    }

    private SshSettings ssh(Path key, String passphrase) {
        return new SshSettings(Optional.of(key), Optional.ofNullable(passphrase).map(Secret::of), knownHosts);
    }

    /** The key in OpenSSH's format, encrypted (bcrypt, AES-256-CTR) when there is a passphrase. */
    private Path privateKey(KeyPair pair, String passphrase) throws IOException, GeneralSecurityException {
        Path file = Files.createTempFile(temp, "id_ecdsa", "");
        OpenSSHKeyEncryptionContext encryption = null;
        if (passphrase != null) {
            encryption = new OpenSSHKeyEncryptionContext();
            encryption.setPassword(passphrase);
            encryption.setCipherName("AES");
            encryption.setCipherMode("CTR");
            encryption.setCipherType("256");
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "paved-test", encryption, out);
        }
        return file;
    }

    private String head() throws IOException {
        return remote.git().getRepository().resolve("HEAD").name();
    }
}
