package dev.paved.daemon.signing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.Signer;

/**
 * An SSH key made by {@code ssh-keygen} for a test (ed25519, no passphrase), whose {@link #signer()} signs commits
 * with {@code ssh-keygen -Y sign -n git}, exactly as Git does with {@code gpg.format=ssh}.
 */
public final class SshTestKey {

    private final Path privateKey;

    private SshTestKey(Path privateKey) {
        this.privateKey = privateKey;
    }

    /** Generates {@code dir/name} and {@code dir/name.pub} with {@code comment} on the public key. */
    public static SshTestKey generate(Path dir, String name, String comment) throws IOException {
        Files.createDirectories(dir);
        Path key = dir.resolve(name);
        Commands.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", key.toString()));
        return new SshTestKey(key);
    }

    public Path privateKey() {
        return privateKey;
    }

    public Path publicKey() {
        return privateKey.resolveSibling(privateKey.getFileName() + ".pub");
    }

    /** The public key line: {@code ssh-ed25519 AAAA… comment}. */
    public String publicKeyLine() throws IOException {
        return Files.readString(publicKey()).strip();
    }

    /** The key's fingerprint as {@code ssh-keygen -l} shows it: {@code SHA256:…}. */
    public String fingerprint() throws IOException {
        return Commands.run(List.of("ssh-keygen", "-l", "-f", publicKey().toString())).split("\\s+")[1];
    }

    /** An SSH signature ({@code -----BEGIN SSH SIGNATURE-----}) of {@code data} in the namespace {@code git}. */
    public byte[] sign(byte[] data) {
        try {
            Path buffer = Files.createTempFile(privateKey.getParent(), "buffer", "");
            Files.write(buffer, data);
            Commands.run(List.of("ssh-keygen", "-Y", "sign", "-n", "git", "-f", privateKey.toString(), buffer.toString()));
            Path signature = buffer.resolveSibling(buffer.getFileName() + ".sig");
            byte[] bytes = Files.readAllBytes(signature);
            Files.delete(signature);
            Files.delete(buffer);
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Signer signer() {
        return TestSigner.of(this::sign);
    }
}
