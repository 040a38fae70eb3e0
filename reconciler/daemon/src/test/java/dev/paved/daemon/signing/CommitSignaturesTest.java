package dev.paved.daemon.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.core.testing.GitFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commit signatures checked against trusted keys, on real commits in a real repository: signed with OpenPGP keys
 * made by BouncyCastle, with SSH keys made and used by {@code ssh-keygen}, and by the {@code git} command itself
 * with {@code gpg} and with {@code ssh-keygen}, so the bytes checked are exactly those Git signs.
 */
class CommitSignaturesTest {

    private static OpenPgpTestKey alice;
    private static OpenPgpTestKey mallory;

    @TempDir
    Path temp;

    private GitFixture repo;
    private SshTestKey bob;
    private SshTestKey eve;
    private CommitSignatures signatures;

    @BeforeAll
    static void openPgpKeys() {
        alice = OpenPgpTestKey.generate("Alice <alice@example.com>");
        mallory = OpenPgpTestKey.generate("Mallory <mallory@example.com>");
    }

    @BeforeEach
    void setUp() throws IOException {
        repo = GitFixture.init(temp.resolve("repo"));
        Files.writeString(temp.resolve("repo/team.yaml"), "kind: Team\n");
        bob = SshTestKey.generate(temp.resolve("ssh"), "bob", "bob@example.com");
        eve = SshTestKey.generate(temp.resolve("ssh"), "eve", "eve@example.com");
        Path trusted = Files.createDirectories(temp.resolve("trusted"));
        alice.writePublicKey(trusted.resolve("alice.asc"));
        Files.copy(bob.publicKey(), trusted.resolve("bob.pub"));
        signatures = CommitSignatures.trusting(TrustedKeys.load(trusted));
    }

    @AfterEach
    void tearDown() {
        repo.close();
    }

    private Optional<String> refusal(String commit) {
        return signatures.refusal(repository(), commit);
    }

    private Repository repository() {
        return repo.git().getRepository();
    }

    @Test
    void aCommitSignedWithATrustedOpenPgpKeyPasses() {
        assertThat(refusal(repo.commit("signed by alice", alice.signer()))).isEmpty();
    }

    @Test
    void aCommitSignedWithATrustedSshKeyPasses() {
        assertThat(refusal(repo.commit("signed by bob", bob.signer()))).isEmpty();
    }

    @Test
    void anUnsignedCommitIsRefused() {
        String commit = repo.commit("unsigned");

        assertThat(refusal(commit)).contains("commit " + commit.substring(0, 12)
                + " is not signed; only commits signed by a trusted key are applied");
        assertThat(CommitSignatures.ANY.refusal(repository(), commit)).as("signatures not required").isEmpty();
    }

    @Test
    void aCommitSignedByAnUntrustedOpenPgpKeyIsRefusedNamingTheKey() {
        String commit = repo.commit("signed by mallory", mallory.signer());

        assertThat(refusal(commit)).contains("commit " + commit.substring(0, 12) + " is not signed by a trusted"
                + " key: signed by OpenPGP key " + mallory.fingerprint() + " which is not trusted");
    }

    @Test
    void aCommitSignedByAnUntrustedSshKeyIsRefusedNamingTheKey() throws IOException {
        String commit = repo.commit("signed by eve", eve.signer());

        assertThat(refusal(commit)).contains("commit " + commit.substring(0, 12) + " is not signed by a trusted"
                + " key: signed by SSH key " + eve.fingerprint() + " which is not trusted");
    }

    @Test
    void aTamperedOpenPgpSignatureIsRefused() {
        String commit = repo.commit("tampered", TestSigner.tampered(alice::sign));

        assertThat(refusal(commit)).hasValueSatisfying(reason -> assertThat(reason).contains(
                "is not signed by a trusted key: its OpenPGP signature by key " + alice.fingerprint()
                        + " (Alice <alice@example.com>) does not match the commit (bad signature)"));
    }

    @Test
    void aTamperedSshSignatureIsRefused() throws IOException {
        String commit = repo.commit("tampered", TestSigner.tampered(bob::sign));
        String fingerprint = bob.fingerprint();

        assertThat(refusal(commit)).hasValueSatisfying(reason -> assertThat(reason).contains(
                "is not signed by a trusted key: its SSH signature by key " + fingerprint
                        + " does not match the commit (bad signature)"));
    }

    @Test
    void theOptionsOfAnAllowedSignersLineHold() throws IOException {
        Path signers = Files.writeString(temp.resolve("allowed_signers"), "bob@example.com namespaces=\"file\" "
                + bob.publicKeyLine() + "\n");
        signatures = CommitSignatures.trusting(TrustedKeys.load(signers));
        String fingerprint = bob.fingerprint();

        // JGit's message names the key where it means the namespace ("git"): checked up to there
        assertThat(refusal(repo.commit("signed by bob", bob.signer()))).hasValueSatisfying(reason -> assertThat(reason)
                .contains("is not signed by a trusted key: its SSH signature by key " + fingerprint
                        + " is not accepted: Key may not be used in namespace"));
    }

    @Test
    void commitsSignedByGitWithSshKeygenAndWithGpgPass() throws IOException {
        Path work = repo.workTree();
        Map<String, String> env = Map.of("GIT_CONFIG_GLOBAL", "/dev/null", "GIT_CONFIG_NOSYSTEM", "1");
        List<String> git = List.of("git", "-c", "user.name=Bob", "-c", "user.email=bob@example.com");
        Commands.run(List.of("git", "add", "."), work, env);
        Commands.run(concat(git, "-c", "gpg.format=ssh", "-c", "user.signingkey=" + bob.privateKey(), "commit", "-q",
                "-S", "-m", "signed by git with ssh-keygen"), work, env);

        assertThat(refusal(head())).as("git's SSH signature").isEmpty();

        Path gnupg = Files.createDirectories(temp.resolve("gnupg"));
        Map<String, String> gpgEnv = Map.of("GNUPGHOME", gnupg.toString(), "GIT_CONFIG_GLOBAL", "/dev/null",
                "GIT_CONFIG_NOSYSTEM", "1");
        try {
            Commands.run(List.of("gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", "",
                    "--quick-gen-key", "Carol <carol@example.com>", "ed25519", "sign", "never"), null, gpgEnv);
            Files.writeString(temp.resolve("trusted/carol.asc"), Commands.run(List.of("gpg", "--batch", "--armor",
                    "--export", "carol@example.com"), null, gpgEnv));
            Files.writeString(work.resolve("team.yaml"), "kind: Team\nmetadata: {name: carol}\n");
            Commands.run(List.of("git", "add", "."), work, gpgEnv);
            Commands.run(concat(git, "-c", "user.signingkey=carol@example.com", "commit", "-q", "-S", "-m",
                    "signed by git with gpg"), work, gpgEnv);

            assertThat(refusal(head())).as("carol is not trusted yet").hasValueSatisfying(reason -> assertThat(reason)
                    .contains("signed by OpenPGP key ").contains("which is not trusted"));
            signatures = CommitSignatures.trusting(TrustedKeys.load(temp.resolve("trusted")));
            assertThat(refusal(head())).as("git's OpenPGP signature by gpg").isEmpty();
        } finally {
            Commands.run(List.of("gpgconf", "--kill", "gpg-agent"), null, gpgEnv);
        }
    }

    private String head() throws IOException {
        return repository().resolve("HEAD").name();
    }

    private static List<String> concat(List<String> first, String... rest) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(List.of(rest));
        return all;
    }
}
