package dev.paved.daemon.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading trusted keys from a directory or a file, and every kind of bad key file refused with file and line. */
class TrustedKeysTest {

    private static OpenPgpTestKey alice;

    @TempDir
    Path temp;

    private Path dir;
    private SshTestKey bob;
    private SshTestKey carol;

    @BeforeAll
    static void openPgpKey() {
        alice = OpenPgpTestKey.generate("Alice <alice@example.com>");
    }

    @BeforeEach
    void keys() throws IOException {
        dir = Files.createDirectories(temp.resolve("trusted"));
        bob = SshTestKey.generate(temp.resolve("ssh"), "bob", "bob@example.com");
        carol = SshTestKey.generate(temp.resolve("ssh"), "carol", "carol's laptop");
    }

    @Test
    void aDirectoryOfOpenPgpKeysSshKeysAndAllowedSignersIsRead() throws IOException {
        alice.writePublicKey(dir.resolve("alice.asc"));
        Files.copy(bob.publicKey(), dir.resolve("bob.pub"));
        Files.writeString(dir.resolve("allowed_signers"), "# the platform team\n\ncarol@example.com namespaces=\"git\" "
                + carol.publicKeyLine() + "\n");
        Files.writeString(dir.resolve("README.md"), "not a key: ignored\n");
        Files.writeString(dir.resolve(".hidden.pub"), "not a key either: hidden files are ignored\n");

        TrustedKeys keys = TrustedKeys.load(dir);

        assertThat(keys.describe()).isEqualTo("1 OpenPGP key (" + alice.fingerprint() + " (Alice <alice@example.com>))"
                + " and 2 SSH keys from " + dir);
    }

    @Test
    void aSingleFileIsReadByItsNameOrItsArmor() throws IOException {
        Path signers = Files.writeString(temp.resolve("signers"), "bob@example.com " + bob.publicKeyLine() + "\n");
        Path armored = alice.writePublicKey(temp.resolve("alice.key"));

        assertThat(TrustedKeys.load(signers).describe()).isEqualTo("0 OpenPGP keys and 1 SSH key from " + signers);
        assertThat(TrustedKeys.load(armored).describe()).startsWith("1 OpenPGP key (" + alice.fingerprint());
        assertThat(TrustedKeys.load(bob.publicKey()).describe()).startsWith("0 OpenPGP keys and 1 SSH key");
    }

    @Test
    void nothingToTrustIsRefused() {
        assertThatThrownBy(() -> TrustedKeys.load(temp.resolve("nowhere"))).isInstanceOf(TrustedKeysException.class)
                .hasMessage(temp.resolve("nowhere") + ": no such file or directory of trusted keys");
        assertThatThrownBy(() -> TrustedKeys.load(dir))
                .hasMessage(dir + ": holds no trusted key (*.asc for OpenPGP, *.pub or allowed_signers for SSH)");
    }

    @Test
    void brokenOpenPgpFilesAreRefusedNamingTheFile() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.asc"), "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n"
                + "lQOYBF...\n-----END PGP PRIVATE KEY BLOCK-----\n");
        assertThatThrownBy(() -> TrustedKeys.load(dir)).isInstanceOf(TrustedKeysException.class)
                .hasMessage(secret + ": is a private key; give the public key (gpg --armor --export KEY-ID)");

        Files.delete(secret);
        Path garbage = Files.writeString(dir.resolve("garbage.asc"), "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n"
                + "bm90IGEga2V5\n-----END PGP PUBLIC KEY BLOCK-----\n");
        assertThatThrownBy(() -> TrustedKeys.load(dir)).hasMessageStartingWith(garbage + ": ");
    }

    @Test
    void brokenSshKeysAreRefusedNamingTheFileAndLine() throws IOException {
        String[] key = bob.publicKeyLine().split(" ");
        Path pub = Files.writeString(dir.resolve("bob.pub"), bob.publicKeyLine() + "\n" + key[0] + " "
                + key[1].substring(0, 30) + "AAAA " + key[2] + "\n");
        assertThatThrownBy(() -> TrustedKeys.load(dir)).isInstanceOf(TrustedKeysException.class)
                .hasMessageStartingWith(pub + " line 2: the ssh-ed25519 key cannot be read: ");

        Files.writeString(pub, "just-one-field\n");
        assertThatThrownBy(() -> TrustedKeys.load(dir))
                .hasMessage(pub + " line 1: not an OpenSSH public key (type, key, comment)");

        Files.delete(pub);
        Path signers = dir.resolve("allowed_signers");
        Files.writeString(signers, "bob@example.com " + bob.publicKeyLine() + "\n" + bob.publicKeyLine() + "\n");
        assertThatThrownBy(() -> TrustedKeys.load(dir)).hasMessage(signers + " line 2: an allowed-signers line starts"
                + " with the principals it names (e.g. alice@example.com ssh-ed25519 …), not with the key");

        Files.writeString(signers, "# bob\nbob@example.com\n");
        assertThatThrownBy(() -> TrustedKeys.load(dir)).hasMessage(signers + " line 2: not an allowed-signers line"
                + " (principals, options, key): no public key found on it");

        Files.writeString(signers, "carol@example.com " + carol.publicKeyLine() + "\n\nbob@example.com"
                + " valid-after=\"yesterday\" " + bob.publicKeyLine() + "\n");
        assertThatThrownBy(() -> TrustedKeys.load(dir)).as("what JGit cannot parse, with the line it is on")
                .hasMessage(signers + " line 3: not an allowed-signers line: Text 'yesterday' could not be"
                        + " parsed at index 0");
    }
}
